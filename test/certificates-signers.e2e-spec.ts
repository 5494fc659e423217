import { sign, verify, X509Certificate } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Actor } from '@eoffice/accounts';
import type { SigningCertificateService } from '@eoffice/documents';
import {
  applyLeaderSignature, applyOrganisationSignature, createDemoCa, createDemoCrl, fillNumberAndDate, prepareDraft, toPem,
  verifyPdfSignatures,
} from '@eoffice/signing';
import { buildDecisionSource, DECISION_LAYOUT } from '../libs/signing/test';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { expectOk, signInAdmin, unitByCode } from './support/accounts';
import { DAY, issue, makeTestTrust, personalForm, TestTrust } from './support/certificates';
import { query } from './support/db';
import { startDocumentsContext } from './support/documents-context';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { DEMO_PASSWORD, E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const demoPki = join(dirname(base.fileStoreDir), 'demo-pki');

/**
 * SigningCertificateService as the outgoing-document flow calls it, in-process against a copy of
 * the run's database: the demo certificates the seed registered, and certificates uploaded over HTTP.
 */
describe('signing certificates as signers (SigningCertificateService)', () => {
  let isolated: IsolatedRun;
  let run: E2eRun;
  let trust: TestTrust;
  let api: Api;
  let closeContext: () => Promise<void>;
  let signers: SigningCertificateService;
  const people: Record<string, Actor> = {};

  async function codeOf(pending: Promise<unknown>): Promise<string> {
    try {
      await pending;
      return 'OK';
    } catch (error) {
      const { status, code } = error as { status?: number; code?: string };
      return `${status} ${code}`;
    }
  }

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'certs_signers');
    run = isolated.run;
    trust = makeTestTrust(readFileSync(join(demoPki, 'demo-ca.pem'), 'utf8'));
    const env = { SIGNING_TRUST_ANCHORS: trust.anchorsFile, SIGNING_CRL_DIR: trust.crlDir };
    api = await startApi(run, env);
    const started = await startDocumentsContext(run, env);
    closeContext = started.close;
    signers = started.context.get(started.documents.SigningCertificateService);
    const rows = await query(run.databaseUrl, `SELECT id, username, full_name, roles, unit_id FROM app_user WHERE username IN ('tuyettta', 'khoalm', 'huydq', 'lanvt')`);
    for (const r of rows) people[r.username] = { id: r.id, username: r.username, fullName: r.full_name, roles: r.roles, unitId: r.unit_id, mustChangePassword: false };
  });
  afterAll(async () => {
    await closeContext?.();
    await api?.stop();
    await isolated?.dispose();
    rmSync(trust.dir, { recursive: true, force: true });
  });

  it('loads a leader’s seeded certificate: a key that matches it, the demo chain and the signature image', async () => {
    const signer = await signers.personalSigner(people.khoalm);
    expect(signer.certificate).toMatchObject({ kind: 'personal', ownerUserId: people.khoalm.id, subjectCommonName: 'Lê Minh Khoa', active: true });
    expect(signer.certificate.encryptedPrivateKey).toBeUndefined(); // never selected
    const message = Buffer.from('Quyết định số 05/QĐ-SGDĐT');
    const signature = sign('sha256', message, signer.credentials.privateKey);
    expect(verify('sha256', message, new X509Certificate(signer.credentials.certificate).publicKey, signature)).toBe(true);
    expect(toPem(signer.credentials.chain[0])).toBe(readFileSync(join(demoPki, 'demo-ca.pem'), 'utf8'));
    expect(signer.image.equals(readFileSync(join(demoPki, 'khoalm-signature.png')))).toBe(true);
    expect(JSON.stringify(signer)).not.toMatch(/ciphertext|BEGIN PRIVATE KEY/);
  });

  it('gives what the Decree 30 chain needs: the director signs, the agency seals, and both verify as trusted', async () => {
    const director = await signers.personalSigner(people.tuyettta);
    const agency = await signers.organisationSigner((await query(run.databaseUrl, `SELECT id FROM unit WHERE code = 'SGDĐT'`))[0].id);
    expect(agency.image.equals(readFileSync(join(demoPki, 'sgddt-seal.png')))).toBe(true);
    const trustOptions = await signers.trustOptions();
    expect(trustOptions.trustAnchors).toHaveLength(2);
    const draft = await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT);
    const signed = await applyLeaderSignature(draft, {
      credentials: director.credentials,
      signerName: director.certificate.subjectCommonName!,
      signatureImage: director.image,
      trust: trustOptions,
    });
    const numbered = await fillNumberAndDate(signed, { documentNumber: 5, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: { year: 2026, month: 11, day: 24 } });
    const sealed = await applyOrganisationSignature(numbered, {
      credentials: agency.credentials,
      agencyName: agency.certificate.subjectCommonName!,
      sealImage: agency.image,
      trust: trustOptions,
    });
    const report = verifyPdfSignatures(sealed, trustOptions);
    expect(report.signatures.map((s) => [s.signerCertificate?.commonName, s.intact, s.certificateTrusted])).toEqual([
      ['Trần Thị Ánh Tuyết', true, true],
      ['Sở Giáo dục và Đào tạo tỉnh Tây Ninh (DEMO)', true, true],
    ]);
  });

  it('refuses another person’s certificate (404), a deactivated one, and a person or agency without one', async () => {
    const [theirs] = await query(run.databaseUrl, `SELECT id FROM signing_certificate WHERE owner_user_id = $1`, [people.tuyettta.id]);
    expect(await codeOf(signers.personalSigner(people.khoalm, theirs.id))).toBe('404 NOT_FOUND');
    expect(await codeOf(signers.personalSigner(people.lanvt))).toBe('400 CERTIFICATE_MISSING');
    const department = (await query(run.databaseUrl, `SELECT id FROM unit WHERE code = 'VP'`))[0].id;
    expect(await codeOf(signers.organisationSigner(department))).toBe('400 CERTIFICATE_MISSING');

    const huy = await new Client(api.url).signIn('huydq', DEMO_PASSWORD);
    const { id } = await expectOk(huy.post('/api/v1/certificates', personalForm(issue(trust.ca, { commonName: 'Đặng Quang Huy' }))), 201);
    expect((await signers.personalSigner(people.huydq, id)).certificate.id).toBe(id);
    await expectOk(huy.post(`/api/v1/certificates/${id}/revoke`, {}));
    expect(await codeOf(signers.personalSigner(people.huydq, id))).toBe('400 CERTIFICATE_INACTIVE');
    expect(await codeOf(signers.personalSigner(people.huydq))).toBe('400 CERTIFICATE_MISSING');
  });

  it('checks again at the moment of use: a certificate revoked by a CRL added later, and one that expired since upload', async () => {
    const lan = await new Client(api.url).signIn('lanvt', DEMO_PASSWORD);
    const issued = issue(trust.ca, { commonName: 'Võ Thị Lan', notBefore: new Date(Date.now() - DAY) });
    await expectOk(lan.post('/api/v1/certificates', personalForm(issued)), 201);
    expect(await codeOf(signers.personalSigner(people.lanvt))).toBe('OK');
    const crl = join(trust.crlDir, 'late.crl');
    writeFileSync(crl, createDemoCrl(trust.ca, [{ certificate: issued.identity.certificate, revokedAt: new Date(Date.now() - 1000) }]));
    expect(await codeOf(signers.personalSigner(people.lanvt))).toBe('400 CERTIFICATE_REVOKED');
    expect(await codeOf(signers.checkPresentedCertificate(toPem(issued.identity.certificate)))).toBe('400 CERTIFICATE_REVOKED');
    rmSync(crl);
    expect(await codeOf(signers.personalSigner(people.lanvt))).toBe('OK');

    const brief = issue(trust.ca, { commonName: 'Võ Thị Lan', notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 4000) });
    const { id } = await expectOk(lan.post('/api/v1/certificates', personalForm(brief)), 201);
    expect((await signers.personalSigner(people.lanvt)).certificate.id).toBe(id); // the newest valid one
    await new Promise((r) => setTimeout(r, 4500));
    expect(await codeOf(signers.personalSigner(people.lanvt, id))).toBe('400 CERTIFICATE_EXPIRED');
    expect((await signers.personalSigner(people.lanvt)).certificate.id).not.toBe(id); // back to the one still valid
  });

  it('checks a certificate a token presents, as PEM or base64 DER', async () => {
    const good = issue(trust.ca, { commonName: 'Chữ ký số USB token' });
    expect(await signers.checkPresentedCertificate(good.identity.certificate.toString('base64'))).toMatchObject({ commonName: 'Chữ ký số USB token' });
    expect(await signers.checkPresentedCertificate(toPem(good.identity.certificate))).toMatchObject({ commonName: 'Chữ ký số USB token' });
    expect(await codeOf(signers.checkPresentedCertificate(issue(createDemoCa('Foreign CA')).identity.certificate.toString('base64')))).toBe('400 CERTIFICATE_UNTRUSTED');
    const expired = issue(trust.ca, { notBefore: new Date(Date.now() - 300 * DAY), notAfter: new Date(Date.now() - DAY) });
    expect(await codeOf(signers.checkPresentedCertificate(toPem(expired.identity.certificate)))).toBe('400 CERTIFICATE_EXPIRED');
    expect(await codeOf(signers.checkPresentedCertificate('không phải chứng thư'))).toBe('400 CERTIFICATE_INVALID');
    expect(await codeOf(signers.checkPresentedCertificate(Buffer.from('not DER').toString('base64')))).toBe('400 CERTIFICATE_INVALID');
  });

  it('will not open a sealed key copied onto another row', async () => {
    const admin = await signInAdmin(api.url);
    const school = (await unitByCode(admin, 'THPTTDN')).id;
    const [khoa] = await query(run.databaseUrl, `SELECT id FROM signing_certificate WHERE owner_user_id = $1 AND active`, [people.khoalm.id]);
    const [tuyet] = await query(run.databaseUrl, `SELECT id FROM signing_certificate WHERE owner_user_id = $1 AND active`, [people.tuyettta.id]);
    await query(
      run.databaseUrl,
      `UPDATE signing_certificate SET encrypted_private_key = (SELECT encrypted_private_key FROM signing_certificate WHERE id = $1) WHERE id = $2`,
      [tuyet.id, khoa.id],
    );
    expect(await codeOf(signers.personalSigner(people.khoalm))).toBe('409 CERTIFICATE_KEY_UNAVAILABLE');
    expect(await codeOf(signers.personalSigner(people.tuyettta))).toBe('OK');
    expect(await codeOf(signers.organisationSigner(school))).toBe('OK');
  });
});
