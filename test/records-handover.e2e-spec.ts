import { createHash, randomUUID } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfsigResults } from '../libs/signing/test';
import { query } from './support/db';
import { closeWithResult, registerIncoming } from './support/documents';
import { Client } from './support/http';
import { createDraft, createTestPki, download, draftMetadata, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun, ROOT } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let isolated: IsolatedRun;
let run: E2eRun;

const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const VERIFY_PACKAGE = join(ROOT, 'dist/apps/api/apps/api/src/verify-package.js');
const verifyPackage = (dir: string) => spawnSync('node', [VERIFY_PACKAGE, dir], { encoding: 'utf8', timeout: 120_000 });
const text = (pdf: string) => execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });

/** Certificate uploads on a loaded machine now and then fail with EPIPE before any answer (see records.e2e-spec.ts). */
async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!String((error as { cause?: { code?: string } }).cause?.code).includes('EPIPE')) throw error;
    return send();
  }
}

describe('records hand-over to the archive (nộp lưu): list, approval, BagIt packages', () => {
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let clerk: Client; // the agency's clerk, văn thư
  let officer: Client; // officer of the teaching department, owner of the records
  let head: Client; // head of the teaching department, a department's leader
  let director: Client; // the director, agency leader
  let handoverDir: string;
  const ids: Record<string, string> = {};

  const actions = async (entityId: string) =>
    ((await query(run.databaseUrl, `SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id`, [entityId])) as { action: string }[]).map((a) => a.action);

  async function closedIncoming(subject: string, sourceDate: string): Promise<string> {
    const { body } = await registerIncoming(clerk, { subject, sourceDate, sourceNumberSymbol: `${Math.floor(Math.random() * 900) + 100}/UBND-VX` });
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: ids.director })).status).toBe(200);
    expect((await director.post(`/api/v1/incoming/${body.id}/assign`, { lead: { userId: ids.officer }, coordinators: [], informed: [] })).status).toBe(200);
    expect((await closeWithResult(officer, body.id)).body.status).toBe('closed');
    return body.id;
  }

  /** A record opened off the list by the officer, with the documents filed, closed unless `open`. */
  async function record(notation: string, documents: { kind: string; id: string }[], more: { year?: number; open?: boolean } = {}): Promise<string> {
    const opened = await officer.post('/api/v1/records', { notation, title: `Hồ sơ ${notation}`, retentionYears: 10, year: more.year });
    expect(opened.status).toBe(201);
    for (const d of documents) expect((await officer.post(`/api/v1/records/${opened.body.id}/documents`, { kind: d.kind, documentId: d.id })).status).toBe(201);
    if (!more.open) expect((await officer.post(`/api/v1/records/${opened.body.id}/close`, {})).body.status).toBe('closed');
    return opened.body.id;
  }

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'records_handover');
    run = isolated.run;
    handoverDir = mkdtempSync(join(tmpdir(), 'handover-e2e-'));
    const pki = createTestPki();
    // The deadline scan every 2 seconds, so the suite sees it without waiting for the morning.
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile, HANDOVER_DIR: handoverDir, HANDOVER_SCAN_CRON: '*/2 * * * * *' };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    admin = await sign('admin');
    [clerk, officer, head, director] = await Promise.all([sign('clerk'), sign('officer'), sign('head'), sign('director')]);
    expect((await withRetry(() => uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage()))).status).toBe(201);
    expect((await withRetry(() => uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage()))).status).toBe(201);
    ids.director = org.people.director.id;
    ids.officer = org.people.officer.id;
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await isolated?.dispose();
    if (handoverDir) {
      execFileSync('chmod', ['-R', 'u+w', handoverDir]);
      rmSync(handoverDir, { recursive: true, force: true });
    }
  });

  it('tells the owner of a closed record past its hand-over deadline (end date + 1 year), once', async () => {
    const oldIncoming = await closedIncoming('Về việc tuyển sinh lớp 10 năm học cũ', `${YEAR - 2}-03-01`);
    ids.oldIncoming = oldIncoming;
    ids.old = await record('40.GDTRH', [{ kind: 'incoming', id: oldIncoming }], { year: YEAR - 2 });
    const notice = await waitFor(async () => {
      const { body } = await officer.get('/api/v1/notifications');
      return (body.items as { kind: string; recordId: string | null; title: string }[]).find((n) => n.kind === 'record_handover_due' && n.recordId === ids.old);
    }, 'the hand-over deadline notification');
    expect(notice.title).toContain(`${org.agency.code}.${YEAR - 2}.40.GDTRH đã quá hạn nộp lưu (hạn 01/03/${YEAR - 1})`);
  });

  it('lists only closed records of the agency, each on one list; a leader of the agency approves once and the records freeze', async () => {
    const incoming = await closedIncoming('Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh', `${YEAR}-01-15`);
    const { body: draft } = await createDraft(officer, await draftMetadata(org, { subject: 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi' }));
    await reviewThrough(draft.id, officer, head, clerk, director);
    expect((await director.post(`/api/v1/outgoing/${draft.id}/sign`, {})).body.status).toBe('signed');
    expect((await clerk.post(`/api/v1/outgoing/${draft.id}/issue`, {})).body.status).toBe('issued');
    ids.outgoing = draft.id;
    ids.main = await record('41.GDTRH', [{ kind: 'outgoing', id: draft.id }, { kind: 'incoming', id: incoming }]);
    const open = await record('42.GDTRH', [], { open: true });
    const third = await record('43.GDTRH', [{ kind: 'incoming', id: incoming }]);

    const make = (recordIds: string[], client = clerk) => client.post('/api/v1/handovers', { recordIds, title: `Danh mục hồ sơ nộp lưu năm ${YEAR}` });
    expect((await make([ids.main], officer)).status).toBe(403);
    expect((await make([ids.main, open])).body.code).toBe('RECORD_NOT_CLOSED');
    const unknown = await make([randomUUID()]);
    expect([unknown.status, unknown.body.code]).toEqual([422, 'RECORD_NOT_IN_AGENCY']);
    expect((await make([ids.main, ids.main])).status).toBe(400);
    const created = await make([ids.main, ids.old]);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'submitted', approvedBy: null });
    expect(created.body.records.map((r: { fileCode: string; ordinal: number }) => [r.ordinal, r.fileCode])).toEqual([[1, `${org.agency.code}.${YEAR}.41.GDTRH`], [2, `${org.agency.code}.${YEAR - 2}.40.GDTRH`]]);
    ids.handover = created.body.id;
    expect((await make([ids.main])).body.code).toBe('RECORD_ON_HANDOVER_LIST');
    expect((await officer.post(`/api/v1/records/${ids.main}/reopen`, { reason: 'Bổ sung văn bản' })).body.code).toBe('RECORD_ON_HANDOVER_LIST');
    // Two lists at once over the same record: one is made.
    const both = await Promise.all([make([third]), make([third])]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.status === 409)!.body.code).toBe('RECORD_ON_HANDOVER_LIST');

    expect((await head.post(`/api/v1/handovers/${ids.handover}/approve`, {})).status).toBe(403); // a department's leader
    const approvals = await Promise.all([director.post(`/api/v1/handovers/${ids.handover}/approve`, {}), director.post(`/api/v1/handovers/${ids.handover}/approve`, {})]);
    expect(approvals.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(approvals.find((r) => r.status === 409)!.body.code).toBe('INVALID_TRANSITION');
    expect(approvals.find((r) => r.status === 200)!.body).toMatchObject({ approvedBy: ids.director });
    expect((await actions(ids.handover)).filter((a) => a === 'handover.approved')).toHaveLength(1);
    expect((await actions(ids.main)).filter((a) => a === 'record.handed_over')).toHaveLength(1);

    expect((await officer.get(`/api/v1/records/${ids.main}`)).body.status).toBe('handed_over');
    expect((await officer.post(`/api/v1/records/${ids.main}/reopen`, { reason: 'Bổ sung văn bản' })).body.code).toBe('INVALID_TRANSITION');
    expect((await officer.post(`/api/v1/records/${ids.main}/documents`, { kind: 'incoming', documentId: ids.oldIncoming })).body.code).toBe('RECORD_CLOSED');
    expect((await make([ids.main])).body.code).toBe('RECORD_HANDED_OVER');
    expect((await clerk.get('/api/v1/handovers')).body.map((h: { id: string }) => h.id)).toContain(ids.handover);
  });

  it('builds one BagIt package per record: documents byte for byte, still signed; verify-package passes and names a changed byte', async () => {
    const done = await waitFor(async () => {
      const { body } = await clerk.get(`/api/v1/handovers/${ids.handover}`);
      return body.status === 'packaged' ? body : undefined;
    }, 'the hand-over packages', 120_000);
    const main = done.records.find((r: { recordId: string }) => r.recordId === ids.main)!;
    expect(main).toMatchObject({ recordStatus: 'handed_over', packagePath: `${ids.handover}/${org.agency.code}.${YEAR}.41.GDTRH`, payloadOxum: expect.stringMatching(/^\d+\.\d+$/) });
    expect(main.payloadOxum).toBe(`${main.payloadBytes}.${main.payloadFiles}`);
    const bag = join(handoverDir, main.packagePath!);

    const ok = verifyPackage(bag);
    expect([ok.status, ok.stdout]).toEqual([0, expect.stringContaining(`OK ${bag}: Payload-Oxum ${main.payloadOxum}`)]);
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`External-Identifier: ${org.agency.code}.${YEAR}.41.GDTRH`);
    expect(info).toContain(`Payload-Oxum: ${main.payloadOxum}`);
    expect(info).toContain('Source-Organization: Sở Giáo dục');
    expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toContain('BagIt-Version: 1.0');
    expect(statSync(join(bag, 'data', 'ho-so.xml')).mode & 0o222).toBe(0); // read-only

    // Closed in date order: the incoming document of January first, then the outgoing one.
    const issued = await download(officer, `/api/v1/outgoing/${ids.outgoing}/pdf`);
    const packed = readFileSync(join(bag, 'data', 'documents', '0002-van-ban-di.pdf'));
    expect(sha256(packed)).toBe(sha256(issued));
    expect(pdfsigResults(packed)).toMatchObject({ valid: 2, invalid: 0 });
    // The incoming document's result file travels with it, byte for byte, in the manifest with its
    // SHA-256 and in the index with its role; the drafts stay out (the record did not ask for them).
    const packedIndex = JSON.parse(readFileSync(join(bag, 'data', 'ho-so.json'), 'utf8'));
    const result = packedIndex.documents[0].files.find((f: { role: string }) => f.role === 'result');
    expect(result).toMatchObject({ fileName: '0001-van-ban-den.ket-qua.pdf', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(sha256(readFileSync(join(bag, 'data', 'documents', result.fileName)))).toBe(result.sha256);
    const manifest = readFileSync(join(bag, 'manifest-sha256.txt'), 'utf8');
    expect(manifest).toContain(`${result.sha256}  data/documents/0001-van-ban-den.ket-qua.pdf`);
    expect(manifest).not.toContain('du-thao');
    expect(readFileSync(join(bag, 'data', 'ho-so.xml'), 'utf8')).toContain(`<FileCode>${org.agency.code}.${YEAR}.41.GDTRH</FileCode>`);
    const signatures = JSON.parse(readFileSync(join(bag, 'data', 'signatures', '0002-van-ban-di.json'), 'utf8'));
    expect(signatures.report.signatures).toHaveLength(2);
    const trail = JSON.parse(readFileSync(join(bag, 'data', 'audit', '0002-van-ban-di.json'), 'utf8'));
    expect(trail).toMatchObject({ entityType: 'outgoing_document', entityId: ids.outgoing });
    expect(trail.events.length).toBeGreaterThan(3);
    // The access history (who viewed or downloaded it) travels with the document.
    const access = JSON.parse(readFileSync(join(bag, 'data', 'access', '0002-van-ban-di.json'), 'utf8'));
    expect(access).toMatchObject({ documentKind: 'outgoing', documentId: ids.outgoing, views: expect.any(Array) });
    for (const view of access.views) expect(view).toMatchObject({ viewerName: expect.any(String), action: expect.stringMatching(/^(detail|file|export)$/) });
    expect(text(join(bag, 'data', 'danh-muc-nop-luu.pdf'))).toContain('DANH MỤC HỒ SƠ NỘP LƯU');
    expect(text(join(bag, 'data', 'bien-ban-giao-nhan.pdf'))).toContain('BIÊN BẢN GIAO NHẬN TÀI LIỆU');

    // One byte changed in a copy of the bag: the CLI exits 1 and names the file.
    const copy = join(mkdtempSync(join(tmpdir(), 'handover-copy-')), 'bag');
    try {
      cpSync(bag, copy, { recursive: true });
      execFileSync('chmod', ['-R', 'u+w', copy]);
      const target = join(copy, 'data', 'documents', '0001-van-ban-den.pdf');
      const bytes = readFileSync(target);
      bytes[Math.floor(bytes.length / 2)] ^= 0x20;
      writeFileSync(target, bytes);
      chmodSync(target, 0o444);
      const bad = verifyPackage(copy);
      expect(bad.status).toBe(1);
      expect(bad.stdout).toContain('DIFFERS data/documents/0001-van-ban-den.pdf: checksum differs');
    } finally {
      rmSync(join(copy, '..'), { recursive: true, force: true });
    }

    // The download: the bag as a tar, which unpacks into a bag verify-package accepts.
    const packageUrl = (recordId: string) => `/api/v1/handovers/${ids.handover}/records/${recordId}/package`;
    const unpacked = mkdtempSync(join(tmpdir(), 'handover-tar-'));
    try {
      const res = await fetch(`${api.url}${packageUrl(ids.main)}`, { headers: { authorization: `Bearer ${clerk.accessToken}` } });
      expect([res.status, res.headers.get('content-type'), res.headers.get('x-payload-oxum')]).toEqual([200, 'application/x-tar', main.payloadOxum]);
      writeFileSync(join(unpacked, 'package.tar'), Buffer.from(await res.arrayBuffer()));
      execFileSync('tar', ['-xf', join(unpacked, 'package.tar'), '-C', unpacked]);
      expect(verifyPackage(join(unpacked, `${org.agency.code}.${YEAR}.41.GDTRH`)).status).toBe(0);
    } finally {
      rmSync(unpacked, { recursive: true, force: true });
    }
    expect((await officer.get(packageUrl(ids.main))).status).toBe(403);
    // A package changed on disk is not given out.
    const old = done.records.find((r: { recordId: string }) => r.recordId === ids.old)!;
    const index = join(handoverDir, old.packagePath!, 'data', 'ho-so.json');
    chmodSync(index, 0o644);
    writeFileSync(index, readFileSync(index, 'utf8').replace('"docTotal": 1', '"docTotal": 2'));
    const damaged = await clerk.get(packageUrl(ids.old));
    expect([damaged.status, damaged.body.code]).toEqual([409, 'HANDOVER_PACKAGE_DAMAGED']);
    expect(damaged.body.detail).toContain('data/ho-so.json: checksum differs');

    expect(await actions(ids.handover)).toEqual(['handover.created', 'handover.approved', 'handover.packaged']);
    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ intact: true, firstBrokenId: null });
    // The deadline notice was given once, though the scan ran every 2 seconds meanwhile; a listed record is no longer due.
    const notices = await query(run.databaseUrl, `SELECT count(*)::int AS n FROM notification WHERE record_id = $1`, [ids.old]);
    expect(notices[0].n).toBe(1);
  });

  it('places a legal hold on a record with a reason and lifts it with a reason, once, audited (issue 15.5, first piece)', async () => {
    const holds = `/api/v1/records/${ids.main}/holds`;
    expect((await officer.request('POST', holds, { reason: 'Tôi muốn giữ' })).status).toBe(403); // the owner is not a keeper of holds
    expect((await director.request('POST', holds, { reason: ' ' })).body.code).toBe('VALIDATION_FAILED');
    const placed = await director.request('POST', holds, { reason: 'Thanh tra Sở yêu cầu giữ nguyên hồ sơ' });
    expect(placed.status).toBe(201);
    expect(placed.body).toMatchObject({ recordId: ids.main, placedBy: ids.director, active: true, liftedAt: null });
    const listed = (await officer.request('GET', holds)).body as { id: string }[];
    expect(listed.map((h) => h.id)).toEqual([placed.body.id]);
    const lift = () => director.request('POST', `${holds}/${placed.body.id}/lift`, { reason: 'Thanh tra đã kết thúc' });
    const lifts = await Promise.all([lift(), lift()]);
    expect(lifts.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(lifts.find((r) => r.status === 200)!.body).toMatchObject({ active: false, liftedBy: ids.director, liftReason: 'Thanh tra đã kết thúc' });
    expect((await director.request('POST', `${holds}/${randomUUID()}/lift`, { reason: 'Không có lệnh này' })).status).toBe(404);
    expect((await actions(ids.main)).filter((a) => a.startsWith('record.hold_'))).toEqual(['record.hold_placed', 'record.hold_lifted']);
    expect((await admin.get('/api/v1/audit/verify')).body).toMatchObject({ intact: true });
  });
});
