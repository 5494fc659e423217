import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '@eoffice/signing';
import { buildAppendixSource, runTool } from '../libs/signing/test';
import { launchChromium, screenshot, seriousViolations } from './support/browser';
import { Client } from './support/http';
import {
  attachAppendix, createDraft, createTestPki, download, draftMetadata, OutgoingMetadata, reviewThrough, sealImage, signatureImage, TestPki, tokenSign, uploadCertificate,
} from './support/outgoing';
import { OcspResponder, startOcspResponder } from './support/ocsp-responder';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation, Who } from './support/organisation';
import { startTimestampAuthority, TimestampAuthority } from './support/timestamp-authority';
import { E2eRun, loadRun } from './support/test-env';
import { PAGE_WAIT_MS } from './support/web-pages';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
let isolated: IsolatedRun;
let run: E2eRun;
const VERIFY_BASE = 'https://vanban.tayninh.example.gov.vn';
const PER_MINUTE = 25;

/** pdfsig's verdict per signature, in file order (independent of our verifier). */
function pdfsigVerdicts(pdf: Buffer): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-lt-'));
  writeFileSync(join(dir, 'issued.pdf'), pdf);
  const output = runTool('pdfsig', [join(dir, 'issued.pdf')]).stdout;
  return [...output.matchAll(/Signature Validation: (.*)$/gm)].map((m) => m[1].trim());
}

/** The time-stamp tokens of the signatures, pulled out of pdfsig -dump's CMS files by openssl, verified by `openssl ts -verify`. */
function opensslTimestampChecks(pdf: Buffer, tsa: TimestampAuthority, signatures = 2): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-lt-'));
  const file = join(dir, 'issued.pdf');
  writeFileSync(file, pdf);
  runTool('pdfsig', ['-dump', file], { cwd: dir });
  const results: string[] = [];
  for (let i = 0; i < signatures; i += 1) {
    const cms = join(dir, `issued.pdf.sig${i}`);
    // -strparse walks to the SignerInfo's unsigned attribute: openssl prints the structure, the test finds the offsets.
    const parsed = runTool('openssl', ['asn1parse', '-inform', 'DER', '-in', cms]).stdout;
    const tokenLine = parsed.split('\n').findIndex((l) => l.includes(':id-smime-aa-timeStampToken'));
    const tokenOffset = Number(/^\s*(\d+):/.exec(parsed.split('\n')[tokenLine + 2])?.[1]);
    const signatureLine = parsed.split('\n').slice(0, tokenLine).reverse().find((l) => l.includes('OCTET STRING') && l.includes('[HEX DUMP]'));
    const signatureOffset = Number(/^\s*(\d+):/.exec(signatureLine ?? '')?.[1]);
    const der = readFileSync(cms);
    const token = sliceDer(der, tokenOffset);
    const signatureValue = contentOf(der, signatureOffset);
    writeFileSync(join(dir, `token${i}.der`), token);
    writeFileSync(join(dir, `value${i}.bin`), signatureValue);
    const verified = runTool('openssl', ['ts', '-verify', '-data', join(dir, `value${i}.bin`), '-in', join(dir, `token${i}.der`), '-token_in', '-CAfile', tsa.rootPemFile]);
    results.push(`${verified.stdout}${verified.stderr}`.trim());
  }
  return results;
}

function lengthAt(der: Buffer, offset: number): { header: number; length: number } {
  const first = der[offset + 1];
  if (first < 0x80) return { header: 2, length: first };
  const count = first & 0x7f;
  return { header: 2 + count, length: der.readUIntBE(offset + 2, count) };
}
const sliceDer = (der: Buffer, offset: number): Buffer => {
  const { header, length } = lengthAt(der, offset);
  return der.subarray(offset, offset + header + length);
};
const contentOf = (der: Buffer, offset: number): Buffer => {
  const { header, length } = lengthAt(der, offset);
  return der.subarray(offset + header, offset + header + length);
};

interface PublicAnswer {
  code?: string;
  numberSymbol: string;
  subject: string | null;
  status: string;
  verifies: boolean;
  signers: Array<{ role: string; level: string | null; validLongTerm: boolean; provenAt: string | null }>;
  [key: string]: unknown;
}

function verificationToken(pdf: Buffer): string {
  const match = new RegExp(`\\(${VERIFY_BASE.replace(/\./g, '\\.')}/verify/([A-Za-z0-9_-]{22})\\)`).exec(pdf.toString('latin1'));
  if (!match) throw new Error('no verification link in the issued PDF');
  return match[1];
}

