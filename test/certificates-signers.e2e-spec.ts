import { sign, verify, X509Certificate } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '@eoffice/accounts';
import type { SigningCertificateService } from '@eoffice/documents';
import {
  applyLeaderSignature, applyOrganisationSignature, createDemoCa, createDemoCrl, fillNumberAndDate, prepareDraft, toPem,
  verifyPdfSignatures,
} from '@eoffice/signing';
import { buildDecisionSource, DECISION_LAYOUT } from '../libs/signing/test';
import { expectOk } from './support/accounts';
import { DAY, issue, makeTestTrust, organisationForm, personalForm, sealPng, signaturePng, TestTrust } from './support/certificates';
import { query } from './support/db';
import { startDocumentsContext } from './support/documents-context';
import { ownOrganisation, Who } from './support/organisation';
import { Api, scaledBudget, startApi } from './support/processes';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

/**
 * SigningCertificateService as the outgoing-document flow calls it, in-process against the suite's
 * database: certificates the suite's organisation stored over HTTP before the tests (the director's
 * and the head's, the agency's and the school's seals), and more uploaded by the tests.
 */
describe('signing certificates as signers (SigningCertificateService)', () => {
  let trust: TestTrust;
  let api: Api;
  let closeContext: () => Promise<void>;
  let signers: SigningCertificateService;
  const people = {} as Record<Who, Actor>;
  const agencySealName = 'Sở Giáo dục và Đào tạo (kiểm thử)';

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
    trust = makeTestTrust();
    const env = { SIGNING_TRUST_ANCHORS: trust.anchorsFile, SIGNING_CRL_DIR: trust.crlDir };
    api = await startApi(run, env);
    const started = await startDocumentsContext(run, env);
    closeContext = started.close;
    signers = started.context.get(started.documents.SigningCertificateService);
    for (const who of ['director', 'head', 'officer', 'otherOfficer'] as const) {
      const { id, username, fullName, roles, unitId } = org.people[who];
      people[who] = { id, username, fullName, roles, unitId, mustChangePassword: false } as Actor;
    }
    // What the demo seed gives its leaders and agencies: a personal certificate each, and a seal.
    for (const who of ['director', 'head'] as const) {
      const client = await org.signIn(api.url, who);
      await expectOk(client.post('/api/v1/certificates', personalForm(issue(trust.ca, { commonName: org.people[who].fullName }))), 201);
    }
    const admin = await org.signIn(api.url, 'admin');
    await expectOk(admin.post('/api/v1/certificates', organisationForm(issue(trust.ca, { commonName: agencySealName }), org.agency.id)), 201);
    await expectOk(admin.post('/api/v1/certificates', organisationForm(issue(trust.ca, { commonName: 'Trường (kiểm thử)' }), org.school.id)), 201);
  });
  afterAll(async () => {
    await closeContext?.();
    await api?.stop();
    rmSync(trust.dir, { recursive: true, force: true });
  });

  it('loads a leader’s stored certificate: a key that matches it, the chain and the signature image', async () => {
    const signer = await signers.personalSigner(people.head);
    expect(signer.certificate).toMatchObject({ kind: 'personal', ownerUserId: people.head.id, subjectCommonName: org.people.head.fullName, active: true });
    expect(signer.certificate.encryptedPrivateKey).toBeUndefined(); // never selected
    const message = Buffer.from('Quyết định số 05/QĐ-SGDĐT');
    const signature = sign('sha256', message, signer.credentials.privateKey);
    expect(verify('sha256', message, new X509Certificate(signer.credentials.certificate).publicKey, signature)).toBe(true);
    expect(toPem(signer.credentials.chain[0])).toBe(toPem(trust.ca.certificate));
    expect(signer.image.equals(signaturePng)).toBe(true);
    expect(JSON.stringify(signer)).not.toMatch(/ciphertext|BEGIN PRIVATE KEY/);
  });

  it('gives what the Decree 30 chain needs: the director signs, the agency seals, and both verify as trusted', async () => {
    const director = await signers.personalSigner(people.director);
    const agency = await signers.organisationSigner(org.agency.id);
    expect(agency.image.equals(sealPng)).toBe(true);
    const trustOptions = await signers.trustOptions();
    expect(trustOptions.trustAnchors).toHaveLength(1);
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
      [org.people.director.fullName, true, true],
      [agencySealName, true, true],
    ]);
  });

  it('refuses another person’s certificate (404), a deactivated one, and a person or agency without one', async () => {
    const [theirs] = await query(run.databaseUrl, `SELECT id FROM signing_certificate WHERE owner_user_id = $1`, [people.director.id]);
    expect(await codeOf(signers.personalSigner(people.head, theirs.id))).toBe('404 NOT_FOUND');
    expect(await codeOf(signers.personalSigner(people.otherOfficer))).toBe('400 CERTIFICATE_MISSING');
    expect(await codeOf(signers.organisationSigner(org.office.id))).toBe('400 CERTIFICATE_MISSING');

    const officer = await org.signIn(api.url, 'officer');
    const { id } = await expectOk(officer.post('/api/v1/certificates', personalForm(issue(trust.ca, { commonName: org.people.officer.fullName }))), 201);
    expect((await signers.personalSigner(people.officer, id)).certificate.id).toBe(id);
    await expectOk(officer.post(`/api/v1/certificates/${id}/revoke`, {}));
    expect(await codeOf(signers.personalSigner(people.officer, id))).toBe('400 CERTIFICATE_INACTIVE');
    expect(await codeOf(signers.personalSigner(people.officer))).toBe('400 CERTIFICATE_MISSING');
  });

  it('checks again at the moment of use: a certificate revoked by a CRL added later, and one that expired since upload', async () => {
    const lan = await org.signIn(api.url, 'otherOfficer');
    const issued = issue(trust.ca, { commonName: org.people.otherOfficer.fullName, notBefore: new Date(Date.now() - DAY) });
    await expectOk(lan.post('/api/v1/certificates', personalForm(issued)), 201);
    expect(await codeOf(signers.personalSigner(people.otherOfficer))).toBe('OK');
    const crl = join(trust.crlDir, 'late.crl');
    writeFileSync(crl, createDemoCrl(trust.ca, [{ certificate: issued.identity.certificate, revokedAt: new Date(Date.now() - 1000) }]));
    expect(await codeOf(signers.personalSigner(people.otherOfficer))).toBe('400 CERTIFICATE_REVOKED');
    expect(await codeOf(signers.checkPresentedCertificate(toPem(issued.identity.certificate)))).toBe('400 CERTIFICATE_REVOKED');
    rmSync(crl);
    expect(await codeOf(signers.personalSigner(people.otherOfficer))).toBe('OK');

    // Valid long enough to be stored and used once on a loaded machine, then left to expire.
    const notAfter = new Date(Date.now() + scaledBudget(6000));
    const brief = issue(trust.ca, { commonName: org.people.otherOfficer.fullName, notBefore: new Date(Date.now() - DAY), notAfter });
    const { id } = await expectOk(lan.post('/api/v1/certificates', personalForm(brief)), 201);
    expect((await signers.personalSigner(people.otherOfficer)).certificate.id).toBe(id); // the newest valid one
    await new Promise((r) => setTimeout(r, Math.max(0, notAfter.getTime() - Date.now()) + 1500));
    expect(await codeOf(signers.personalSigner(people.otherOfficer, id))).toBe('400 CERTIFICATE_EXPIRED');
    expect((await signers.personalSigner(people.otherOfficer)).certificate.id).not.toBe(id); // back to the one still valid
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
    const school = org.school.id;
    const [headCertificate] = await query(run.databaseUrl, `SELECT id FROM signing_certificate WHERE owner_user_id = $1 AND active`, [people.head.id]);
    const [directorCertificate] = await query(run.databaseUrl, `SELECT id FROM signing_certificate WHERE owner_user_id = $1 AND active`, [people.director.id]);
    await query(
      run.databaseUrl,
      `UPDATE signing_certificate SET encrypted_private_key = (SELECT encrypted_private_key FROM signing_certificate WHERE id = $1) WHERE id = $2`,
      [directorCertificate.id, headCertificate.id],
    );
    expect(await codeOf(signers.personalSigner(people.head))).toBe('409 CERTIFICATE_KEY_UNAVAILABLE');
    expect(await codeOf(signers.personalSigner(people.director))).toBe('OK');
    expect(await codeOf(signers.organisationSigner(school))).toBe('OK');
  });
});
