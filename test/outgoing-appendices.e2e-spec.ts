import { buildAppendixSource, pdfsigResults, qpdfCheck } from '../libs/signing/test';
import { Client } from './support/http';
import { attachAppendix, createDraft, createTestPki, download, draftMetadata, OutgoingMetadata, OUTSIDE_RECIPIENT, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { SmtpSink, startSmtpSink } from './support/smtp-sink';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the certificates stored here must not become other suites' signers. */
let isolated: IsolatedRun;
let run: E2eRun;

const attach = attachAppendix;

/** Attachment file names of a raw message; non-ASCII names come as RFC 2231 `filename*0*=utf-8''…`. */
function attachmentNames(raw: string): string[] {
  return [...raw.matchAll(/filename\*0\*=utf-8''([^\s;]+)|filename="?([^";\r\n]+)"?/gi)].map((m) => (m[1] ? decodeURIComponent(m[1]) : m[2]));
}

describe('outgoing documents with appendices in separate files (phụ lục)', () => {
  let api: Api;
  let worker: RunningProcess;
  let smtp: SmtpSink;
  let officer: Client; // officer of the teaching department, the author
  let head: Client;
  let clerk: Client;
  let director: Client;
  let schoolClerk: Client;
  let base: OutgoingMetadata;
  let appendix: Buffer;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'outgoing_appendix');
    run = isolated.run;
    const pki = createTestPki();
    smtp = await startSmtpSink();
    const env = { SIGNING_TRUST_ANCHORS: pki.anchorsFile, SMTP_URL: `smtp://127.0.0.1:${smtp.port}` };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    const admin = await sign('admin');
    [officer, head, clerk, director, schoolClerk] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director'), sign('schoolClerk')]);
    expect((await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    appendix = Buffer.from(await buildAppendixSource());
    base = await draftMetadata(org, { subject: 'Về việc công nhận học sinh giỏi cấp tỉnh năm học 2026-2027' }, [OUTSIDE_RECIPIENT]);
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await smtp?.close();
    await isolated?.dispose();
  });

  it('lets the author attach PDFs to a draft; the issue signs each with the agency key and the number', async () => {
    const { body: draft } = await createDraft(officer, base);
    const first = await attach(officer, draft.id, 'Danh sách học sinh đạt giải', appendix);
    expect([first.status, first.body]).toEqual([201, expect.objectContaining({ position: 1, title: 'Danh sách học sinh đạt giải', issued: false })]);
    const second = await attach(officer, draft.id, 'Danh sách giáo viên hướng dẫn', appendix);
    expect(second.body.position).toBe(2);
    const attached = await download(officer, `/api/v1/outgoing/${draft.id}/appendices/${first.body.id}/pdf`);
    expect(attached.equals(appendix)).toBe(true);

    await reviewThrough(draft.id, officer, head, clerk, director);
    const late = await attach(officer, draft.id, 'Quá hạn', appendix);
    expect([late.status, late.body.code]).toEqual([409, 'INVALID_TRANSITION']);
    expect((await director.post(`/api/v1/outgoing/${draft.id}/sign`, {})).body.status).toBe('signed');
    const issued = await clerk.post(`/api/v1/outgoing/${draft.id}/issue`, {});
    expect(issued.body.status).toBe('issued');

    const detail = (await clerk.get(`/api/v1/outgoing/${draft.id}`)).body;
    expect(detail.appendices.map((a: { position: number; issued: boolean }) => [a.position, a.issued])).toEqual([[1, true], [2, true]]);
    const signed = await download(clerk, `/api/v1/outgoing/${draft.id}/appendices/${first.body.id}/pdf`);
    // The attached bytes, untouched, plus the agency's signature over the whole file.
    expect(signed.subarray(0, appendix.length).equals(appendix)).toBe(true);
    const pdfsig = pdfsigResults(signed);
    expect(pdfsig).toMatchObject({ valid: 1, invalid: 0 });
    expect(pdfsig.output).toContain('Total document signed');
    expect(pdfsig.output).toContain(org.agency.name);
    expect(qpdfCheck(signed).status).toBe(0);
    // The e-mail to the outside recipient carries the document and both signed appendices.
    expect((await clerk.post(`/api/v1/outgoing/${draft.id}/dispatch`, {})).body.status).toBe('dispatched');
    const mail = await waitFor(async () => smtp.messages.find((m) => m.includes('vanphong@snv.tayninh.gov.vn')), 'the e-mail with the appendices');
    const symbol = issued.body.numberSymbol!.replace('/', '_');
    expect(attachmentNames(mail)).toEqual([`${symbol}.pdf`, `${symbol}_PL1.pdf`, `${symbol}_PL2.pdf`]);
    const timeline = detail.timeline.map((e: { action: string; data: { appendix?: { title: string } } }) => e.data.appendix?.title).filter(Boolean);
    expect(timeline).toEqual(['Danh sách học sinh đạt giải', 'Danh sách giáo viên hướng dẫn']);
  });

  it('refuses appendices from anyone but the author, without a title or not a PDF, and hides them from outsiders', async () => {
    const { body: draft } = await createDraft(officer, base);
    expect((await attach(head, draft.id, 'Không phải tác giả', appendix)).status).toBe(404); // a draft is the author's only
    const untitled = await attach(officer, draft.id, undefined, appendix);
    expect([untitled.status, untitled.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const notPdf = await attach(officer, draft.id, 'Ảnh', Buffer.from('not a pdf at all'), 'image/png');
    expect([notPdf.status, notPdf.body.code]).toEqual([415, 'FILE_TYPE_NOT_ALLOWED']);
    const ok = await attach(officer, draft.id, 'Phụ lục', appendix);
    expect((await schoolClerk.get(`/api/v1/outgoing/${draft.id}/appendices/${ok.body.id}/pdf`)).status).toBe(404);
    expect((await officer.get(`/api/v1/outgoing/${draft.id}`)).body.appendices).toHaveLength(1);
  });
});
