import { Api, startApi } from './support/processes';
import { Client } from './support/http';
import { query } from './support/db';
import { filePart, incomingMetadata, makePdf, registerIncoming } from './support/documents';
import { createDraft, createTestPki, draftMetadata, OUTSIDE_RECIPIENT, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { hireActivePerson } from './support/accounts';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

/** A source number no other test used, so "likely duplicates" are only the ones made here. */
const sourceNumber = (tag: string) => `${Date.now() % 100000}/${tag}-MAT`;

describe('confidential (mật) documents stay narrow', () => {
  let api: Api;
  let admin: Client;
  let clerk: Client; // the agency's clerk, clerk of the agency
  let director: Client; // the director, leader of the agency
  let officer: Client; // officer of the teaching department, officer in GDTRH
  let leadership: Client; // the deputy

  beforeAll(async () => {
    api = await startApi(run);
    const sign = (who: Who) => org.signIn(api.url, who);
    [admin, clerk, director, officer, leadership] = await Promise.all([org.signIn(api.url, 'admin'), sign('clerk'), sign('director'), sign('officer'), sign('deputy')]);
  });
  afterAll(() => api.stop());

  it('answers 404 to an administrator for the files of a mật document or draft they are not named on', async () => {
    const secret = await registerIncoming(clerk, { subject: 'Đề thi chính thức (mật)', confidentiality: 'secret' });
    const normal = await registerIncoming(clerk, { subject: 'Công văn thường' });
    const secretScan = (await clerk.get(`/api/v1/incoming/${secret.body.id}`)).body.scanFileId;
    const normalScan = (await clerk.get(`/api/v1/incoming/${normal.body.id}`)).body.scanFileId;
    expect((await clerk.get(`/api/v1/files/${secretScan}`)).status).toBe(200);
    expect((await admin.get(`/api/v1/files/${secretScan}`)).status).toBe(404);
    // Fixity and recovery work on ordinary files goes on as before.
    expect((await admin.get(`/api/v1/files/${normalScan}`)).status).toBe(200);

    const draft = await createDraft(officer, await draftMetadata(org, { confidentiality: 'secret', subject: 'Dự thảo mật' }));
    expect(draft.status).toBe(201);
    const detail = await officer.get(`/api/v1/outgoing/${draft.body.id}`);
    const source = detail.body.versions[0].sourceFileId;
    expect((await officer.get(`/api/v1/files/${source}`)).status).toBe(200);
    const refused = await admin.get(`/api/v1/files/${source}`);
    expect([refused.status, refused.body.code]).toEqual([404, 'NOT_FOUND']);
  });

  it('shows the audit trail of a mật document with its content only to those it names', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Kế hoạch mật', confidentiality: 'confidential' });
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id })).status).toBe(200);
    const instruction = 'Chỉ đạo riêng: giữ kín danh sách thí sinh';
    const assigned = await director.post(`/api/v1/incoming/${body.id}/assign`, {
      lead: { userId: org.people.officer.id }, coordinators: [], informed: [], instruction,
    });
    expect(assigned.status).toBe(200);
    for (const reader of [admin, leadership]) {
      const trail = await reader.get(`/api/v1/audit?entityType=incoming_document&entityId=${body.id}`);
      expect(trail.status).toBe(200);
      expect(trail.body.length).toBeGreaterThanOrEqual(3);
      expect(JSON.stringify(trail.body)).not.toContain('giữ kín');
      expect(trail.body.every((e: { redacted: boolean; data: unknown }) => e.redacted === true && e.data === null)).toBe(true);
      expect(trail.body.map((e: { action: string }) => e.action)).toContain('incoming.assign');
    }
    // An ordinary document's trail keeps its content.
    const normal = await registerIncoming(clerk, { subject: 'Kế hoạch thường' });
    await clerk.post(`/api/v1/incoming/${normal.body.id}/submit`, { leaderId: org.people.director.id });
    await director.post(`/api/v1/incoming/${normal.body.id}/assign`, { lead: { userId: org.people.officer.id }, coordinators: [], informed: [], instruction });
    const open = await leadership.get(`/api/v1/audit?entityType=incoming_document&entityId=${normal.body.id}`);
    expect(JSON.stringify(open.body)).toContain('giữ kín');
    expect(open.body.every((e: { redacted: boolean }) => e.redacted === false)).toBe(true);
  });

  it('never names a document the registering clerk cannot see among the likely duplicates', async () => {
    const other = await hireClerk();
    const number = sourceNumber('UBND');
    const secret = await registerIncoming(other, { sourceNumberSymbol: number, sourceDate: '2026-11-02', confidentiality: 'secret', subject: 'Mật' });
    expect(secret.status).toBe(201);
    const mine = await registerIncoming(clerk, { sourceNumberSymbol: number, sourceDate: '2026-11-02', subject: 'Bản thường' });
    expect(mine.body.likelyDuplicateIds).toEqual([]);
    // The clerk who registered the mật one is named on it and is warned.
    const again = await registerIncoming(other, { sourceNumberSymbol: number, sourceDate: '2026-11-02', subject: 'Bản thường lần hai' });
    expect(again.body.likelyDuplicateIds.sort()).toEqual([secret.body.id, mine.body.id].sort());
  });

  it('marks a mật item of the statistics drill-down redacted, even when it names no leader, showing number, register and type only', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Mật, chưa trình ai', confidentiality: 'confidential' });
    const received = await query(run.databaseUrl, `SELECT to_char(received_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW') AS week FROM incoming_document WHERE id = $1`, [body.id]);
    const drill = await leadership.get(`/api/v1/stats/weekly/drilldown?week=${received[0].week}&figure=received&pageSize=200`);
    expect(drill.status).toBe(200);
    const item = drill.body.items.find((i) => i.id === body.id);
    expect(item).toEqual({
      kind: 'incoming', id: body.id, redacted: true, incomingNumber: body.incomingNumber, year: body.year, registerCode: 'DEN-MAT', documentType: 'Công văn',
    });
  });

  it('keeps the lead person and the due date of a mật row out of the tracking book for those it does not name', async () => {
    const { body } = await registerIncoming(clerk, { subject: 'Phương án mật theo dõi', confidentiality: 'secret' });
    expect((await clerk.post(`/api/v1/incoming/${body.id}/submit`, { leaderId: org.people.director.id })).status).toBe(200);
    const assigned = await director.post(`/api/v1/incoming/${body.id}/assign`, {
      lead: { userId: org.people.officer.id }, coordinators: [], informed: [], dueInWorkingDays: 5, instruction: 'Theo dõi riêng',
    });
    expect(assigned.status).toBe(200);
    const [{ week }] = await query(run.databaseUrl, `SELECT to_char(now() AT TIME ZONE 'Asia/Ho_Chi_Minh', 'IYYY-"W"IW') AS week`);
    const rowOf = async (reader: Client, text: string) => {
      const book = await reader.get(`/api/v1/stats/weekly/tracking-book?week=${week}`);
      expect(book.status).toBe(200);
      return (book.body.rows as Record<string, unknown>[]).find((r) => r.incomingNumber === body.incomingNumber && String(r.document).includes(text));
    };
    // the deputy (leadership) is not named on it: the row counts, but says neither who handles it nor by when.
    const redacted = await rowOf(leadership, 'nội dung mật');
    expect(redacted).toMatchObject({ dueDate: null, note: expect.stringContaining('Tối mật') });
    expect(JSON.stringify(redacted)).not.toContain(org.people.officer.fullName);
    expect(String(redacted!.progress)).not.toMatch(/hạn/);
    // The director it was submitted to sees the lead and the deadline.
    const named = await rowOf(director, 'Phương án mật theo dõi');
    expect(named).toMatchObject({ dueDate: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), recipient: expect.stringContaining(org.people.officer.fullName) });
  });

  it('redacts the file.uploaded entries of a mật document\'s scan in GET /audit for those it does not name', async () => {
    const form = new FormData();
    filePart(form, 'file', await makePdf('ban chup mat'), 'danh-sach-thi-sinh-mat.pdf');
    const uploaded = await clerk.post('/api/v1/files', form);
    expect(uploaded.status).toBe(201);
    const fileId = uploaded.body.id as string;
    // Registered with `scanFileId` instead of a scan part: the uploaded file becomes the document's scan.
    const registration = new FormData();
    registration.append('metadata', JSON.stringify(incomingMetadata({ subject: 'Danh sách mật', confidentiality: 'confidential', scanFileId: fileId })));
    const secret = await clerk.post('/api/v1/incoming', registration);
    expect(secret.status).toBe(201);
    const path = `/api/v1/audit?entityType=stored_file&entityId=${fileId}` as const;
    for (const reader of [admin, leadership]) {
      const trail = await reader.get(path);
      expect(trail.status).toBe(200);
      expect(trail.body.map((e: { action: string }) => e.action)).toContain('file.uploaded');
      expect(JSON.stringify(trail.body)).not.toContain('danh-sach-thi-sinh-mat');
      expect(trail.body.every((e: { redacted: boolean; data: unknown }) => e.redacted === true && e.data === null)).toBe(true);
    }
    // An ordinary upload's entry stays readable to the audit's readers.
    const plain = new FormData();
    filePart(plain, 'file', await makePdf('ban chup thuong'), 'cong-van-thuong.pdf');
    const open = await clerk.post('/api/v1/files', plain);
    expect(JSON.stringify((await admin.get(`/api/v1/audit?entityType=stored_file&entityId=${open.body.id}`)).body)).toContain('cong-van-thuong');
  });

  async function hireClerk(): Promise<Client> {
    return (await hireActivePerson(admin, { unitId: org.people.clerk.unitId, roles: ['clerk'] })).client;
  }
});

