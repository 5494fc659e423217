import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from './support/http';
import { makeOfficeFile, pdfTextOf, workDir } from './support/office-files';
import { createDraft, createTestPki, download, OutgoingMetadata, reviewThrough, sealImage, signatureImage, TestPki, uploadCertificate } from './support/outgoing';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A copy of the run's database: the certificates stored here must not become other suites' signers. */
let isolated: IsolatedRun;
let run: E2eRun;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT = 'application/vnd.oasis.opendocument.text';

/**
 * Drafts written in a word processor: the worker converts docx/odt with LibreOffice, keeps the
 * original beside the PDF, and a file it cannot convert, or a conversion that hangs, fails the
 * version with its reason instead of leaving it pending.
 */
describe('outgoing drafts as docx/odt', () => {
  let api: Api;
  let worker: RunningProcess;
  let pki: TestPki;
  let officer: Client;
  let head: Client;
  let clerk: Client;
  let director: Client;
  let base: OutgoingMetadata;
  const dir = workDir('drafts');
  const docx = readFileSync(makeOfficeFile(dir, 'du-thao', 'docx', 'Kế hoạch tổ chức Hội thi giáo viên chủ nhiệm lớp giỏi cấp tỉnh'));
  const odt = readFileSync(makeOfficeFile(dir, 'du-thao-odt', 'odt', 'Thông báo lịch nghỉ Tết Nguyên đán Đinh Mùi'));
  const hanging = join(dir, 'soffice-hangs.sh');
  writeFileSync(hanging, '#!/bin/sh\nsleep 300\n');
  chmodSync(hanging, 0o755);

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'outgoing_drafts');
    run = isolated.run;
    pki = createTestPki();
    api = await startApi(run, { SIGNING_TRUST_ANCHORS: pki.anchorsFile });
    worker = startWorker(run, { SIGNING_TRUST_ANCHORS: pki.anchorsFile });
    const sign = (who: Who) => org.signIn(api.url, who);
    const admin = await sign('admin');
    [officer, head, clerk, director] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director')]);
    await uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage());
    await uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage());
    const signerId = org.people.director.id;
    base = {
      documentType: 'Kế hoạch',
      subject: 'Kế hoạch tổ chức Hội thi giáo viên chủ nhiệm lớp giỏi',
      recipients: { unitIds: [], external: [{ name: 'Phòng GDĐT huyện Gò Dầu', email: 'pgd@godau.tayninh.gov.vn' }] },
      urgency: 'normal',
      confidentiality: 'normal',
      signerId,
    };
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await isolated?.dispose();
  });

  const versionOf = async (id: string) => (await officer.get(`/api/v1/outgoing/${id}`)).body.versions.at(-1);
  const settled = (id: string) =>
    waitFor(async () => {
      const version = await versionOf(id);
      return version!.conversion === 'pending' ? undefined : version;
    }, 'the conversion to finish', 60_000);

  it('converts a docx draft, keeps the original beside the PDF, and signs and issues the PDF', async () => {
    const created = await createDraft(officer, base, docx, 'du-thao.docx', DOCX);
    expect(created.status).toBe(201);
    const pending = await versionOf(created.body.id);
    expect(pending).toMatchObject({ conversion: 'pending', pdfFileId: null, conversionJobId: expect.any(String) });
    // Not reviewable before there is a PDF.
    expect((await officer.post(`/api/v1/outgoing/${created.body.id}/submit`, {})).body.code).toMatch(/DRAFT_NOT_READY|INVALID_TRANSITION/);

    const version = await settled(created.body.id);
    expect(version).toMatchObject({ conversion: 'done', pdfFileId: expect.any(String), conversionError: null });
    expect((await endedJob(version.conversionJobId!)).body).toMatchObject({ state: 'completed', progress: 100 });
    expect(pdfTextOf(await download(officer, `/api/v1/files/${version.pdfFileId}`), dir)).toContain('Hội thi giáo viên chủ nhiệm');
    expect((await download(officer, `/api/v1/files/${version.sourceFileId}`)).equals(docx)).toBe(true);

    await reviewThrough(created.body.id, officer, head, clerk, director);
    expect((await director.post(`/api/v1/outgoing/${created.body.id}/sign`, {})).body.status).toBe('signed');
    const issued = await clerk.post(`/api/v1/outgoing/${created.body.id}/issue`);
    expect(issued.body).toMatchObject({ status: 'issued', numberSymbol: expect.stringMatching(new RegExp(`/KH-${org.agency.code}$`)) });
  });

  it('converts an odt draft as a new version after a return', async () => {
    const created = await createDraft(officer, base);
    await officer.post(`/api/v1/outgoing/${created.body.id}/submit`, {});
    await head.post(`/api/v1/outgoing/${created.body.id}/reject`, { comment: 'Sửa lại bằng bản odt' });
    const form = new FormData();
    form.append('draft', new Blob([new Uint8Array(odt)], { type: ODT }), 'du-thao.odt');
    const revised = await officer.post(`/api/v1/outgoing/${created.body.id}/versions`, form);
    expect(revised.status).toBe(200);
    const version = await settled(created.body.id);
    expect(version).toMatchObject({ versionNumber: 2, conversion: 'done' });
    expect(pdfTextOf(await download(officer, `/api/v1/outgoing/${created.body.id}/pdf`), dir)).toContain('Tết Nguyên đán');
  });

  it('fails the version of a file LibreOffice cannot convert, with the reason', async () => {
    const broken = docx.subarray(0, Math.floor(docx.length * 0.6)); // typed as docx from its first entries, cut short
    const created = await createDraft(officer, base, broken, 'hong.docx', DOCX);
    expect(created.status).toBe(201);
    const version = await settled(created.body.id);
    expect(version).toMatchObject({ conversion: 'failed', pdfFileId: null });
    expect((await endedJob(version.conversionJobId!)).body).toMatchObject({ state: 'failed', error: { code: 'CONVERSION_FAILED' } });
  });

  it('fails a conversion that hangs when its time is up', async () => {
    await worker.stop();
    worker = startWorker(run, { LIBREOFFICE_PATH: hanging, CONVERSION_TIMEOUT_SECONDS: '2' });
    const created = await createDraft(officer, base, docx, 'du-thao.docx', DOCX);
    const version = await settled(created.body.id);
    expect(version).toMatchObject({ conversion: 'failed', conversionError: expect.stringContaining('quá thời gian') });
    expect((await endedJob(version.conversionJobId!)).body).toMatchObject({ state: 'failed', error: { code: 'CONVERSION_TIMEOUT' } });
  });

  /** The job's handler writes the version; BullMQ marks the job completed or failed just after it returns or throws. */
  const endedJob = (jobId: string) =>
    waitFor(async () => {
      const res = await officer.get(`/api/v1/jobs/${jobId}`);
      return ['queued', 'running'].includes(res.body.state) ? undefined : res;
    }, 'the conversion job to end');
});
