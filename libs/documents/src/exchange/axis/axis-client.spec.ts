import { AxisSimulator, startAxisSimulator } from '../../../../../test/support/axis-simulator';
import { TransportError } from '../exchange-transport';
import { AxisClient } from './axis-client';
import { splitEdxmlFile } from './axis-transport';

const A = '000.00.43.K72';
const B = '000.00.44.K72';

describe('the axis client against the axis protocol (simulator over HTTP)', () => {
  let axis: AxisSimulator;
  let a: AxisClient;
  let b: AxisClient;

  beforeAll(async () => {
    axis = await startAxisSimulator();
    axis.addSystem('sys-a', 'secret-a', [A]);
    axis.addSystem('sys-b', 'secret-b', [B]);
    a = new AxisClient({ url: axis.url, systemId: 'sys-a', secret: 'secret-a' });
    b = new AxisClient({ url: `${axis.url}/`, systemId: 'sys-b', secret: 'secret-b' });
  });
  afterAll(() => axis.close());

  it('sendEdoc → getReceivedEdocList → getEdoc → updateStatus, and getSentEdocList', async () => {
    const file = Buffer.from('Content-Type: multipart/related; boundary="x"\r\n\r\n--x--\r\n', 'latin1');
    const docId = await a.sendEdoc(A, [B], 'edoc', file);
    const listed = await b.receivedList('edoc');
    expect(listed).toEqual([expect.objectContaining({ docId, from: A, to: B, status: 'initial' })]);
    expect(await b.receivedList('status')).toEqual([]);
    expect((await b.getEdoc(docId)).equals(file)).toBe(true);
    await b.updateStatus(docId, 'done');
    expect(await b.receivedList('edoc')).toEqual([]);
    expect(await b.receivedList('edoc', true)).toEqual([expect.objectContaining({ docId, status: 'done' })]);
    expect(await a.sentList()).toEqual([expect.objectContaining({ senderDocId: docId, toCode: B, receiveStatus: 'done' })]);
    expect(splitEdxmlFile(file)).toEqual({ contentType: 'multipart/related; boundary="x"', body: Buffer.from('--x--\r\n', 'latin1') });
  });

  it('reads the agency list with both codes', async () => {
    axis.setAgencies([{ code: B, agencyCode: 'K72.44', name: 'Sở B', mail: 'b@b.gov.vn' }]);
    expect(await a.agencies()).toEqual([{ code: B, agencyCode: 'K72.44', name: 'Sở B', mail: 'b@b.gov.vn', phone: null, fax: null, address: null, website: null }]);
  });

  const kindOf = (promise: Promise<unknown>) => promise.then(() => 'ok', (error: unknown) => (error instanceof TransportError ? error.kind : String(error)));

  it('a failure of the axis or of our credentials is retried; the axis refusing a message is not', async () => {
    axis.failNext('getReceivedEdocList', 1);
    expect(await kindOf(b.receivedList('edoc'))).toBe('retry');
    expect(await kindOf(new AxisClient({ url: axis.url, systemId: 'sys-b', secret: 'wrong' }).receivedList('edoc'))).toBe('retry');
    // An OrganId not registered for our system: our configuration to put right, then it goes through.
    expect(await kindOf(a.sendEdoc(B, [A], 'edoc', Buffer.from('x')))).toBe('retry');
    // An empty file: the axis reads the message and refuses it; sending it again changes nothing.
    expect(await kindOf(a.sendEdoc(A, [B], 'edoc', Buffer.alloc(0)))).toBe('refused');
    axis.down();
    expect(await kindOf(b.receivedList('edoc'))).toBe('retry');
    axis.up();
    expect(await kindOf(b.receivedList('edoc'))).toBe('ok');
  });

  it('an .edxml file without MIME headers is not split', () => {
    expect(splitEdxmlFile(Buffer.from('<edXML/>'))).toBeNull();
  });
});