describe('long-term signatures (PAdES B-T/B-LT/B-LTA) and the public verification link', () => {
  let api: Api;
  let strictApi: Api;
  let worker: RunningProcess;
  let tsa: TimestampAuthority;
  let ocsp: OcspResponder;
  let pki: TestPki;
  let officer: Client;
  let head: Client;
  let clerk: Client;
  let director: Client;
  let admin: Client;
  let base: OutgoingMetadata;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'signing_long_term');
    run = isolated.run;
    pki = createTestPki();
    tsa = await startTimestampAuthority();
    ocsp = await startOcspResponder(pki.ca, []);
    // The product trusts the signers' CA and the TSA's root (SIGNING_TRUST_ANCHORS is one PEM bundle).
    const anchors = join(mkdtempSync(join(tmpdir(), 'eoffice-lt-')), 'anchors.pem');
    writeFileSync(anchors, `${readFileSync(pki.anchorsFile, 'utf8')}\n${readFileSync(tsa.rootPemFile, 'utf8')}`);
    const env = {
      SIGNING_TRUST_ANCHORS: anchors,
      SIGNING_TSA_URL: tsa.url,
      SIGNING_OCSP_URL: ocsp.url,
      SIGNING_LONG_TERM_TIMEOUT_SECONDS: '3',
      SIGNING_LONG_TERM_RETRY_SECONDS: '2',
      PUBLIC_VERIFY_BASE_URL: VERIFY_BASE,
      PUBLIC_VERIFY_PER_MINUTE: String(PER_MINUTE),
    };
    [api, strictApi] = await Promise.all([startApi(run, env), startApi(run, { ...env, SIGNING_LONG_TERM_REQUIRED: 'true' })]);
    worker = startWorker(run, env);
    const sign = (who: Who) => org.signIn(api.url, who);
    [officer, head, clerk, director, admin] = await Promise.all([sign('officer'), sign('head'), sign('clerk'), sign('director'), sign('admin')]);
    const directorIdentity = pki.issue(org.people.director.fullName);
    const agencyIdentity = pki.issue(org.agency.name);
    ocsp.add(directorIdentity.certificate);
    ocsp.add(agencyIdentity.certificate);
    expect((await uploadCertificate(director, pki.pkcs12(directorIdentity, 'e2e-pass'), 'personal', signatureImage())).status).toBe(201);
    expect((await uploadCertificate(admin, pki.pkcs12(agencyIdentity, 'e2e-pass'), 'organisation', sealImage())).status).toBe(201);
    base = await draftMetadata(org, { subject: 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh' });
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await strictApi?.stop();
    await tsa?.close();
    await ocsp?.stop();
    await isolated?.dispose();
  });

  async function signedDraft(overrides: Partial<OutgoingMetadata> = {}, appendix?: Buffer): Promise<string> {
    const created = await createDraft(officer, { ...base, ...overrides });
    expect(created.status).toBe(201);
    if (appendix) expect((await attachAppendix(officer, created.body.id, 'Danh sách học sinh đạt giải', appendix)).status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, director);
    expect((await director.post(`/api/v1/outgoing/${created.body.id}/sign`, {})).body).toMatchObject({ status: 'signed' });
    return created.body.id;
  }

  const publicVerify = (token: string) => fetch(`${api.url}/verify/${token}`)
    .then(async (res) => ({ status: res.status, headers: res.headers, body: (await res.json()) as PublicAnswer }));

  it('issues at B-LT: pdfsig finds both signatures valid, openssl ts -verify accepts their time-stamps, the link answers publicly', async () => {
    const id = await signedDraft();
    const issued = await clerk.post(`/api/v1/outgoing/${id}/issue`);
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', longTermLevel: 'B-LT', longTermWarning: null });
    const pdf = await download(clerk, `/api/v1/outgoing/${id}/pdf`);
    expect(pdfsigVerdicts(pdf)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    for (const check of opensslTimestampChecks(pdf, tsa)) expect(check).toContain('Verification: OK');

    const answer = await publicVerify(verificationToken(pdf));
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      numberSymbol: issued.body.numberSymbol, issuer: org.agency.name, subject: base.subject, confidential: false, status: 'issued', verifies: true,
    });
    expect(answer.body.signers.map((s) => [s.role, s.level, s.validLongTerm]))
      .toEqual([['signer', 'B-LT', true], ['agency', 'B-LT', true]]);
    // Judged at the TSA's time, which lies between the request and now.
    const provenAt = Date.parse(answer.body.signers[1].provenAt ?? '');
    expect(provenAt).toBeGreaterThanOrEqual(Date.parse(issued.body.issuedAt ?? '') - 2000);
    expect(provenAt).toBeLessThanOrEqual(Date.now());
  });

  it('a seal made by the clerk’s token (the issue saga) is B-LT too, with the verification link', async () => {
    const agencyToken = pki.issue(org.agency.name);
    ocsp.add(agencyToken.certificate);
    const sealMode = async (mode: 'token' | 'stored') =>
      expect((await admin.put('/api/v1/agency-seal', { mode, sealImage: sealImage().toString('base64') })).status).toBe(200);
    await sealMode('token');
    try {
      const id = await signedDraft();
      const started = await clerk.post(`/api/v1/outgoing/${id}/issue/start`, { certificate: toPem(agencyToken.certificate) });
      expect(started.status).toBe(202);
      const saga = started.body as { id: string; signedAttributes: string };
      const sealed = await clerk.post(`/api/v1/outgoing/${id}/issue/seal`, { sagaId: saga.id, signature: tokenSign(agencyToken, saga.signedAttributes) });
      expect(sealed.status).toBe(200);
      expect(sealed.body).toMatchObject({ status: 'issued', longTermLevel: 'B-LT', longTermWarning: null });
      const pdf = await download(clerk, `/api/v1/outgoing/${id}/pdf`);
      expect(pdfsigVerdicts(pdf)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
      for (const check of opensslTimestampChecks(pdf, tsa)) expect(check).toContain('Verification: OK');
      const answer = await publicVerify(verificationToken(pdf));
      expect([answer.status, answer.body.numberSymbol, answer.body.status, answer.body.verifies]).toEqual([200, sealed.body.numberSymbol, 'issued', true]);
    } finally {
      await sealMode('stored');
    }
  });

  it('a TSA that is down: issued at B-B with a warning, then upgraded by the worker (DSS + document time-stamp)', async () => {
    const id = await signedDraft({ subject: 'Về việc tổ chức Hội khỏe Phù Đổng cấp tỉnh' });
    await tsa.down();
    const issued = await clerk.post(`/api/v1/outgoing/${id}/issue`);
    await tsa.up();
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ status: 'issued', longTermLevel: 'B-B', longTermWarning: expect.stringContaining('TSA') });
    const upgraded = await waitFor(async () => {
      const detail = await clerk.get(`/api/v1/outgoing/${id}`);
      return detail.body.longTermLevel === 'B-LTA' ? detail.body : undefined;
    }, 'the long-term upgrade job');
    expect(upgraded.longTermWarning).toBeNull();
    const pdf = await download(clerk, `/api/v1/outgoing/${id}/pdf`);
    expect(pdfsigVerdicts(pdf).slice(0, 2)).toEqual(['Signature is Valid.', 'Signature is Valid.']);
    const answer = await publicVerify(verificationToken(pdf));
    expect(answer.body.verifies).toBe(true);
    expect(answer.body.signers.map((s) => [s.role, s.level])).toEqual([['signer', 'B-LTA'], ['agency', 'B-LTA'], ['timestamp', null]]);
  });

  it('signs an appendix at B-LT like the document (pdfsig, openssl ts -verify); with the TSA down both wait for the upgrade job, which extends both', async () => {
    const appendix = Buffer.from(await buildAppendixSource());
    const appendixOf = async (id: string) => {
      const detail = await clerk.get(`/api/v1/outgoing/${id}`);
      const [first] = detail.body.appendices;
      return { level: first.longTermLevel, pdf: await download(clerk, `/api/v1/outgoing/${id}/appendices/${first.id}/pdf`), document: detail.body };
    };
    const id = await signedDraft({ subject: 'Về việc công nhận học sinh giỏi, kèm danh sách' }, appendix);
    const issued = await clerk.post(`/api/v1/outgoing/${id}/issue`);
    expect(issued.body).toMatchObject({ status: 'issued', longTermLevel: 'B-LT', longTermWarning: null });
    const signed = await appendixOf(id);
    expect(signed.level).toBe('B-LT');
    expect(pdfsigVerdicts(signed.pdf)).toEqual(['Signature is Valid.']);
    for (const check of opensslTimestampChecks(signed.pdf, tsa, 1)) expect(check).toContain('Verification: OK');

    const later = await signedDraft({ subject: 'Về việc khen thưởng, kèm danh sách, khi TSA ngừng' }, appendix);
    await tsa.down();
    const unstamped = await clerk.post(`/api/v1/outgoing/${later}/issue`);
    await tsa.up();
    expect(unstamped.body).toMatchObject({ status: 'issued', longTermLevel: 'B-B', longTermWarning: expect.stringContaining('TSA') });
    expect((await appendixOf(later)).level).toBe('B-B');
    const upgraded = await waitFor(async () => {
      const state = await appendixOf(later);
      return state.document.longTermLevel === 'B-LTA' ? state : undefined;
    }, 'the upgrade job over the document and its appendix');
    expect(upgraded.level).toBe('B-LTA');
    // The appendix's seal, still valid, then the document time-stamp over the whole file.
    const verdicts = pdfsigVerdicts(upgraded.pdf);
    expect([verdicts[0], verdicts.length]).toEqual(['Signature is Valid.', 2]);
  });

  it('refuses the issue when long-term validity is required and the TSA is down; the number is not used up', async () => {
    const id = await signedDraft({ subject: 'Về việc bắt buộc dấu thời gian' });
    const strictClerk = await org.signIn(strictApi.url, 'clerk');
    await tsa.down();
    try {
      const refused = await strictClerk.post(`/api/v1/outgoing/${id}/issue`);
      expect([refused.status, refused.body.code]).toEqual([503, 'LONG_TERM_UNAVAILABLE']);
      expect((await clerk.get(`/api/v1/outgoing/${id}`)).body).toMatchObject({ status: 'signed', numberSymbol: null });
    } finally {
      await tsa.up();
    }
    expect((await strictClerk.post(`/api/v1/outgoing/${id}/issue`)).body).toMatchObject({ status: 'issued', longTermLevel: 'B-LT' });
  });

  it('the verification page (JSON and, in a browser, the web page): a recalled document says so, a confidential one shows no subject, a forged token is 404, and it is rate-limited', async () => {
    const recalledId = await signedDraft({ subject: 'Về việc sẽ thu hồi' });
    await clerk.post(`/api/v1/outgoing/${recalledId}/issue`);
    expect((await clerk.post(`/api/v1/outgoing/${recalledId}/dispatch`)).body.status).toBe('dispatched');
    expect((await clerk.post(`/api/v1/outgoing/${recalledId}/recall`, { reason: 'Sai sót nội dung' })).body.status).toBe('recalled');
    const recalled = await publicVerify(verificationToken(await download(clerk, `/api/v1/outgoing/${recalledId}/pdf`)));
    expect(recalled.body).toMatchObject({ status: 'recalled', recallReason: 'Sai sót nội dung', recalledAt: expect.any(String) });

    const secretId = await signedDraft({ subject: 'Về phương án bảo vệ đề thi', confidentiality: 'secret' });
    expect((await clerk.post(`/api/v1/outgoing/${secretId}/issue`)).status).toBe(200);
    const secret = await publicVerify(verificationToken(await download(clerk, `/api/v1/outgoing/${secretId}/pdf`)));
    expect(secret.status).toBe(200);
    expect(secret.body).toMatchObject({ confidential: true, subject: null, verifies: true });
    expect(JSON.stringify(secret.body)).not.toContain('bảo vệ đề thi');

    // The printed link opened in a browser (a phone scanning the QR code) is a page, read without signing in.
    const chromium = await launchChromium();
    try {
      const page = await (await chromium.newContext()).newPage();
      await page.goto(`${api.url}/verify/${verificationToken(await download(clerk, `/api/v1/outgoing/${recalledId}/pdf`))}`);
      await page.getByTestId('verify-status').filter({ hasText: 'Văn bản đã bị thu hồi' }).waitFor({ timeout: PAGE_WAIT_MS });
      await page.getByText('Sai sót nội dung').first().waitFor({ timeout: PAGE_WAIT_MS });
      await page.getByText(org.agency.name).first().waitFor({ timeout: PAGE_WAIT_MS });
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'verify-recalled');
      await page.goto(`${api.url}/verify/${verificationToken(await download(clerk, `/api/v1/outgoing/${secretId}/pdf`))}`);
      await page.getByText('Văn bản mật: không hiển thị trích yếu').waitFor({ timeout: PAGE_WAIT_MS });
      await page.getByTestId('verify-status').filter({ hasText: 'còn nguyên vẹn' }).waitFor({ timeout: PAGE_WAIT_MS });
      expect(await page.content()).not.toContain('bảo vệ đề thi');
      await screenshot(page, 'verify-confidential');
    } finally {
      await chromium.close();
    }

    for (const forged of ['AAAAAAAAAAAAAAAAAAAAAA', 'not-a-token', '../outgoing']) {
      const answer = await publicVerify(encodeURIComponent(forged));
      expect([answer.status, answer.body.code]).toEqual([404, 'VERIFICATION_NOT_FOUND']);
    }
    let limited: Awaited<ReturnType<typeof publicVerify>> | undefined;
    for (let i = 0; i < PER_MINUTE + 1 && !limited; i += 1) {
      const answer = await publicVerify('BBBBBBBBBBBBBBBBBBBBBB');
      if (answer.status === 429) limited = answer;
    }
    expect(limited?.body.code).toBe('VERIFICATION_RATE_LIMITED');
    expect(Number(limited?.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
