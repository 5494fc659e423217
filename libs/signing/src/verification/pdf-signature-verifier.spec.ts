import { PDFArray, PDFName, PDFRef } from 'pdf-lib';
import { createDemoCa, issueDemoCertificate } from '../demo/demo-certificates';
import { findField } from '../form/acroform';
import { listPages } from '../pdf/page-tree';
import { PdfUpdate } from '../pdf/pdf-update';
import { applyLeaderSignature } from '../signature/leader-signature';
import { applyOrganisationSignature } from '../signature/organisation-signature';
import { buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool } from '../../test/external-tools';
import { pdfsigResults, qpdfTransform } from '../../test/pdf-checks';
import { AGENCY_NAME, createTestPki, LEADER_NAME, PKI_SETUP_TIMEOUT_MS, TestPki } from '../../test/pki-fixture';
import { ChainSteps, runSigningChain } from '../../test/signing-chain';
import { verifyPdfSignatures } from './pdf-signature-verifier';

/** An incremental update that paints extra text on the last page: a content change. */
function stampLastPage(pdf: Uint8Array, replaceExistingStream: boolean): Buffer {
  const update = PdfUpdate.open(pdf);
  const pages = listPages(update.context, update.catalog);
  const pageRef = pages[pages.length - 1];
  const page = update.dict(pageRef);
  const contents = page.get(PDFName.of('Contents'));
  const stamp = update.context.flateStream('0 0 1 rg 100 100 200 50 re f');
  if (replaceExistingStream) {
    const first = contents instanceof PDFArray ? contents.get(0) : contents;
    update.context.assign(first as PDFRef, stamp);
    update.markModified(first as PDFRef);
  } else {
    const list = contents instanceof PDFArray ? contents : update.context.obj([contents as PDFRef]);
    list.push(update.register(stamp));
    page.set(PDFName.of('Contents'), list);
    update.markModified(pageRef);
  }
  return update.write().bytes;
}

