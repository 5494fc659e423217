import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backupNow } from './support/backups';
import { query } from './support/db';
import { closeWithResult, registerIncoming } from './support/documents';
import { Client } from './support/http';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun, processEnv, ROOT } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let isolated: IsolatedRun;
let run: E2eRun;

const RESTORE_CLI = join(ROOT, 'dist/apps/api/apps/api/src/restore.js');
const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));

/**
 * Retention and destruction (tiêu hủy, issue 15.5): refused on hold, before its time, without
 * approval; proposed by the daily scan, submitted, approved, tombstoned; and a restore of a backup
 * taken before the destruction brings the record back tombstoned.
 */
describe('records retention and destruction', () => {
  let api: Api;
  let worker: RunningProcess;
  let work: string;
  let env: Record<string, string>;
  let backupId: string;
  let listId: string;
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
    const submitted = await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: ids.director });
    expect([submitted.status, submitted.status === 200 ? null : submitted.body]).toEqual([200, null]);
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
    work = mkdtempSync(join(tmpdir(), 'eoffice-records-destruction-'));
    // The records scan every 2 seconds, reminding at once (0 days), so the suite sees the reminders;
    // a backup repository, for the restore of a backup older than the destruction.
    env = {
      HANDOVER_SCAN_CRON: '*/2 * * * * *', RECORDS_TO_FILE_AFTER_DAYS: '0', RECORDS_PENDING_APPROVAL_DAYS: '0',
      BACKUP_REPOSITORY: join(work, 'repo'), BACKUP_REPOSITORY_2: '', BACKUP_REPOSITORY_PASSWORD: 'Mật khẩu kho sao lưu hồ sơ',
      BACKUP_SCRATCH_DIR: join(work, 'scratch'), BACKUP_CRON: 'off', RESTORE_DRILL_CRON: 'off', ORPHAN_COLLECTOR_CRON: 'off',
    };
    api = await startApi(run, env);
    // The worker (and its daily scan, which proposes destructions) starts once the refusals are seen.
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
    if (work) rmSync(work, { recursive: true, force: true });
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

  it('gives a record no retention was given for the default of its kind of document, else the schedule default', async () => {
    const byType = await officer.post('/api/v1/records', { notation: '72.GDTRH', title: 'Hồ sơ báo cáo quý', documentType: 'Báo cáo quý' });
    expect(byType.body).toMatchObject({ permanent: false, retentionYears: 5 });
    expect((await officer.post('/api/v1/records', { notation: '73.GDTRH', title: 'Hồ sơ nghị quyết', documentType: 'nghị quyết' })).body).toMatchObject({ permanent: true, retentionYears: null });
    expect((await officer.post('/api/v1/records', { notation: '74.GDTRH', title: 'Hồ sơ khác' })).body).toMatchObject({ permanent: false, retentionYears: 10 });
    const unknown = await officer.post('/api/v1/records', { notation: '75.GDTRH', title: 'Hồ sơ lạ', documentType: 'Thư riêng' });
    expect([unknown.status, unknown.body.code]).toEqual([422, 'RETENTION_TYPE_UNKNOWN']);
    const schedule = (await officer.get('/api/v1/file-lists/retention-schedule')).body;
    expect(schedule.fallback).toMatchObject({ retentionYears: 10, retention: '10 năm' });
    expect(schedule.types).toContainEqual({ documentType: 'Quyết định', permanent: true, retentionYears: null, retention: 'Vĩnh viễn' });
  });

  it('the daily scan proposes the due record once, on a draft list the clerks are told of; the clerk submits it', async () => {
    worker = startWorker(run, env);
    const draft = await waitFor(async () => ((await clerk.get('/api/v1/destructions')).body as { id: string; status: string }[]).find((d) => d.status === 'draft'), 'the proposal', 90_000).catch((error: Error) => {
      throw new Error(`${error.message}\nworker output (last 3000 characters):\n${worker.output().slice(-3000)}`);
    });
    listId = draft.id;
    const proposed = (await clerk.get(`/api/v1/destructions/${listId}`)).body;
    expect(proposed).toMatchObject({ status: 'draft', createdBy: null, submittedBy: null });
    expect(proposed.records.map((r: { recordId: string }) => r.recordId)).toEqual([ids.old]); // the young one is not due
    const mine = async (c: Client) => (await c.get('/api/v1/notifications')).body.items as { kind: string; title: string }[];
    await waitFor(async () => (await mine(clerk)).find((n) => n.kind === 'record_destruction'), 'the clerk told of the proposal');
    // Once per record: later scans neither propose it again nor tell the clerk again.
    await new Promise((r) => setTimeout(r, 4500));
    expect(await count(`SELECT count(*) AS n FROM record_destruction`)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM notification WHERE kind = 'record_destruction' AND user_id = $1`, [org.people.clerk.id])).toBe(1);

    // A draft is not approved; a record on it is on no other list and not reopened.
    expect((await director.post(`/api/v1/destructions/${listId}/approve`, {})).body.code).toBe('INVALID_TRANSITION');
    expect((await clerk.post('/api/v1/destructions', { recordIds: [ids.old] })).body.code).toBe('RECORD_ON_DESTRUCTION_LIST');
    expect((await officer.post(`/api/v1/records/${ids.old}/reopen`, { reason: 'Bổ sung văn bản' })).body.code).toBe('RECORD_ON_DESTRUCTION_LIST');
    expect((await officer.post(`/api/v1/destructions/${listId}/submit`, {})).status).toBe(403);
    expect((await clerk.post(`/api/v1/destructions/${listId}/submit`, { recordIds: [ids.young] })).body.code).toBe('VALIDATION_FAILED');
    // A hold placed since the proposal refuses the submission; lifted, the clerk submits.
    const hold = await director.post(`/api/v1/records/${ids.old}/holds`, { reason: 'Kiểm tra hồ sơ trước khi trình' });
    const held = await clerk.post(`/api/v1/destructions/${listId}/submit`, {});
    expect([held.status, held.body.code]).toEqual([409, 'RECORD_ON_HOLD']);
    expect((await director.post(`/api/v1/records/${ids.old}/holds/${hold.body.id}/lift`, { reason: 'Đã kiểm tra xong' })).status).toBe(200);
    const submitted = await clerk.post(`/api/v1/destructions/${listId}/submit`, {});
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', submittedBy: org.people.clerk.id });
    expect((await clerk.post(`/api/v1/destructions/${listId}/submit`, {})).body.code).toBe('INVALID_TRANSITION');
  });

  it('destroys with the approved list: every file of the documents, personal data blanked, tombstone in the database and the file store, intact audit chain', async () => {
    const approve = (c: Client) => c.post(`/api/v1/destructions/${listId}/approve`, {});
    // A backup taken before the destruction: the last test restores it.
    const backup = await backupNow(admin, () => worker);
    expect(backup.status).toBe('succeeded');
    backupId = backup.id;

    // A hold placed after the submission still stops the approval, for the leader as for anyone.
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

    const resultOf = async (incomingId: string) =>
      (await query(run.databaseUrl, 'SELECT s.id, s.storage_key, i.result_note FROM incoming_document i JOIN stored_file s ON s.id = i.result_file_id WHERE i.id = $1', [incomingId]))[0] as { id: string; storage_key: string; result_note: string | null };
    const result = await resultOf(ids.alone);
    expect(result.result_note).toBe('Đã xử lý xong');
    expect(existsSync(blob(result.storage_key))).toBe(true);

    // Every file the record's export lists (each document's PDF and what travels with it: result
    // files here) is destroyed with it, apart from bytes a live file shares.
    const exported = (await officer.get(`/api/v1/records/${ids.old}/export?format=json`)).body;
    const listed = exported.documents.flatMap((d: { files: { role: string; fileId: string }[] }) => d.files);
    expect(listed.map((f: { role: string }) => f.role).sort()).toEqual(['document', 'document', 'result', 'result']);

    const done = await approve(director);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'destroyed', approvedBy: ids.director });
    expect(done.body.tombstones).toEqual([expect.objectContaining({ recordId: ids.old, fileCode: `${org.agency.code}.${YEAR - 12}.70.GDTRH`, decidedBy: ids.director, documents: 2, filesRemoved: 3 })]); // the unshared scan and both result files
    expect((await approve(director)).status).toBe(409);
    expect(existsSync(blob(alone.storage_key))).toBe(false);
    expect(existsSync(blob(shared.storage_key))).toBe(true);
    const gone = await clerk.get(`/api/v1/files/${alone.id}`);
    expect([gone.status, gone.body.code]).toEqual([410, 'FILE_DESTROYED']);
    // The document's other files (its result file) go too, and the free text of its rows.
    expect(existsSync(blob(result.storage_key))).toBe(false);
    expect((await clerk.get(`/api/v1/files/${result.id}`)).status).toBe(410);
    const destroyedRows = await query(run.databaseUrl, 'SELECT count(*)::int AS n FROM stored_file WHERE id = ANY($1::uuid[]) AND destroyed_at IS NOT NULL', [listed.map((f: { fileId: string }) => f.fileId)]);
    expect(destroyedRows[0].n).toBe(listed.length);
    const rows = (await query(run.databaseUrl, 'SELECT result_note, instruction, extracted_text, subject FROM incoming_document WHERE id = $1', [ids.alone]))[0];
    expect(rows).toMatchObject({ result_note: null, instruction: null, extracted_text: null, subject: 'Về việc tuyển sinh năm xưa' });
    expect(await count(`SELECT count(*) AS n FROM document_view WHERE document_id = ANY($1::uuid[]) AND (ip IS NOT NULL OR user_agent IS NOT NULL)`, [[ids.alone, ids.shared]])).toBe(0);
    // The tombstone outside the database, written once beside the blobs.
    const object = JSON.parse(readFileSync(join(run.fileStoreDir, 'tombstones', `${ids.old}.json`), 'utf8'));
    expect(object).toMatchObject({ recordId: ids.old, fileCode: `${org.agency.code}.${YEAR - 12}.70.GDTRH`, decidedBy: ids.director, destruction: { id: listId } });
    const after = (await officer.get(`/api/v1/records/${ids.old}`)).body;
    expect(after).toMatchObject({ status: 'destroyed', description: null });
    expect(after.destroyedAt).toBeTruthy();
    const audit = (await query(run.databaseUrl, `SELECT action, data FROM audit_event WHERE entity_id = $1 AND action = 'record.destroyed'`, [ids.old])) as { data: { decidedBy: string; destructionId: string } }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ decidedBy: ids.director, destructionId: listId });
    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ intact: true });
    expect((await officer.post(`/api/v1/records/${ids.old}/reopen`, { reason: 'Bổ sung văn bản' })).status).toBe(409);

    // The file store restored from a copy older than the destruction brings the bytes back: the
    // worker's scan re-applies the tombstones and removes them again; the shared bytes stay.
    writeFileSync(blob(alone.storage_key), aloneBytes);
    await waitFor(async () => !existsSync(blob(alone.storage_key)), 'the tombstone re-applied');
    expect(existsSync(blob(shared.storage_key))).toBe(true);
  });

  it('a restore of a backup taken before the destruction brings the record back tombstoned (docs/backups.md)', async () => {
    const alone = await scanOf(ids.alone);
    // A short name of its own: the suite's database name is already at PostgreSQL's 63 characters,
    // and a longer one would be cut back to it — the live database.
    const target = new URL(run.databaseUrl);
    target.pathname = `/eoffice_records_restored_${Date.now().toString(36)}`;
    const files = join(work, 'restored-files');
    const restored = await new Promise<{ code: number; out: string }>((resolve) => {
      execFile(process.execPath, [RESTORE_CLI, backupId, '--target-database-url', target.toString(), '--target-file-store', files], { env: processEnv(run, env), timeout: 240_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    let copy: Api | undefined;
    let copyWorker: RunningProcess | undefined;
    try {
      expect(restored.out).toContain('Carried 1 tombstone');
      expect(restored.code).toBe(0);
      // As backed up: the record closed, its bytes there.
      expect((await query(target.toString(), 'SELECT status FROM file_record WHERE id = $1', [ids.old]))[0].status).toBe('closed');
      expect(existsSync(join(files, alone.storage_key))).toBe(true);

      // The installation running on the restored copy: its records scan applies the tombstone again.
      const copyRun = { ...run, databaseUrl: target.toString(), fileStoreDir: files, queuePrefix: `${run.queuePrefix}_restored` };
      copy = await startApi(copyRun, env);
      copyWorker = startWorker(copyRun, env);
      await waitFor(async () => (await query(target.toString(), 'SELECT status FROM file_record WHERE id = $1', [ids.old]))[0].status === 'destroyed', 'the tombstone applied to the restored copy');
      await waitFor(async () => !existsSync(join(files, alone.storage_key)), 'the destroyed bytes removed from the restored store');
      const copyClerk = await org.signIn(copy.url, 'clerk');
      const gone = await copyClerk.get(`/api/v1/files/${alone.id}`);
      expect([gone.status, gone.body.code]).toEqual([410, 'FILE_DESTROYED']);
      const list = (await copyClerk.get(`/api/v1/destructions/${listId}`)).body;
      expect(list).toMatchObject({ status: 'destroyed', approvedBy: ids.director });
      expect(list.tombstones).toEqual([expect.objectContaining({ recordId: ids.old, decidedBy: ids.director })]);
      const reapplied = await query(target.toString(), `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'record.destruction_reapplied'`, [ids.old]);
      expect(reapplied).toHaveLength(1);
      expect((await query(target.toString(), 'SELECT result_note FROM incoming_document WHERE id = $1', [ids.alone]))[0].result_note).toBeNull();
      const copyAdmin = await org.signIn(copy.url, 'admin');
      expect((await copyAdmin.get('/api/v1/audit/verify')).body).toMatchObject({ intact: true });
    } finally {
      await copyWorker?.stop();
      await copy?.stop();
      await query(baseRun.databaseUrl, `DROP DATABASE IF EXISTS "${target.pathname.slice(1)}" WITH (FORCE)`);
    }
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
