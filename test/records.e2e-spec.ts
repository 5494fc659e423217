import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildAppendixSource, pdfsigResults, qpdfCheck, renderPage } from '../libs/signing/test';
import { query } from './support/db';
import { closeWithResult, filePart, registerIncoming } from './support/documents';
import { Client } from './support/http';
import { createDraft, createTestPki, download, draftMetadata, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A database of its own: the certificates and file list made here stay out of other suites. */
let isolated: IsolatedRun;
let run: E2eRun;

const YEAR = Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Runs a poppler/qpdf tool on the bytes in a private directory; returns stdout and the directory's files after. */
function withPdf<T>(pdf: Buffer, work: (path: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'records-e2e-'));
  try {
    const path = join(dir, 'export.pdf');
    writeFileSync(path, pdf);
    return work(path, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
/**
 * Certificate uploads on this loaded machine now and then fail with EPIPE before any answer (seen in
 * the backups suite too): the body never reached the API whole, so nothing was stored and one more
 * try is safe.
 */
async function withRetry<T>(send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    if (!String((error as { cause?: { code?: string } }).cause?.code).includes('EPIPE')) throw error;
    return send();
  }
}
const tool = (command: string, args: string[]) => execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('records (hồ sơ): file list, filing, closing and export', () => {
  let api: Api;
  let worker: RunningProcess;
  let clerk: Client; // the agency's clerk, văn thư of the agency
  let officer: Client; // officer of the teaching department, GDTRH
  let head: Client; // head of the teaching department, head of GDTRH (a leader, but of a department)
  let director: Client; // the director, agency leader
  let other: Client; // officer of the personnel department
  let leadership: Client; // the deputy, leadership: sees every record of the agency, not the mật documents naming others
  let ids: Record<string, string>;
  let listId: string;
  let entryIds: string[];

  const audits = async (entityId: string) =>
    (await query(run.databaseUrl, `SELECT action, data FROM audit_event WHERE entity_id = $1 ORDER BY id`, [entityId])) as { action: string; data: Record<string, unknown> }[];

  /** An incoming document registered, sent to the director, given to the officer and closed by him. */
  async function closedIncoming(subject: string, sourceDate: string, confidentiality = 'normal'): Promise<string> {
    const { body } = await registerIncoming(clerk, { subject, sourceDate, confidentiality, sourceNumberSymbol: `${Math.floor(Math.random() * 900) + 100}/UBND-VX` });
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: ids.director })).status).toBe(200);
    const assign = { lead: { userId: ids.officer }, coordinators: [], informed: [] };
    expect((await director.post(`/api/v1/incoming/${body.id}/assign`, assign)).status).toBe(200);
    expect((await closeWithResult(officer, body.id)).body.status).toBe('closed');
    return body.id;
  }

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'records');
    run = isolated.run;
    const pki = createTestPki();
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile, RECORDS_TO_FILE_AFTER_DAYS: '0' };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    const admin = await sign('admin');
    [clerk, officer, head, director, other, leadership] = await Promise.all([sign('clerk'), sign('officer'), sign('head'), sign('director'), sign('otherOfficer'), sign('deputy')]);
    expect((await withRetry(() => uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage()))).status).toBe(201);
    expect((await withRetry(() => uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage()))).status).toBe(201);
    ids = { director: org.people.director.id, officer: org.people.officer.id, gdtrh: org.teaching.id, tccb: org.personnel.id };
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await isolated?.dispose();
  });

  it('lets the clerk draft the year’s file list and only an agency leader approve it', async () => {
    expect((await officer.post('/api/v1/file-lists', { year: YEAR, title: 'x' })).status).toBe(403);
    const created = await clerk.post('/api/v1/file-lists', { year: YEAR, title: `Danh mục hồ sơ năm ${YEAR}` });
    expect([created.status, created.body.status]).toEqual([201, 'draft']);
    listId = created.body.id;
    expect((await clerk.post('/api/v1/file-lists', { year: YEAR, title: 'lần hai' })).body.code).toBe('FILE_LIST_EXISTS');
    expect((await director.post(`/api/v1/file-lists/${listId}/approve`, {})).body.code).toBe('FILE_LIST_EMPTY');

    const entry = (notation: string, more: object) => clerk.post(`/api/v1/file-lists/${listId}/entries`, { notation, unitId: ids.gdtrh, personInChargeId: ids.officer, ...more });
    const first = await entry('01.gdtrh', { title: 'Hồ sơ tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh', retentionYears: 10 });
    expect([first.status, first.body.notation, first.body.retention]).toEqual([201, '01.GDTRH', '10 năm']);
    const second = await entry('02.GDTRH', { title: 'Hồ sơ công nhận trường đạt chuẩn quốc gia', permanent: true });
    expect(second.body.retention).toBe('Vĩnh viễn');
    expect((await entry('01.GDTRH', { title: 'trùng', retentionYears: 5 })).body.code).toBe('RECORD_CODE_TAKEN');
    expect((await entry('03 GDTRH', { title: 'sai', retentionYears: 5 })).body.code).toBe('VALIDATION_FAILED');
    expect((await entry('04.GDTRH', { title: 'cả hai', retentionYears: 5, permanent: true })).body.code).toBe('VALIDATION_FAILED');
    const nobody = await entry('05.GDTRH', { title: 'người lạ', retentionYears: 5, personInChargeId: '00000000-0000-4000-8000-000000000000' });
    expect([nobody.status, nobody.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    entryIds = [first.body.id, second.body.id];

    const early = await officer.post('/api/v1/records', { entryId: entryIds[0] });
    expect([early.status, early.body.code]).toEqual([409, 'FILE_LIST_NOT_APPROVED']);
    expect((await head.post(`/api/v1/file-lists/${listId}/approve`, {})).status).toBe(403); // a department's leader
    const approved = await director.post(`/api/v1/file-lists/${listId}/approve`, {});
    expect([approved.status, approved.body.status, approved.body.approvedBy]).toEqual([200, 'approved', ids.director]);
    expect((await director.post(`/api/v1/file-lists/${listId}/approve`, {})).body.code).toBe('INVALID_TRANSITION');
    expect((await other.get(`/api/v1/file-lists/${listId}`)).body.entries).toHaveLength(2);
    expect((await audits(listId)).map((a) => a.action)).toEqual(['file_list.created', 'file_list.entry_added', 'file_list.entry_added', 'file_list.approved']);
  });

  it('files incoming and outgoing documents (one in two records), closes in date order, reopens with a reason', async () => {
    const opened = await officer.post('/api/v1/records', { entryId: entryIds[0], description: 'Kỳ thi học sinh giỏi' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({ fileCode: `${org.agency.code}.${YEAR}.01.GDTRH`, status: 'open', retention: '10 năm', ownerId: ids.officer, documentCount: 0 });
    const record = opened.body.id as string;
    expect((await officer.post('/api/v1/records', { entryId: entryIds[0] })).body.code).toBe('RECORD_ALREADY_OPENED');
    // Off the list: a code the list reserves is refused; a new one is opened, then the clerk lists it.
    const reserved = await officer.post('/api/v1/records', { notation: '02.GDTRH', title: 'Trùng mục', retentionYears: 5 });
    expect([reserved.status, reserved.body.code]).toEqual([409, 'RECORD_CODE_TAKEN']);
    const offList = await officer.post('/api/v1/records', { notation: '15.GDTRH', title: 'Hồ sơ khen thưởng học sinh giỏi', retentionYears: 5 });
    expect(offList.body).toMatchObject({ fileCode: `${org.agency.code}.${YEAR}.15.GDTRH`, fileListEntryId: null });
    const listed = await clerk.post(`/api/v1/file-lists/${listId}/entries`, { recordId: offList.body.id });
    expect(listed.body).toMatchObject({ notation: '15.GDTRH', addedAfterApproval: true });
    expect((await clerk.post(`/api/v1/file-lists/${listId}/entries`, { recordId: offList.body.id })).body.code).toBe('RECORD_ALREADY_LISTED');

    const incomingId = await closedIncoming('Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh', `${YEAR}-01-15`);
    const toFile = await officer.get('/api/v1/records/to-file');
    expect(toFile.body.items.map((i: { id: string }) => i.id)).toContain(incomingId);

    const { body: draft } = await createDraft(officer, await draftMetadata(org, { subject: 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi' }));
    // An appendix in a separate file (phụ lục): it travels with the document into the record.
    const appendixForm = new FormData();
    appendixForm.append('title', 'Danh sách học sinh đạt giải');
    filePart(appendixForm, 'file', Buffer.from(await buildAppendixSource()), 'phu-luc.pdf', 'application/pdf');
    expect((await officer.post(`/api/v1/outgoing/${draft.id}/appendices`, appendixForm)).status).toBe(201);
    await reviewThrough(draft.id, officer, head, clerk, director);
    expect((await director.post(`/api/v1/outgoing/${draft.id}/sign`, {})).body.status).toBe('signed');
    const issued = await clerk.post(`/api/v1/outgoing/${draft.id}/issue`, {});
    expect(issued.body.status).toBe('issued');

    // The record asks for the drafts too: only its owner, only while open; audited.
    expect((await head.post(`/api/v1/records/${record}/drafts`, { includeDrafts: true })).status).toBe(403);
    const withDrafts = await officer.post(`/api/v1/records/${record}/drafts`, { includeDrafts: true });
    expect([withDrafts.status, withDrafts.body.includeDrafts]).toEqual([200, true]);
    const file = (recordId: string, kind: string, documentId: string, client = officer) => client.post(`/api/v1/records/${recordId}/documents`, { kind, documentId });
    // Filed out of date order on purpose: closing renumbers by the documents' dates.
    const out = await file(record, 'outgoing', draft.id);
    expect([out.status, out.body.docOrdinal]).toEqual([201, 1]);
    expect((await file(record, 'incoming', incomingId)).body.docOrdinal).toBe(2);
    expect((await file(offList.body.id, 'outgoing', draft.id)).status).toBe(201); // the same document in a second record
    expect((await file(record, 'outgoing', draft.id)).body.code).toBe('DOCUMENT_ALREADY_FILED');
    expect((await file(record, 'incoming', incomingId, head)).status).toBe(403); // sees the record, does not own it

    // A document the officer may not see: 404, and nothing written.
    const { body: notMine } = await registerIncoming(clerk, { subject: 'Không giao cho chuyên viên' });
    const before = (await officer.get(`/api/v1/records/${record}`)).body;
    expect((await file(record, 'incoming', notMine.id)).status).toBe(404);
    expect((await other.get(`/api/v1/records/${record}`)).status).toBe(404); // another unit's officer
    const { body: draftOnly } = await createDraft(officer, await draftMetadata(org));
    expect((await file(record, 'outgoing', draftOnly.id)).body.code).toBe('DOCUMENT_NOT_FILABLE');
    const after = (await officer.get(`/api/v1/records/${record}`)).body;
    expect([after.documentCount, after.pageCount]).toEqual([before.documentCount, before.pageCount]);
    expect(after.documents).toHaveLength(2);
    expect((await officer.get('/api/v1/records/to-file')).body.items.map((i: { id: string }) => i.id)).not.toContain(incomingId);

    const empty = await officer.post('/api/v1/records', { notation: '16.GDTRH', title: 'Hồ sơ rỗng', retentionYears: 5 });
    expect((await officer.post(`/api/v1/records/${empty.body.id}/close`, {})).body.code).toBe('RECORD_EMPTY');

    const closed = await officer.post(`/api/v1/records/${record}/close`, {});
    expect(closed.body).toMatchObject({ status: 'closed', documentCount: 2, startDate: `${YEAR}-01-15` });
    const detail = (await officer.get(`/api/v1/records/${record}`)).body;
    expect(detail.documents.map((d: { kind: string; docOrdinal: number }) => [d.docOrdinal, d.kind])).toEqual([[1, 'incoming'], [2, 'outgoing']]);
    expect(detail.pageCount).toBe(detail.documents.reduce((n: number, d: { pageCount: number }) => n + d.pageCount, 0));
    expect((await file(record, 'incoming', notMine.id)).status).toBe(404);
    expect((await officer.request('DELETE', `/api/v1/records/${record}/documents/incoming/${incomingId}`)).body.code).toBe('RECORD_CLOSED');
    expect((await officer.post(`/api/v1/records/${record}/drafts`, { includeDrafts: false })).body.code).toBe('RECORD_CLOSED');

    expect((await officer.post(`/api/v1/records/${record}/reopen`, { reason: '   ' })).body.code).toBe('VALIDATION_FAILED');
    expect((await head.post(`/api/v1/records/${record}/reopen`, { reason: 'Bổ sung văn bản' })).status).toBe(403);
    const reopened = await officer.post(`/api/v1/records/${record}/reopen`, { reason: 'Bổ sung văn bản trả lời' });
    expect(reopened.body.status).toBe('open');
    expect((await officer.post(`/api/v1/records/${record}/close`, {})).body.status).toBe('closed');
    const trail = await audits(record);
    expect(trail.map((a) => a.action)).toEqual([
      'record.opened', 'record.drafts_set', 'record.document_filed', 'record.document_filed', 'record.closed', 'record.reopened', 'record.closed',
    ]);
    expect(trail[1].data).toMatchObject({ includeDrafts: true });
    expect(trail[5].data).toMatchObject({ reason: 'Bổ sung văn bản trả lời' });
    ids.record = record;
    ids.outgoing = draft.id;
    ids.incoming = incomingId;
  });

  it('exports the record: index page in Vietnamese, documents in order, originals attached byte for byte, signatures valid', async () => {
    const index = (await officer.get(`/api/v1/records/${ids.record}/export?format=json`)).body;
    expect(index.record).toMatchObject({ fileCode: `${org.agency.code}.${YEAR}.01.GDTRH`, maintenance: '10 năm', docTotal: 2, language: 'vi' });
    expect(index.documents.map((d: { docOrdinal: number; kind: string }) => [d.docOrdinal, d.kind])).toEqual([[1, 'incoming'], [2, 'outgoing']]);
    const xml = await download(officer, `/api/v1/records/${ids.record}/export?format=xml`);
    expect(xml.toString()).toContain(`<FileCode>${org.agency.code}.${YEAR}.01.GDTRH</FileCode>`);
    expect(xml.toString()).toContain('<DocOrdinal>2</DocOrdinal>');

    const pdf = await download(officer, `/api/v1/records/${ids.record}/export`);
    expect(qpdfCheck(pdf).status).not.toBe(2);
    const issuedPdf = await download(officer, `/api/v1/outgoing/${ids.outgoing}/pdf`);
    const { pages, firstPage, attachments, detached } = withPdf(pdf, (path, dir) => {
      const info = tool('pdfinfo', [path]);
      const list = tool('pdfdetach', ['-list', path]);
      tool('pdfdetach', ['-saveall', '-o', dir, path]);
      const files = Object.fromEntries(readdirSync(dir).filter((n) => n !== 'export.pdf').map((n) => [n, readFileSync(join(dir, n))]));
      return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), firstPage: tool('pdftotext', ['-f', '1', '-l', '1', '-layout', path, '-']), attachments: list, detached: files };
    });
    expect(pages).toBe(1 + index.record.pageTotal);
    expect(firstPage).toContain('MỤC LỤC VĂN BẢN');
    expect(firstPage).toContain(`${org.agency.code}.${YEAR}.01.GDTRH`);
    expect(firstPage).toContain('Trích yếu nội dung');
    expect(firstPage).toContain('Văn bản đến');
    expect(attachments).toContain('0002-van-ban-di.pdf');
    const original = detached['0002-van-ban-di.pdf'];
    expect(sha256(original)).toBe(sha256(issuedPdf));
    expect(sha256(original)).toBe(index.documents[1].sha256);
    expect(pdfsigResults(original)).toMatchObject({ valid: 2, invalid: 0 });
    expect(JSON.parse(detached['ho-so.json'].toString()).record.fileCode).toBe(index.record.fileCode);
    // What travels with each document: the incoming one's result file, the outgoing one's appendix
    // (as issued, signed by the agency) and its drafts (the record asks for them), each byte for byte.
    type IndexFile = { role: string; fileName: string; sha256: string; fileId: string };
    const [incomingFiles, outgoingFiles] = index.documents.map((d: { files: IndexFile[] }) => d.files);
    expect(incomingFiles.map((f: IndexFile) => [f.role, f.fileName])).toEqual([['document', '0001-van-ban-den.pdf'], ['result', '0001-van-ban-den.ket-qua.pdf']]);
    expect(outgoingFiles.map((f: IndexFile) => [f.role, f.fileName])).toEqual([
      ['document', '0002-van-ban-di.pdf'], ['appendix', '0002-van-ban-di.phu-luc-01.pdf'], ['draft', '0002-van-ban-di.du-thao-v1.pdf'],
    ]);
    for (const f of [...incomingFiles, ...outgoingFiles]) {
      expect(attachments).toContain(f.fileName);
      expect(sha256(detached[f.fileName])).toBe(f.sha256);
    }
    expect(pdfsigResults(detached['0002-van-ban-di.phu-luc-01.pdf']).valid).toBeGreaterThan(0);
    expect(xml.toString()).toContain('<File role="appendix">');
    expect(xml.toString()).toContain('<IncludeDrafts>true</IncludeDrafts>');
    expect(firstPage).toContain('kết quả xử lý');
    expect(firstPage).toContain('1 phụ lục');
    const rendered = renderPage(pdf, 1, `records-index-${process.pid}`);
    expect(rendered.width).toBeGreaterThan(rendered.height); // the index prints A4 landscape
    // The audit entry, written before the first byte went out, names the bytes given out.
    const exportedEntry = (await audits(ids.record)).filter((a) => a.action === 'record.exported').pop();
    expect(exportedEntry?.data).toMatchObject({ sha256: sha256(pdf), sizeBytes: pdf.length, documents: 2 });
  });

  it('keeps a mật document visible only to those it names: counted, not named, and the export refused to others', async () => {
    const opened = await officer.post('/api/v1/records', { notation: '20.GDTRH', title: 'Hồ sơ đề thi', permanent: true });
    const secretId = await closedIncoming('Đề thi chính thức (mật)', `${YEAR}-02-01`, 'secret');
    const normalId = await closedIncoming('Kế hoạch coi thi', `${YEAR}-02-02`);
    for (const documentId of [secretId, normalId]) {
      expect((await officer.post(`/api/v1/records/${opened.body.id}/documents`, { kind: 'incoming', documentId })).status).toBe(201);
    }
    expect((await leadership.post(`/api/v1/records/${opened.body.id}/documents`, { kind: 'incoming', documentId: secretId })).status).toBe(403);
    const seenByOwner = (await officer.get(`/api/v1/records/${opened.body.id}`)).body;
    expect([seenByOwner.documents.length, seenByOwner.hiddenDocuments]).toEqual([2, 0]);
    const seenByLeadership = (await leadership.get(`/api/v1/records/${opened.body.id}`)).body;
    expect(seenByLeadership.documents.map((d: { id: string }) => d.id)).toEqual([normalId]);
    expect([seenByLeadership.hiddenDocuments, seenByLeadership.documentCount]).toEqual([1, 2]);
    const refused = await leadership.get(`/api/v1/records/${opened.body.id}/export?format=json`);
    expect([refused.status, refused.body.code]).toEqual([403, 'RECORD_DOCUMENTS_HIDDEN']);
    expect((await leadership.get(`/api/v1/records/${opened.body.id}/export`)).status).toBe(403);
    expect((await officer.get(`/api/v1/records/${opened.body.id}/export?format=json`)).body.documents).toHaveLength(2);
  });
  it('refuses the PDF export when a stored file differs from its SHA-256: nothing given out, nothing audited', async () => {
    const index = (await officer.get(`/api/v1/records/${ids.record}/export?format=json`)).body;
    const scan = index.documents[0].files.find((f: { role: string }) => f.role === 'document');
    const [{ storage_key: key }] = await query(run.databaseUrl, `SELECT storage_key FROM stored_file WHERE id = $1`, [scan!.fileId]);
    const path = join(run.fileStoreDir, key);
    const original = readFileSync(path);
    const exported = async () => (await audits(ids.record)).filter((a) => a.action === 'record.exported').length;
    const before = await exported();
    chmodSync(path, 0o644);
    writeFileSync(path, Buffer.concat([original, Buffer.from('\n')])); // one byte more: qpdf still joins it
    try {
      // Checked as it is appended, before the answer starts: an error, not a PDF.
      expect((await officer.get(`/api/v1/records/${ids.record}/export`)).status).toBe(500);
    } finally {
      writeFileSync(path, original);
    }
    expect(await exported()).toBe(before);
    // With the stored bytes back, the export is whole again.
    expect(qpdfCheck(await download(officer, `/api/v1/records/${ids.record}/export`)).status).not.toBe(2);
  });
});
