import { PDFArray, PDFName, PDFRef } from 'pdf-lib';
import { createDemoCa, issueDemoCertificate } from '../demo/demo-certificates';
import { findField } from '../form/acroform';
import { listPages } from '../pdf/page-tree';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfUpdate } from '../pdf/pdf-update';
import { applyLeaderSignature } from '../signature/leader-signature';
import { applyOrganisationSignature } from '../signature/organisation-signature';
import { buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool } from '../../test/external-tools';
import { popplerSignatures } from '../../test/independent-checks';
import { qpdfTransform } from '../../test/pdf-checks';
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
  return update.writeFile().toBuffer();
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

  /** Flips one byte inside the data of the first stream that begins in bytes [from, to). */
  function flipByteInStream(pdf: Buffer, from: number, to: number): Buffer {
    const keyword = /(?<!end)stream\r?\n/g;
    keyword.lastIndex = from;
    const found = keyword.exec(pdf.toString('latin1'));
    if (!found || found.index >= to) throw new Error(`no stream between ${from} and ${to}`);
    const tampered = Buffer.from(pdf);
    tampered[found.index + found[0].length + 4] ^= 0x01;
    return tampered;
  }

  // Signature 1 (the leader's) covers revisions 1–3, signature 2 (the organisation's) 1–5.
  it.each([
    ['revision 1 (the source document)', () => [0, PdfStructure.read(steps.sealed).revisions[0].endOffset], [false, false]],
    ['revision 4 (the number and date the clerk filled in)', () => [steps.leaderSigned.length, steps.numbered.length], [true, false]],
    ['revision 5 (a stream of the organisation signature’s appearance)', () => [steps.numbered.length, steps.sealed.length], [true, false]],
  ] as Array<[string, () => [number, number], boolean[]]>)('a byte flipped in %s breaks exactly the signatures that cover it', (_label, range, intact) => {
    const [from, to] = range();
    const tampered = flipByteInStream(steps.sealed, from, to);
    const report = verifyPdfSignatures(tampered, test.trust);
    expect(report.signatures.map((s) => s.intact)).toEqual(intact);
    report.signatures.filter((s) => !s.intact).forEach((s) => expect(s.problems.join()).toContain('digest does not match'));
    expect(popplerSignatures(tampered).map((s) => s.valid)).toEqual(intact);
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

  it.each([
    ['resized by 5 points', 600, ['PAGE_CONTENT']],
    ['rewritten with other digits only (as poppler does)', 595.2800000001, []],
  ] as Array<[string, number, string[]]>)('judges a page whose /MediaBox was %s', (_label, width, changes) => {
    const update = PdfUpdate.open(steps.leaderSigned);
    const pages = listPages(update.context, update.catalog);
    const page = update.dict(pages[pages.length - 1]);
    page.set(PDFName.of('MediaBox'), update.context.obj([0, 0, width, 841.89]));
    update.markModified(pages[pages.length - 1]);
    const report = verifyPdfSignatures(update.writeFile().toBuffer(), test.trust);
    expect(report.revisions[report.revisions.length - 1].changes).toEqual(changes);
  });

  it('reports a signed field whose appearance was swapped afterwards', () => {
    const update = PdfUpdate.open(steps.leaderSigned);
    const field = findField(update.context, update.catalog, 'LeaderSignature');
    if (!field) throw new Error('no leader field');
    const forged = update.register(update.context.flateStream('1 0 0 rg 0 0 50 50 re f', { Type: 'XObject', Subtype: 'Form', BBox: [0, 0, 160, 95] }));
    field.dict.set(PDFName.of('AP'), update.context.obj({ N: forged }));
    update.markModified(field.ref);
    const report = verifyPdfSignatures(update.writeFile().toBuffer(), test.trust);
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
