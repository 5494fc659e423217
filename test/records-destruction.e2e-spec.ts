import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { query } from './support/db';
import { closeWithResult, registerIncoming } from './support/documents';
import { Client } from './support/http';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let isolated: IsolatedRun;
let run: E2eRun;

const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

/** Retention and destruction (tiêu hủy, issue 15.5): refused on hold, before its time, without approval; then done, tombstoned. */
describe('records retention and destruction', () => {
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let clerk: Client; // the agency's clerk, văn thư
  let officer: Client; // officer of the teaching department, owner of the records
  let head: Client; // head of the teaching department, a department's leader
  let director: Client; // the director, agency leader
  const ids: Record<string, string> = {};

  const count = async (sql: string, params: unknown[] = []) => Number((await query(run.databaseUrl, sql, params))[0].n);
  const scanOf = async (incomingId: string) =>
    (await query(run.databaseUrl, 'SELECT s.id, s.storage_key FROM incoming_document i JOIN stored_file s ON s.id = i.scan_file_id WHERE i.id = $1', [incomingId]))[0] as { id: string; storage_key: string };

  async function closedIncoming(subject: string, sourceDate: string): Promise<string> {
    const { body } = await registerIncoming(clerk, { subject, sourceDate, sourceNumberSymbol: `${Math.floor(Math.random() * 900) + 100}/UBND-VX` });
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: ids.director })).status).toBe(200);
    expect((await director.post(`/api/v1/incoming/${body.id}/assign`, { lead: { userId: ids.officer }, coordinators: [], informed: [] })).status).toBe(200);
    expect((await closeWithResult(officer, body.id)).body.status).toBe('closed');
    return body.id;
  }

  async function record(notation: string, documentIds: string[], year: number): Promise<string> {
    const opened = await officer.post('/api/v1/records', { notation, title: `Hồ sơ ${notation}`, retentionYears: 10, year, description: 'Ghi chú: ông Nguyễn Văn A, 0912345678' });
    expect(opened.status).toBe(201);
    for (const id of documentIds) expect((await officer.post(`/api/v1/records/${opened.body.id}/documents`, { kind: 'incoming', documentId: id })).status).toBe(201);
    expect((await officer.post(`/api/v1/records/${opened.body.id}/close`, {})).body.status).toBe('closed');
    return opened.body.id;
  }

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'records_destruction');
    run = isolated.run;
    // The records scan every 2 seconds, reminding at once (0 days), so the suite sees the reminders.
    const env = { HANDOVER_SCAN_CRON: '*/2 * * * * *', RECORDS_TO_FILE_AFTER_DAYS: '0', RECORDS_PENDING_APPROVAL_DAYS: '0' };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    admin = await sign('admin');
    [clerk, officer, head, director] = await Promise.all([sign('clerk'), sign('officer'), sign('head'), sign('director')]);
    ids.director = org.people.director.id;
    ids.officer = org.people.officer.id;
    ids.shared = await closedIncoming('Về việc thi tốt nghiệp năm xưa', `${YEAR - 12}-03-01`);
    ids.alone = await closedIncoming('Về việc tuyển sinh năm xưa', `${YEAR - 12}-04-01`);
    ids.recent = await closedIncoming('Về việc tuyển sinh gần đây', `${YEAR - 2}-04-01`);
    ids.old = await record('70.GDTRH', [ids.shared, ids.alone], YEAR - 12); // retention ended in YEAR - 2
    ids.young = await record('71.GDTRH', [ids.recent], YEAR - 2); // ends in YEAR + 8
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await isolated?.dispose();
  });

  it('shows the retention end; refuses on hold, before its time, to other roles — writing nothing', async () => {
    expect((await officer.get(`/api/v1/records/${ids.old}`)).body.retentionEnd).toBe(`${YEAR - 2}-04-01`);
    const hold = await director.post(`/api/v1/records/${ids.old}/holds`, { reason: 'Thanh tra Sở đang xem xét' });
    expect(hold.status).toBe(201);
    const onHold = await clerk.post('/api/v1/destructions', { recordIds: [ids.old] });
    expect([onHold.status, onHold.body.code]).toEqual([409, 'RECORD_ON_HOLD']);
    const early = await clerk.post('/api/v1/destructions', { recordIds: [ids.young] });
    expect([early.status, early.body.code]).toEqual([409, 'RECORD_RETENTION_NOT_ENDED']);
    expect((await clerk.post('/api/v1/destructions', {})).body.code).toBe('VALIDATION_FAILED'); // nothing due: the held one is left out
    expect((await officer.post('/api/v1/destructions', { recordIds: [ids.old] })).status).toBe(403);
    expect((await admin.post('/api/v1/destructions', { recordIds: [ids.old] })).status).toBe(403);
    expect(await count('SELECT count(*) AS n FROM record_destruction')).toBe(0);
    expect((await director.post(`/api/v1/records/${ids.old}/holds/${hold.body.id}/lift`, { reason: 'Thanh tra đã kết thúc' })).status).toBe(200);
  });

  it('destroys with the approved list: files not shared removed, personal data blanked, tombstone, intact audit chain', async () => {
    // Without ids the list takes every due record not on hold: the old one only.
    const created = await clerk.post('/api/v1/destructions', {});
    expect(created.status).toBe(201);
    expect(created.body.records.map((r: { recordId: string }) => r.recordId)).toEqual([ids.old]);
    expect((await clerk.post('/api/v1/destructions', { recordIds: [ids.old] })).body.code).toBe('RECORD_ON_DESTRUCTION_LIST');
    expect((await officer.post(`/api/v1/records/${ids.old}/reopen`, { reason: 'Bổ sung văn bản' })).body.code).toBe('RECORD_ON_DESTRUCTION_LIST');
    const approve = (c: Client) => c.post(`/api/v1/destructions/${created.body.id}/approve`, {});

    // A hold placed after the proposal still stops the approval, for the leader as for anyone.
    const hold = await director.post(`/api/v1/records/${ids.old}/holds`, { reason: 'Có đơn khiếu nại liên quan' });
    const held = await approve(director);
    expect([held.status, held.body.code]).toEqual([409, 'RECORD_ON_HOLD']);
    expect((await approve(head)).status).toBe(403); // a department head is not the agency's leader
    expect((await approve(admin)).status).toBe(403);
    expect(await count(`SELECT count(*) AS n FROM record_tombstone`)).toBe(0);
    expect((await officer.get(`/api/v1/records/${ids.old}`)).body.status).toBe('closed');
    expect((await director.post(`/api/v1/records/${ids.old}/holds/${hold.body.id}/lift`, { reason: 'Đơn đã được giải quyết' })).status).toBe(200);

    // Content-addressed bytes: another stored file (a live document's) with the same key keeps them.
    const shared = await scanOf(ids.shared);
    const alone = await scanOf(ids.alone);
    await query(run.databaseUrl, `INSERT INTO stored_file (storage_key, sha256, size_bytes, mime_type, original_name) SELECT storage_key, sha256, size_bytes, mime_type, 'copy.pdf' FROM stored_file WHERE id = $1`, [shared.id]);
    const blob = (key: string) => join(run.fileStoreDir, key);
    expect(existsSync(blob(alone.storage_key))).toBe(true);
    const aloneBytes = readFileSync(blob(alone.storage_key));

    const done = await approve(director);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'destroyed', approvedBy: ids.director });
    expect(done.body.tombstones).toEqual([expect.objectContaining({ recordId: ids.old, fileCode: `${org.agency.code}.${YEAR - 12}.70.GDTRH`, decidedBy: ids.director, documents: 2, filesRemoved: 1 })]);
    expect((await approve(director)).status).toBe(409);
    expect(existsSync(blob(alone.storage_key))).toBe(false);
    expect(existsSync(blob(shared.storage_key))).toBe(true);
    const gone = await clerk.get(`/api/v1/files/${alone.id}`);
    expect([gone.status, gone.body.code]).toEqual([410, 'FILE_DESTROYED']);
    const after = (await officer.get(`/api/v1/records/${ids.old}`)).body;
    expect(after).toMatchObject({ status: 'destroyed', description: null });
    expect(after.destroyedAt).toBeTruthy();
    const audit = (await query(run.databaseUrl, `SELECT action, data FROM audit_event WHERE entity_id = $1 AND action = 'record.destroyed'`, [ids.old])) as { data: { decidedBy: string; destructionId: string } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ decidedBy: ids.director, destructionId: created.body.id });
    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ intact: true });
    expect((await officer.post(`/api/v1/records/${ids.old}/reopen`, { reason: 'Bổ sung văn bản' })).status).toBe(409);

    // The file store restored from a copy older than the destruction brings the bytes back: the
    // worker's scan re-applies the tombstones and removes them again; the shared bytes stay.
    writeFileSync(blob(alone.storage_key), aloneBytes);
    await waitFor(async () => !existsSync(blob(alone.storage_key)), 'the tombstone re-applied');
    expect(existsSync(blob(shared.storage_key))).toBe(true);
  });

  it('reminds the handler of a document to file and the agency leader of a list awaiting approval, once each (issue 15.6)', async () => {
    const unfiled = await closedIncoming('Về việc chưa lập hồ sơ', `${YEAR - 1}-05-01`);
    const listed = await clerk.post('/api/v1/handovers', { recordIds: [ids.young] });
    expect(listed.status).toBe(201);
    const mine = async (c: Client) => (await c.get('/api/v1/notifications')).body.items as { kind: string; documentId: string | null; title: string }[];
    const toFile = await waitFor(async () => (await mine(officer)).find((n) => n.kind === 'record_to_file' && n.documentId === unfiled), 'the to-file reminder');
    expect(toFile.title).toContain('Về việc chưa lập hồ sơ');
    await waitFor(async () => (await mine(director)).find((n) => n.kind === 'record_list_pending' && n.title.startsWith('Danh mục hồ sơ nộp lưu chờ phê duyệt')), 'the pending approval reminder');
    // Once per item, person and threshold: the scan runs every 2 s, the dedupe key keeps one row.
    const onceFor = (key: string, user: string) => count(`SELECT count(*) AS n FROM notification WHERE dedupe_key = $1 AND user_id = $2`, [key, user]);
    expect(await onceFor(`record-to-file:incoming:${unfiled}`, ids.officer)).toBe(1);
    expect(await onceFor(`record-list-pending:handover:${listed.body.id}`, ids.director)).toBe(1);
  });
});
