import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pdfsigResults, qpdfCheck, runTool, tempFile } from '../libs/signing/test';
import { query } from './support/db';
import { registerIncoming } from './support/documents';
import { Client } from './support/http';
import { createDraft, createTestPki, download, draftMetadata, OutgoingMetadata, OUTSIDE_RECIPIENT, reviewThrough, sealImage, signatureImage, TestPki, tokenSign, uploadCertificate } from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { startSmtpSink } from './support/smtp-sink';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the certificates stored here must not become other suites' signers. */
let isolated: IsolatedRun;
let run: E2eRun;

describe('outgoing documents: draft → review → leader signature → issue → dispatch → recall', () => {
  let api: Api;
  let worker: RunningProcess;
  let smtp: Awaited<ReturnType<typeof startSmtpSink>>;
  let pki: TestPki;
  let officer: Client; // officer of the teaching department
  let head: Client; // head of the teaching department
  let clerk: Client; // the agency's clerk
  let director: Client; // the signer
  let schoolClerk: Client; // clerk of the attached school
  let admin: Client;
  let base: OutgoingMetadata;
  let tokenIdentity: ReturnType<TestPki['issue']>;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'outgoing_flow');
    run = isolated.run;
    pki = createTestPki();
    smtp = await startSmtpSink();
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    [officer, head, clerk, director, schoolClerk, admin] = await Promise.all([
      sign('officer'), sign('head'), sign('clerk'), sign('director'), sign('schoolClerk'), sign('admin'),
    ]);
    // The director's stored key and the agency's seal key, both issued by the CA the API trusts.
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    // The key on the director's USB token: the server only ever sees its certificate.
    tokenIdentity = pki.issue(org.people.director.fullName);
    base = await draftMetadata(org, {}, [OUTSIDE_RECIPIENT]);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await smtp?.close();
    await isolated?.dispose();
  });

  async function signedDraft(overrides: Partial<OutgoingMetadata> = {}): Promise<string> {
    const created = await createDraft(officer, { ...base, ...overrides });
    expect(created.status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, director);
    const signed = await director.post(`/api/v1/outgoing/${created.body.id}/sign`, {});
    expect(signed.body).toMatchObject({ status: 'signed' });
    return created.body.id;
  }

  it('walks a draft through review, keeping every comment and approval on the timeline', async () => {
    const created = await createDraft(officer, base);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', documentType: 'Quyết định', number: null });
    const docId = created.body.id;
    expect((await officer.post(`/api/v1/outgoing/${docId}/submit`, {})).body).toMatchObject({ status: 'submitted', reviewStage: 'unit_head' });
    // Not the clerk's turn yet; the signer cannot sign a draft under review.
    expect((await clerk.post(`/api/v1/outgoing/${docId}/approve`, {})).status).toBe(403);
    expect((await director.post(`/api/v1/outgoing/${docId}/sign`, {})).body.code).toBe('INVALID_TRANSITION');
    expect((await head.post(`/api/v1/outgoing/${docId}/approve`, { comment: 'Nội dung đạt' })).body.reviewStage).toBe('format_check');
    const returned = await clerk.post(`/api/v1/outgoing/${docId}/reject`, { comment: 'Sai thể thức: thiếu nơi nhận' });
    expect(returned.body).toMatchObject({ status: 'draft', reviewStage: null });
    await reviewThrough(docId, officer, head, clerk, director);
    const detail = await officer.get(`/api/v1/outgoing/${docId}`);
    expect(detail.body.status).toBe('approved');
    const actions = detail.body.timeline.map((e: { action: string; note: string | null }) => `${e.action}:${e.note ?? ''}`);
    expect(actions).toEqual([
      'create:', 'submit:', 'approve:Nội dung đạt', 'reject:Sai thể thức: thiếu nơi nhận',
      'submit:submit ok', 'approve:approve ok', 'approve:approve ok', 'approve:approve ok',
    ]);
  });

  it('lets only the designated signer sign, then issues with number, date and the organisation seal', async () => {
    const created = await createDraft(officer, base);
    const docId = created.body.id;
    await reviewThrough(docId, officer, head, clerk, director);
    const byHead = await head.post(`/api/v1/outgoing/${docId}/sign`, {});
    expect(byHead).toMatchObject({ status: 403, body: { code: 'NOT_DESIGNATED_SIGNER' } });
    expect((await clerk.post(`/api/v1/outgoing/${docId}/dispatch`)).body.code).toBe('INVALID_TRANSITION');
    expect((await director.post(`/api/v1/outgoing/${docId}/sign`, {})).body.status).toBe('signed');

    const issued = await clerk.post(`/api/v1/outgoing/${docId}/issue`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', number: expect.any(Number), numberSymbol: expect.stringMatching(new RegExp(`^\\d{2,}/QĐ-${org.agency.code}$`)) });
    expect((await clerk.post(`/api/v1/outgoing/${docId}/issue`)).body.code).toBe('INVALID_TRANSITION');

    const pdf = await download(clerk, `/api/v1/outgoing/${docId}/pdf`);
    const sig = pdfsigResults(pdf);
    expect(sig).toMatchObject({ valid: 2, invalid: 0 });
    const blocks = sig.output.split(/Signature #\d+:/).slice(1);
    expect(blocks[0]).not.toContain('Total document signed');
    expect(blocks[1]).toContain('Total document signed');
    expect(qpdfCheck(pdf).status).toBe(0);
    const text = runTool('pdftotext', [tempFile(`issued-${docId}.pdf`, pdf), '-']).stdout;
    expect(text).toContain(`Số: ${issued.body.numberSymbol}`);
    expect(text).toMatch(/Tây Ninh, ngày \d{2} tháng \d{1,2} năm \d{4}/);

    const report = await clerk.get(`/api/v1/outgoing/${docId}/signatures`);
    expect(report.body.signatures).toHaveLength(2);
    expect(report.body.signatures.every((s: { intact: boolean; certificateTrusted: boolean }) => s.intact && s.certificateTrusted)).toBe(true);
    expect(report.body.modifiedAfterLastSignature).toBe(false);
  });

  it('signs with a token the server never holds (deferred signing) and refuses a wrong signature', async () => {
    const created = await createDraft(officer, base);
    const docId = created.body.id;
    await reviewThrough(docId, officer, head, clerk, director);
    // A token holding someone else's certificate is refused before anything is prepared.
    const anothers = await director.post(`/api/v1/outgoing/${docId}/sign/prepare`, { certificate: readableCertificate(pki.issue('Lê Minh Khoa').certificate) });
    expect([anothers.status, anothers.body.code]).toEqual([400, 'CERTIFICATE_HOLDER_MISMATCH']);
    const certificate = readableCertificate(tokenIdentity.certificate);
    const prepared = await director.post(`/api/v1/outgoing/${docId}/sign/prepare`, { certificate });
    expect(prepared.status).toBe(200);
    expect(prepared.body).toMatchObject({ sessionId: expect.any(String), digestAlgorithm: 'SHA-256', digest: expect.any(String) });
    const forged = tokenSign(pki.issue('Kẻ mạo danh'), prepared.body.signedAttributes);
    expect((await director.post(`/api/v1/outgoing/${docId}/sign/complete`, { sessionId: prepared.body.sessionId, signature: forged })).status).toBe(400);
    const signature = tokenSign(tokenIdentity, prepared.body.signedAttributes);
    const completed = await director.post(`/api/v1/outgoing/${docId}/sign/complete`, { sessionId: prepared.body.sessionId, signature });
    expect(completed.body).toMatchObject({ status: 'signed' });
    expect((await clerk.post(`/api/v1/outgoing/${docId}/issue`)).body.status).toBe('issued');
    expect(pdfsigResults(await download(clerk, `/api/v1/outgoing/${docId}/pdf`))).toMatchObject({ valid: 2, invalid: 0 });
  });

  it('refuses to issue when the stored leader signature no longer verifies, and consumes no number', async () => {
    const docId = await signedDraft();
    const [{ storage_key }] = await query(run.databaseUrl, 'SELECT f.storage_key FROM outgoing_document d JOIN stored_file f ON f.id = d.signed_file_id WHERE d.id = $1', [docId]);
    const path = join(run.fileStoreDir, storage_key);
    const bytes = readFileSync(path);
    const [{ last }] = await query(run.databaseUrl, `SELECT coalesce(max(last_number), 0) AS last FROM register_counter c JOIN register r ON r.id = c.register_id WHERE r.id = $1`, [org.registers.agency.DI]);
    const tampered = Buffer.from(bytes);
    const at = tampered.indexOf('Điều 1') > 0 ? tampered.indexOf('Điều 1') : 2000;
    tampered[at] ^= 0x01;
    writeFileSync(path, tampered);
    try {
      const issued = await clerk.post(`/api/v1/outgoing/${docId}/issue`);
      expect(issued).toMatchObject({ status: 422, body: { code: 'LEADER_SIGNATURE_INVALID' } });
      const [{ last: after }] = await query(run.databaseUrl, `SELECT coalesce(max(last_number), 0) AS last FROM register_counter c JOIN register r ON r.id = c.register_id WHERE r.id = $1`, [org.registers.agency.DI]);
      expect(after).toBe(last);
      expect((await clerk.get(`/api/v1/outgoing/${docId}`)).body.status).toBe('signed');
    } finally {
      writeFileSync(path, bytes);
    }
  });

  it('dispatches to an internal agency as an incoming copy and to an outside one by e-mail, then recalls', async () => {
    const docId = await signedDraft({ subject: 'Về việc tổ chức Hội khỏe Phù Đổng cấp tỉnh' });
    const issued = await clerk.post(`/api/v1/outgoing/${docId}/issue`);
    const dispatched = await clerk.post(`/api/v1/outgoing/${docId}/dispatch`);
    expect(dispatched.body).toMatchObject({ status: 'dispatched' });

    const detail = await clerk.get(`/api/v1/outgoing/${docId}`);
    const internal = detail.body.recipients.find((r: { kind: string }) => r.kind === 'internal');
    expect(internal).toMatchObject({ delivery: 'delivered', handling: 'received', incomingDocumentId: expect.any(String) });
    const copy = await schoolClerk.get(`/api/v1/incoming/${internal!.incomingDocumentId}`);
    expect(copy.body).toMatchObject({ status: 'registered', receivedVia: 'system', sourceNumberSymbol: issued.body.numberSymbol });
    const inbox = await schoolClerk.get('/api/v1/inbox');
    expect(inbox.body.items.map((i) => i.id)).toContain(internal!.incomingDocumentId);
    const told = (kind: string) => async () =>
      (await schoolClerk.get('/api/v1/notifications')).body.items.find(
        (n) => n.kind === kind && n.documentId === internal!.incomingDocumentId,
      );
    await waitFor(told('received'), 'the school clerk to be told of the new document');

    const mail = await waitFor(async () => smtp.messages.find((m) => m.includes('vanphong@snv.tayninh.gov.vn') && m.includes('JVBERi0')), 'the e-mail to the outside recipient');
    expect(mail).toContain('application/pdf');
    await waitFor(async () => {
      const r = (await clerk.get(`/api/v1/outgoing/${docId}`)).body.recipients.find((x: { kind: string }) => x.kind === 'external');
      return r!.delivery === 'sent' ? r : undefined;
    }, 'the external recipient to show sent');

    expect((await officer.post(`/api/v1/outgoing/${docId}/recall`, { reason: 'Nhầm nơi nhận' })).status).toBe(403);
    const recalled = await clerk.post(`/api/v1/outgoing/${docId}/recall`, { reason: 'Sai sót nội dung, sẽ ban hành văn bản thay thế' });
    expect(recalled.body).toMatchObject({ status: 'recalled', recallReason: expect.stringContaining('thay thế') });
    expect((await schoolClerk.get(`/api/v1/incoming/${internal!.incomingDocumentId}`)).body.status).toBe('recalled');
    await waitFor(told('recalled'), 'the school clerk to be told of the recall');
    // The recall notice: a second message to the same recipient, without the PDF.
    const notice = await waitFor(async () => smtp.messages.filter((m) => m.includes('vanphong@snv.tayninh.gov.vn'))[1], 'the recall e-mail');
    expect(notice).not.toContain('JVBERi0');

    const replacement = await createDraft(officer, { ...base, replacesId: docId });
    expect(replacement.body).toMatchObject({ status: 'draft', replacesId: docId });

    // The outgoing register book (sổ đăng ký văn bản đi) lists it with its recipients and the recall.
    const book = await clerk.get(`/api/v1/registers/${issued.body.registerId}/book?year=${issued.body.year}`);
    const row = book.body.rows.find((r) => r.numberSymbol === issued.body.numberSymbol);
    expect(row).toMatchObject({
      typeAndSubject: 'Quyết định: Về việc tổ chức Hội khỏe Phù Đổng cấp tỉnh',
      signer: `GIÁM ĐỐC ${org.people.director.fullName}`,
      recipients: `${org.school.name}\nSở Nội vụ tỉnh Tây Ninh`,
      fileCopyHolder: 'VT, GDTRH',
      copies: 4,
      note: 'Đã thu hồi',
    });
  });

  it('dispatches an urgent document at once when it is issued', async () => {
    const docId = await signedDraft({ urgency: 'very_urgent', subject: 'Về việc phòng chống bão số 9' });
    const issued = await clerk.post(`/api/v1/outgoing/${docId}/issue`);
    expect(issued.body).toMatchObject({ status: 'dispatched', number: expect.any(Number), dispatchedAt: expect.any(String) });
    const detail = await clerk.get(`/api/v1/outgoing/${docId}`);
    expect(detail.body.recipients.find((r) => r.kind === 'internal')!.delivery).toBe('delivered');
    expect(detail.body.timeline.map((e: { action: string }) => e.action).slice(-2)).toEqual(['issue', 'dispatch']);
  });

  it('shows the sender the number its copy was registered under, and tells them when the recipient returns it', async () => {
    const docId = await signedDraft({ subject: 'Về việc gửi tài liệu tập huấn' });
    await clerk.post(`/api/v1/outgoing/${docId}/issue`);
    await clerk.post(`/api/v1/outgoing/${docId}/dispatch`);
    const recipientOf = async () => (await clerk.get(`/api/v1/outgoing/${docId}`)).body.recipients.find((r) => r.kind === 'internal')!;
    const internal = await recipientOf();
    const copy = await schoolClerk.get(`/api/v1/incoming/${internal.incomingDocumentId}`);
    expect(internal).toMatchObject({ incomingNumber: `${copy.body.incomingNumber}/${copy.body.year}`, returnReason: null });

    const reason = 'Không thuộc thẩm quyền giải quyết của trường';
    expect((await schoolClerk.post(`/api/v1/incoming/${internal.incomingDocumentId}/return`, { reason })).status).toBe(200);
    expect(await recipientOf()).toMatchObject({ handling: 'returned', returnReason: reason });
    const notice = await waitFor(
      async () => (await officer.get('/api/v1/notifications')).body.items.find((n) => n.kind === 'outgoing_copy_returned' && n.outgoingDocumentId === docId),
      'the author told of the return',
    );
    expect(notice.title).toContain(reason);
  });

  it('closes the incoming item a dispatched reply answers when its lead asked for it', async () => {
    const incoming = await registerIncoming(clerk, { subject: 'Đề nghị báo cáo số liệu học sinh giỏi' });
    const incomingId = incoming.body.id;
    await clerk.post(`/api/v1/incoming/${incomingId}/submit`, { leaderId: org.people.director.id });
    await director.post(`/api/v1/incoming/${incomingId}/assign`, { lead: { userId: org.people.officer.id }, coordinators: [], informed: [], dueInWorkingDays: 5 });
    expect((await head.post('/api/v1/outgoing', {})).status).toBeGreaterThanOrEqual(400);
    const docId = await signedDraft({ documentType: 'Báo cáo', replyToIncomingId: incomingId, closesIncoming: true, recipients: { unitIds: [], external: [{ name: 'UBND tỉnh', email: 'ubnd@tayninh.gov.vn' }] } });
    await clerk.post(`/api/v1/outgoing/${docId}/issue`);
    expect((await clerk.post(`/api/v1/outgoing/${docId}/dispatch`)).status).toBe(200);
    const closed = await officer.get(`/api/v1/incoming/${incomingId}`);
    expect(closed.body).toMatchObject({ status: 'closed' });
    expect(closed.body.replyOutgoingId).toBe(docId);
  });

  it('lets the lead close an incoming item by linking the issued reply', async () => {
    const incoming = await registerIncoming(clerk, { subject: 'Đề nghị cử cán bộ tham gia tập huấn' });
    const incomingId = incoming.body.id;
    await clerk.post(`/api/v1/incoming/${incomingId}/submit`, { leaderId: org.people.director.id });
    await director.post(`/api/v1/incoming/${incomingId}/assign`, { lead: { userId: org.people.officer.id }, coordinators: [], informed: [] });
    const docId = await signedDraft({ documentType: 'Công văn', replyToIncomingId: incomingId });
    // Not issued yet: no reply to link.
    expect((await officer.post(`/api/v1/incoming/${incomingId}/close`, { replyOutgoingId: docId })).body.code).toBe('VALIDATION_FAILED');
    const issued = await clerk.post(`/api/v1/outgoing/${docId}/issue`);
    expect(issued.body.numberSymbol).toMatch(new RegExp(`^\\d{2,}/${org.agency.code}-GDTRH$`)); // công văn: issuer, then drafting unit
    await clerk.post(`/api/v1/outgoing/${docId}/dispatch`);
    expect((await officer.get(`/api/v1/incoming/${incomingId}`)).body.status).toBe('assigned'); // the lead did not ask
    const closed = await officer.post(`/api/v1/incoming/${incomingId}/close`, { replyOutgoingId: docId });
    expect(closed.body).toMatchObject({ status: 'closed', replyOutgoingId: docId });
  });

  it('answers bad drafts with a clear 4xx and writes nothing', async () => {
    const before = (await query(run.databaseUrl, 'SELECT count(*)::int AS n FROM outgoing_document'))[0].n;
    const notADocument = await createDraft(officer, base, Buffer.from('just some text, not a document'), 'x.pdf');
    expect(notADocument.status).toBeGreaterThanOrEqual(400);
    expect(notADocument.status).toBeLessThan(500);
    expect((await createDraft(officer, { ...base, recipients: { unitIds: ['00000000-0000-4000-8000-000000000000'], external: [] } })).body.code).toBe('RECIPIENT_UNKNOWN');
    expect((await createDraft(officer, { ...base, documentType: 'CV' })).body.code).toBe('VALIDATION_FAILED');
    expect((await createDraft(officer, { ...base, signerId: org.people.officer.id })).body.code).toBe('VALIDATION_FAILED');
    expect((await createDraft(clerk, base)).status).toBe(403);
    expect((await query(run.databaseUrl, 'SELECT count(*)::int AS n FROM outgoing_document'))[0].n).toBe(before);
  });

  it('shows a draft only to the people on its path', async () => {
    const created = await createDraft(officer, base);
    const other = await org.signIn(api.url, 'otherOfficer');
    expect((await other.get(`/api/v1/outgoing/${created.body.id}`)).status).toBe(404);
    expect((await head.get(`/api/v1/outgoing/${created.body.id}`)).status).toBe(404); // not submitted yet
    expect((await director.get(`/api/v1/outgoing/${created.body.id}`)).status).toBe(200); // the signer
    await officer.post(`/api/v1/outgoing/${created.body.id}/submit`, {});
    expect((await head.get(`/api/v1/outgoing/${created.body.id}`)).status).toBe(200);
    expect((await schoolClerk.get(`/api/v1/outgoing/${created.body.id}`)).status).toBe(404);
  });
});

function readableCertificate(der: Buffer): string {
  return `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}
