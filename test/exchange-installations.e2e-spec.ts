import { loadavg } from 'node:os';
import { buildStatus } from '@eoffice/exchange';
import { toPem } from '@eoffice/signing';
import { query } from './support/db';
import { closeWithResult } from './support/documents';
import { ExchangePair, issueToB, ORGAN_A, ORGAN_B, startExchangePair } from './support/exchange-installations';
import { createDraft, draftMetadata, reviewThrough } from './support/outgoing';
import { waitFor } from './support/processes';
import { loadRun } from './support/test-env';

/** Two installations of the product: agency A (this suite's database) and agency B (support/exchange-installations.ts). */
const runA = loadRun();

describe('exchange between two installations (edXML over HTTP)', () => {
  let pair: ExchangePair;
  let a: ExchangePair['a'];
  let b: ExchangePair['b'];
  let people: ExchangePair['people'];
  let relayToA: ExchangePair['relayToA'];
  let relayToB: ExchangePair['relayToB'];
  let sealB: ExchangePair['sealB'];
  const explained = <T>(wait: Promise<T>) => pair.explained(wait);

  beforeAll(async () => {
    pair = await startExchangePair(runA, 'exch_b');
    ({ a, b, people, relayToA, relayToB, sealB } = pair);
  });

  afterAll(async () => {
    await pair?.stop();
  });

  let outgoingId: string;
  let numberSymbol: string;
  let itemId: string;

  it('A issues to B by OrganId; B receives the signed package as an intake item whose proposal is the header', async () => {
    // Drafted to B by OrganId, reviewed, signed by the director and issued (not dispatched).
    const issued = await issueToB(pair);
    outgoingId = issued.id;
    numberSymbol = issued.numberSymbol;
    const detail = await people.clerkA.get(`/api/v1/outgoing/${outgoingId}`);
    expect(detail.body.recipients).toEqual([expect.objectContaining({ kind: 'agency', organId: ORGAN_B, name: b.org.agency.name, delivery: 'pending' })]);
    const dispatchedAt = Date.now();
    expect((await people.clerkA.post(`/api/v1/outgoing/${outgoingId}/dispatch`)).status).toBe(200);

    const item = await waitFor(async () => {
      const list = await people.clerkB.get('/api/v1/intake');
      return list.body.items?.find((i) => i.channel === 'edxml');
    }, 'the package to reach B');
    itemId = item.id;
    // A figure, not a check: dispatch on A to the item listed on B (polled every 0.5 s), on this machine's load.
    console.log(`A dispatch → B intake item: ${Date.now() - dispatchedAt} ms (load ${loadavg()[0].toFixed(1)})`);
    const issuedDate = new Date(new Date(issued.issuedAt).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
    expect(item).toMatchObject({
      state: 'waiting',
      sender: ORGAN_A,
      senderName: a.org.agency.name,
      proposal: {
        sourceNumberSymbol: numberSymbol,
        sourceDate: issuedDate,
        issuingAuthority: a.org.agency.name,
        documentType: 'Quyết định',
        subject: issued.subject,
        urgency: 'normal',
        confidentiality: 'normal',
      },
    });
    // The agency-signed PDF arrived byte for byte: both signatures intact and trusted.
    expect(item.files[0].verification).toMatchObject({ status: 'valid' });
    const [sentPdf] = await query(a.run.databaseUrl, `SELECT f.sha256 FROM outgoing_document d JOIN stored_file f ON f.id = d.issued_file_id WHERE d.id = $1`, [outgoingId]);
    expect(item.files[0].sha256).toBe(sentPdf.sha256);
    const sent = await explained(waitFor(async () => {
      const r = (await people.clerkA.get(`/api/v1/outgoing/${outgoingId}`)).body.recipients?.[0];
      return r?.exchangeStatus === '01' ? r : undefined;
    }, 'status 01 to reach A'));
    expect(sent).toMatchObject({ delivery: 'sent', handling: 'received' });
  });

  it('B registers the item → A sees 01 and 03 with their times', async () => {
    const registered = await people.clerkB.post(`/api/v1/intake/${itemId}/register`, {});
    expect(registered.status).toBe(200);
    expect(registered.body.item.corrections ?? {}).toEqual({});
    const incoming = await people.clerkB.get(`/api/v1/incoming/${registered.body.registration.id}`);
    expect(incoming.body).toMatchObject({ receivedVia: 'edxml', sourceNumberSymbol: numberSymbol, issuingAuthority: a.org.agency.name });
    const statuses = await waitFor(async () => {
      const list = (await people.clerkA.get(`/api/v1/outgoing/${outgoingId}/exchange-statuses`)).body;
      return Array.isArray(list) && list.length >= 2 ? list : undefined;
    }, 'status 03 to reach A');
    expect(statuses.map((s) => s.code)).toEqual(['01', '03']);
    expect(statuses.every((s) => s.organId === ORGAN_B && !Number.isNaN(Date.parse(String(s.occurredAt))))).toBe(true);
    const recipient = (await people.clerkA.get(`/api/v1/outgoing/${outgoingId}`)).body.recipients![0];
    expect(recipient).toMatchObject({ exchangeStatus: '03', handling: 'received' });
  });

  it('B submits, assigns and closes its copy → A sees 04, 05 and 06 in that order', async () => {
    const [incoming] = await query(b.run.databaseUrl, `SELECT id FROM incoming_document WHERE intake_item_id = $1`, [itemId]);
    expect((await people.clerkB.post(`/api/v1/incoming/${incoming.id}/submit`, { leaderId: b.org.people.director.id })).status).toBe(200);
    const assignment = { lead: { userId: b.org.people.officer.id }, coordinators: [], informed: [], dueDate: '2099-12-31', instruction: 'Phòng GDTrH xử lý.' };
    expect((await people.directorB.post(`/api/v1/incoming/${incoming.id}/assign`, assignment)).status).toBe(200);
    expect((await closeWithResult(people.officerB, incoming.id)).status).toBe(200);
    const statuses = await waitFor(async () => {
      const list = (await people.clerkA.get(`/api/v1/outgoing/${outgoingId}/exchange-statuses`)).body;
      return Array.isArray(list) && list.length >= 5 ? list : undefined;
    }, 'statuses 04, 05 and 06 to reach A');
    expect(statuses.map((s) => s.code)).toEqual(['01', '03', '04', '05', '06']);
    const times = statuses.map((s) => Date.parse(String(s.occurredAt)));
    expect([...times].sort((x, y) => x - y)).toEqual(times);
    expect((await people.clerkA.get(`/api/v1/outgoing/${outgoingId}`)).body.recipients![0]).toMatchObject({ exchangeStatus: '06', handling: 'done' });
  });

  it('a replayed package creates nothing, and hostile copies of it are refused', async () => {
    const delivered = relayToB.posts.find((p) => p.path === '/api/v1/exchange/packages')!;
    expect(delivered).toBeDefined();
    for (let i = 0; i < 2; i += 1) {
      const again = await fetch(`${b.api.url}/api/v1/exchange/packages`, { method: 'POST', headers: { 'content-type': delivered.contentType }, body: new Uint8Array(delivered.body) });
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ receipts: [{ organId: ORGAN_B, intakeItemId: itemId, replayed: true }] });
    }
    const [counts] = await query(b.run.databaseUrl, `SELECT (SELECT count(*) FROM intake_item WHERE channel = 'edxml')::int AS items, (SELECT count(*) FROM exchange_package)::int AS packages, (SELECT count(*) FROM incoming_document)::int AS documents`);
    expect(counts).toEqual({ items: 1, packages: 1, documents: 1 });

    const post = (body: Buffer, contentType = delivered.contentType) =>
      fetch(`${b.api.url}/api/v1/exchange/packages`, { method: 'POST', headers: { 'content-type': contentType }, body: new Uint8Array(body) }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code?: string } }));
    const text = delivered.body.toString('latin1');
    // A changed subject: the envelope no longer matches its signature.
    const subjectAt = text.indexOf('<edXML:Subject>') + '<edXML:Subject>'.length;
    const changed = Buffer.from(delivered.body);
    changed[subjectAt] = changed[subjectAt] === 0x41 ? 0x42 : 0x41;
    expect(await post(changed)).toMatchObject({ status: 422, body: { code: 'EDXML_SIGNATURE_INVALID' } });
    // An external entity in front of the envelope.
    const xxe = Buffer.from(text.replace('<?xml version="1.0" encoding="UTF-8"?>', '<?xml version="1.0"?><!DOCTYPE e [<!ENTITY x SYSTEM "file:///etc/passwd">]>'), 'latin1');
    expect(await post(xxe)).toMatchObject({ status: 422, body: { code: 'EDXML_DOCTYPE_REFUSED' } });
    // A byte of the PDF changed in transit (its base64 line re-encoded).
    const pdfPart = text.indexOf('Content-Transfer-Encoding: base64\r\n\r\n') + 'Content-Transfer-Encoding: base64\r\n\r\n'.length;
    const line = text.slice(pdfPart, text.indexOf('\r\n', pdfPart));
    const bytes = Buffer.from(line, 'base64');
    bytes[10] ^= 0xff;
    const tampered = Buffer.from(text.slice(0, pdfPart) + bytes.toString('base64') + text.slice(pdfPart + line.length), 'latin1');
    expect(await post(tampered)).toMatchObject({ status: 422, body: { code: 'EDXML_ATTACHMENT_MISMATCH' } });
    expect((await post(delivered.body, 'text/plain')).status).toBe(415);
    const [after] = await query(b.run.databaseUrl, `SELECT count(*)::int AS n FROM intake_item WHERE channel = 'edxml'`);
    expect(after.n).toBe(1);
  });

  it('a status for a package A never sent is logged and dropped; a changed one is refused', async () => {
    const delivered = relayToA.posts.find((p) => p.path === '/api/v1/exchange/statuses')!;
    const postStatus = (xml: string) => fetch(`${a.api.url}/api/v1/exchange/statuses`, { method: 'POST', headers: { 'content-type': 'application/xml' }, body: xml });
    const changed = delivered.body.toString('utf8').replace(/<edXML:DocumentId>[^<]*/, '<edXML:DocumentId>x');
    expect((await postStatus(changed)).status).toBe(422);
    // Signed by B's agency key, about a document A never sent.
    const status = buildStatus(
      {
        responseFor: { organId: ORGAN_A, code: '999/QĐ-KHAC', promulgationDate: '2026-01-05', documentId: `${ORGAN_A},2026/01/05,999/QĐ-KHAC` },
        from: { organId: ORGAN_B, organName: b.org.agency.name },
        code: '03',
        timestamp: new Date().toISOString(),
      },
      { privateKey: sealB.privateKey, certificatePem: toPem(sealB.certificate) },
    );
    const dropped = await postStatus(status);
    expect([dropped.status, await dropped.json()]).toEqual([200, { applied: false }]);
    const [statuses] = await query(a.run.databaseUrl, `SELECT count(*)::int AS n FROM exchange_status WHERE direction = 'received'`);
    expect(statuses.n).toBe(5);
  });

  it('a receiver answering 500 gets the package again with backoff, and it lands once', async () => {
    const metadata = await draftMetadata(a.org, { subject: 'Về việc gửi lại khi bên nhận lỗi', recipients: { unitIds: [], external: [], agencies: [{ organId: ORGAN_B }] } as never });
    const created = await createDraft(people.officerA, metadata);
    await reviewThrough(created.body.id, people.officerA, people.headA, people.clerkA, people.directorA);
    expect((await people.directorA.post(`/api/v1/outgoing/${created.body.id}/sign`, {})).body.status).toBe('signed');
    expect((await people.clerkA.post(`/api/v1/outgoing/${created.body.id}/issue`)).status).toBe(200);
    relayToB.failNext(2);
    expect((await people.clerkA.post(`/api/v1/outgoing/${created.body.id}/dispatch`)).status).toBe(200);
    const recipient = await waitFor(async () => {
      const r = (await people.clerkA.get(`/api/v1/outgoing/${created.body.id}`)).body.recipients?.[0];
      return r?.delivery === 'sent' ? r : undefined;
    }, 'the package to get through after two 500s', 120_000);
    expect(recipient.attempts).toBeGreaterThanOrEqual(2);
    const [counts] = await query(b.run.databaseUrl, `SELECT (SELECT count(*) FROM intake_item WHERE channel = 'edxml')::int AS items, (SELECT count(*) FROM exchange_package)::int AS packages`);
    expect(counts).toEqual({ items: 2, packages: 2 });
  });

  it('B returns an item with a reason → A sees 02 with it, and the recipient is marked returned', async () => {
    const metadata = await draftMetadata(a.org, { subject: 'Về việc gửi nhầm nơi nhận', recipients: { unitIds: [], external: [], agencies: [{ organId: ORGAN_B }] } as never });
    const created = await createDraft(people.officerA, metadata);
    await reviewThrough(created.body.id, people.officerA, people.headA, people.clerkA, people.directorA);
    expect((await people.directorA.post(`/api/v1/outgoing/${created.body.id}/sign`, {})).body.status).toBe('signed');
    expect((await people.clerkA.post(`/api/v1/outgoing/${created.body.id}/issue`)).status).toBe(200);
    expect((await people.clerkA.post(`/api/v1/outgoing/${created.body.id}/dispatch`)).status).toBe(200);
    const item = await waitFor(async () => (await people.clerkB.get('/api/v1/intake')).body.items?.find((i) => i.proposal.subject === metadata.subject), 'the third package to reach B');
    expect((await people.clerkB.post(`/api/v1/intake/${item.id}/return`, { reason: 'Không thuộc thẩm quyền giải quyết' })).status).toBe(200);
    const returned = await explained(
      waitFor(async () => {
        const r = (await people.clerkA.get(`/api/v1/outgoing/${created.body.id}`)).body.recipients?.[0];
        return r?.exchangeStatus === '02' ? r : undefined;
      }, 'status 02 to reach A'),
    );
    expect(returned).toMatchObject({ handling: 'returned', delivery: 'failed', lastError: 'Không thuộc thẩm quyền giải quyết' });
    const statuses = (await people.clerkA.get(`/api/v1/outgoing/${created.body.id}/exchange-statuses`)).body;
    expect(statuses.map((st) => [st.code, st.description])).toEqual([['01', null], ['02', 'Không thuộc thẩm quyền giải quyết']]);
  });
});