/** Issuing needs the agency's seal certificate: a copy of the run's database keeps it from other suites. */
describe('a mật outgoing document leaves on paper only, numbered apart', () => {
  let isolated: IsolatedRun;
  let own: E2eRun;
  let api: Api;
  let clerk: Client;
  let director: Client;
  let head: Client;
  let officer: Client;

  beforeAll(async () => {
    isolated = await isolatedRun(run, 'confidential_paper');
    own = isolated.run;
    const pki = createTestPki();
    api = await startApi(own, { SIGNING_TRUST_ANCHORS: pki.anchorsFile });
    const sign = (who: Who) => org.signIn(api.url, who);
    [clerk, director, head, officer] = await Promise.all([sign('clerk'), sign('director'), sign('head'), sign('officer')]);
    const admin = await org.signIn(api.url, 'admin');
    await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage());
    await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage());
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  it('refuses an e-mail recipient for a mật draft, takes paper ones, and records each paper copy once issued', async () => {
    const mailed = await createDraft(officer, await draftMetadata(org, { confidentiality: 'secret' }, [OUTSIDE_RECIPIENT]));
    expect([mailed.status, mailed.body.code]).toEqual([422, 'CONFIDENTIAL_ELECTRONIC_DELIVERY']);
    expect(JSON.stringify(mailed.body)).not.toContain('Về việc công nhận');

    const metadata = await draftMetadata(org, { confidentiality: 'secret', subject: 'Về phương án bảo vệ đề thi' });
    const draft = await createDraft(officer, { ...metadata, recipients: { ...metadata.recipients, paper: [{ name: 'Công an tỉnh Tây Ninh' }] } });
    expect(draft.status).toBe(201);
    const id = draft.body.id as string;
    const paper = (await officer.get(`/api/v1/outgoing/${id}`)).body.recipients.find((r: { kind: string }) => r.kind === 'paper');
    expect(paper).toMatchObject({ name: 'Công an tỉnh Tây Ninh', delivery: 'pending', email: null });

    await reviewThrough(id, officer, head, clerk, director);
    expect((await director.post(`/api/v1/outgoing/${id}/sign`, {})).body.status).toBe('signed');
    const early = await clerk.post(`/api/v1/outgoing/${id}/recipients/${paper!.id}/paper-sent`);
    expect([early.status, early.body.code]).toEqual([409, 'PAPER_DISPATCH_NOT_DUE']);

    const issued = await clerk.post(`/api/v1/outgoing/${id}/issue`);
    expect(issued.status).toBe(200);
    // Its own series (the mật register) and a notation that cannot be an ordinary document's.
    expect(issued.body.numberSymbol).toMatch(/^\d{2,}\/QĐ-[^/]+-M$/);
    const [register] = await query(own.databaseUrl, 'SELECT confidential FROM register WHERE id = $1', [issued.body.registerId]);
    expect(register.confidential).toBe(true);

    // A recipient reached by e-mail, as a draft made before the rule could have: dispatch refuses it.
    await query(own.databaseUrl, `INSERT INTO outgoing_recipient (document_id, kind, name, email) VALUES ($1, 'external', 'Cũ', 'cu@example.vn')`, [id]);
    const refused = await clerk.post(`/api/v1/outgoing/${id}/dispatch`);
    expect([refused.status, refused.body.code]).toEqual([422, 'CONFIDENTIAL_ELECTRONIC_DELIVERY']);
    await query(own.databaseUrl, `DELETE FROM outgoing_recipient WHERE document_id = $1 AND kind = 'external'`, [id]);
    expect((await clerk.post(`/api/v1/outgoing/${id}/dispatch`)).status).toBe(200);

    expect((await officer.post(`/api/v1/outgoing/${id}/recipients/${paper!.id}/paper-sent`)).status).toBe(403);
    const sent = await clerk.post(`/api/v1/outgoing/${id}/recipients/${paper!.id}/paper-sent`);
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ id: paper!.id, delivery: 'paper_sent', deliveredAt: expect.any(String) });
    const again = await clerk.post(`/api/v1/outgoing/${id}/recipients/${paper!.id}/paper-sent`);
    expect(again.body.deliveredAt).toBe(sent.body.deliveredAt);
    const audited = await query(own.databaseUrl, `SELECT count(*)::int AS n FROM audit_event WHERE entity_id = $1 AND action = 'outgoing.paper_sent'`, [id]);
    expect(audited[0].n).toBe(1);
  });
});