describe('verifyPdfSignatures', () => {
  let test: TestPki;
  let steps: ChainSteps;
  beforeAll(async () => {
    requireTool('pdfsig');
    requireTool('qpdf');
    test = createTestPki();
    steps = await runSigningChain(await buildDecisionSource(false), DECISION_LAYOUT, test);
  }, PKI_SETUP_TIMEOUT_MS);

  it('reports nothing for an unsigned PDF', async () => {
    const report = verifyPdfSignatures(await buildDecisionSource(false));
    expect(report).toMatchObject({ signatures: [], revisions: [], modifiedAfterLastSignature: false });
  });

  it('describes each signature: signer, certificate, time, coverage and revision', () => {
    const report = verifyPdfSignatures(steps.sealed, test.trust);
    const [leader, organisation] = report.signatures;
    expect(leader).toMatchObject({ fieldName: 'LeaderSignature', signerName: LEADER_NAME, intact: true, certificateTrusted: true, revision: 3, coversWholeDocument: false, subFilter: 'ETSI.CAdES.detached' });
    expect(organisation).toMatchObject({ fieldName: 'OrganisationSignature', signerName: AGENCY_NAME, revision: 5, coversWholeDocument: true });
    expect(leader.signerCertificate?.issuer).toContain('DEMO — not for production');
    expect(leader.signerCertificate?.serialNumber).toMatch(/^[0-9A-F]+$/);
    expect(Math.abs(Date.parse(leader.signedAt ?? '') - Date.now())).toBeLessThan(120_000);
  });

  it('flags untrusted certificates without calling the signature broken', () => {
    const report = verifyPdfSignatures(steps.sealed, { trustAnchors: [createDemoCa('Unrelated CA').certificate] });
    expect(report.signatures.map((s) => [s.intact, s.certificateTrusted])).toEqual([[true, false], [true, false]]);
    expect(report.signatures[0].problems.join()).toContain('CERTIFICATE_UNTRUSTED');
  });

  it('marks tampered bytes as not intact (and pdfsig agrees)', () => {
    const tampered = Buffer.from(steps.sealed);
    const at = tampered.indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    tampered[at + 12] ^= 0x01;
    const report = verifyPdfSignatures(tampered, test.trust);
    expect(report.signatures.map((s) => s.intact)).toEqual([false, false]);
    expect(report.signatures[0].problems.join()).toContain('digest does not match');
    expect(pdfsigResults(tampered)).toMatchObject({ valid: 0, invalid: 2 });
  });

  it.each([
    ['a content stream added to the page', false],
    ['an existing content stream rewritten', true],
  ])('reports page content changed after signing: %s', async (_label, rewrite) => {
    const changed = stampLastPage(steps.leaderSigned, rewrite);
    const report = verifyPdfSignatures(changed, test.trust);
    expect(report.signatures[0]).toMatchObject({ intact: true, coversWholeDocument: false });
    expect(report.modifiedAfterLastSignature).toBe(true);
    expect(report.onlyAllowedChangesAfterFirstSignature).toBe(false);
    const last = report.revisions[report.revisions.length - 1];
    expect(last).toMatchObject({ allowed: false, changes: ['PAGE_CONTENT'] });
    await expect(applyOrganisationSignature(changed, {
      credentials: test.agency, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust: test.trust,
    })).rejects.toMatchObject({ code: 'DISALLOWED_CHANGES' });
  });

  it('reports a signed field whose appearance was swapped afterwards', () => {
    const update = PdfUpdate.open(steps.leaderSigned);
    const field = findField(update.context, update.catalog, 'LeaderSignature');
    if (!field) throw new Error('no leader field');
    const forged = update.register(update.context.flateStream('1 0 0 rg 0 0 50 50 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 160, 95] }));
    field.dict.set(PDFName.of('AP'), update.context.obj({ N: forged }));
    update.markModified(field.ref);
    const report = verifyPdfSignatures(update.write().bytes, test.trust);
    expect(report.signatures[0].intact).toBe(true);
    expect(report.revisions[report.revisions.length - 1]).toMatchObject({ allowed: false, changes: ['OTHER'] });
  });

  it('classifies a form fill as allowed and says the leader signature no longer covers everything', () => {
    const report = verifyPdfSignatures(steps.numbered, test.trust);
    expect(report.modifiedAfterLastSignature).toBe(true);
    expect(report.onlyAllowedChangesAfterFirstSignature).toBe(true);
    expect(report.revisions[report.revisions.length - 1]).toMatchObject({ changes: ['FORM_FILL'], allowed: true });
  });

  it('refuses encrypted PDFs for verification and signing', async () => {
    const encrypted = qpdfTransform(steps.draft, ['--encrypt', '', 'owner', '256', '--']);
    expect(() => verifyPdfSignatures(encrypted)).toThrow(expect.objectContaining({ code: 'PDF_ENCRYPTED' }));
    await expect(applyLeaderSignature(encrypted, {
      credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust: test.trust,
    })).rejects.toMatchObject({ code: 'PDF_ENCRYPTED' });
  });

  it('refuses to sign with an expired or untrusted certificate', async () => {
    const day = 86_400_000;
    const expired = issueDemoCertificate(test.pki.ca, { commonName: 'Hết hạn', notBefore: new Date(Date.now() - 30 * day), notAfter: new Date(Date.now() - day) });
    const foreignCa = createDemoCa('Foreign CA');
    const foreign = issueDemoCertificate(foreignCa, { commonName: 'Người lạ' });
    const sign = (identity: typeof expired, chain: Buffer[]) => applyLeaderSignature(steps.draft, {
      credentials: { privateKey: identity.privateKey, certificate: identity.certificate, chain },
      signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust: test.trust,
    });
    await expect(sign(expired, [test.pki.ca.certificate])).rejects.toMatchObject({ code: 'CERTIFICATE_EXPIRED' });
    await expect(sign(foreign, [foreignCa.certificate])).rejects.toMatchObject({ code: 'CERTIFICATE_UNTRUSTED' });
  });

  it('refuses a key that does not belong to the certificate', async () => {
    await expect(applyLeaderSignature(steps.draft, {
      credentials: { ...test.leader, privateKey: test.agency.privateKey },
      signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust: test.trust,
    })).rejects.toMatchObject({ code: 'SIGNATURE_MISMATCH' });
  });

});
