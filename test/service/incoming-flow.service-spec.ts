import { FileReceiver, JobName, JobQueue } from '@eoffice/core';
import { IncomingFlowService, IncomingQueryService, IncomingRegistrationService, type RegisterIncomingInput } from '@eoffice/documents';
import { makePdf } from '../support/documents';
import { waitFor } from '../support/processes';
import { makeOrganisation, type Organisation } from './support/factories';
import { startServiceWorld, type ServiceWorld } from './support/service-world';

/**
 * The incoming flow's rules through its services, against a real database with the real
 * migrations: no HTTP, no worker, no demo data — each test makes its own agency.
 */
describe('incoming flow (service level)', () => {
  let world: ServiceWorld;

  beforeAll(async () => {
    world = await startServiceWorld();
  });
  afterAll(() => world?.close());

  const metadata = (subject: string): RegisterIncomingInput => ({
    sourceNumberSymbol: `${Math.floor(Math.random() * 900) + 100}/UBND-VX`,
    sourceDate: '2026-11-02',
    issuingAuthority: 'Ủy ban nhân dân tỉnh Tây Ninh',
    documentType: 'Công văn',
    subject,
    urgency: 'normal',
    confidentiality: 'normal',
    receivedVia: 'paper',
  });

  async function register(org: Organisation, subject: string) {
    const scan = await world.get(FileReceiver).receiveBytes(await makePdf(subject), { mimeType: 'application/pdf', originalName: 'scan.pdf' });
    return world.get(IncomingRegistrationService).register(org.clerk, metadata(subject), { scan });
  }

  it('walks an item from registration to closing, and the timeline tells each step', async () => {
    const org = await makeOrganisation(world);
    const flow = world.get(IncomingFlowService);
    const { document } = await register(org, 'Về việc tuyển sinh lớp 10');
    expect([document.status, document.incomingNumber]).toEqual(['registered', 1]);

    await flow.submit(org.clerk, document.id, org.leader.id);
    await flow.assign(org.leader, document.id, { lead: { userId: org.officer.id }, coordinators: [], informed: [], dueInWorkingDays: 5, instruction: 'Tham mưu trả lời' });
    await flow.progress(org.officer, document.id, 'Đã dự thảo', 50);
    const resultFile = await world.get(FileReceiver).receiveBytes(await makePdf('Bao cao ket qua'), { mimeType: 'application/pdf', originalName: 'ket-qua.pdf' });
    const closed = await flow.close(org.officer, document.id, { note: 'Đã báo cáo kết quả', resultFile });

    expect(closed.status).toBe('closed');
    const { timeline } = await world.get(IncomingQueryService).detail(org.leader, document.id);
    expect(timeline.map((e) => e.toStatus)).toEqual(['registered', 'submitted', 'assigned', 'in_progress', 'closed']);
  });

  it('numbers twelve registrations made at once 1..12 in each agency, without a gap or a repeat', async () => {
    const [first, second] = [await makeOrganisation(world), await makeOrganisation(world)];
    const results = await Promise.all(
      [first, second].flatMap((org) => Array.from({ length: 12 }, (_, i) => register(org, `Văn bản số ${i}`))),
    );
    for (const org of [first, second]) {
      const numbers = results.filter((r) => r.document.agencyId === org.agency.id).map((r) => r.document.incomingNumber);
      expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    }
  });

  it('queues the scan job under incoming-scan-<id>, and a key sent twice at once registers once (the conflict of the prepared statement)', async () => {
    const org = await makeOrganisation(world);
    const pdf = await makePdf('Về việc họp giao ban');
    const receive = () => world.get(FileReceiver).receiveBytes(pdf, { mimeType: 'application/pdf', originalName: 'scan.pdf' });
    const input = metadata('Về việc họp giao ban');
    const registrations = world.get(IncomingRegistrationService);
    const [a, b] = await Promise.all([registrations.register(org.clerk, input, { scan: await receive() }, 'key-1'), registrations.register(org.clerk, input, { scan: await receive() }, 'key-1')]);
    expect(a.document.id).toBe(b.document.id);
    expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
    const queue = world.get(JobQueue).queueFor(JobName.incomingScanIngest);
    // The outbox relays it after the commit, in the background: the request does not wait for Redis.
    const job = await waitFor(() => queue.getJob(`incoming-scan-${a.document.id}`), 'the scan job queued');
    expect(job.data).toEqual({ documentId: a.document.id });
    const [{ n }] = await world.dataSource.query('SELECT count(*)::int AS n FROM incoming_document WHERE agency_id = $1', [org.agency.id]);
    expect(n).toBe(1);
  });

  it('an officer the item was not given to does not see it (404), so cannot assign it, and nothing changes', async () => {
    const org = await makeOrganisation(world);
    const flow = world.get(IncomingFlowService);
    const { document } = await register(org, 'Về việc báo cáo số liệu');
    await flow.submit(org.clerk, document.id, org.leader.id);
    await expect(flow.assign(org.officer, document.id, { lead: { userId: org.officer.id }, coordinators: [], informed: [] })).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    const { document: after, timeline } = await world.get(IncomingQueryService).detail(org.leader, document.id);
    expect([after.status, timeline.length]).toEqual(['submitted', 2]);
  });
});

