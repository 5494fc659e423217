import { DraftLayout } from '../form/draft-preparer';
import { PdfStructure } from '../pdf/pdf-structure';
import { verifyPdfSignatures } from '../verification/pdf-signature-verifier';
import { buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool } from '../../test/external-tools';
import {
  earlierRevisionsIntact, extractedText, opensslVerifications, popplerSignatures,
} from '../../test/independent-checks';
import { buildLibreOfficeDecision, LIBREOFFICE_DECISION_PHRASES, LIBREOFFICE_LAYOUT } from '../../test/libreoffice-source';
import { qpdfCheck } from '../../test/pdf-checks';
import { createTestPki, PKI_SETUP_TIMEOUT_MS, TestPki } from '../../test/pki-fixture';
import { signWithPdfsig } from '../../test/poppler-signer';
import { ChainSteps, runSigningChain } from '../../test/signing-chain';
import { exportPkcs12, issueDemoCertificate } from '../demo/demo-certificates';
import { FIELD_NAMES } from './signature-options';

/** LibreOffice and poppler take seconds each, several on the shared machine. */
const TOOL_TIMEOUT_MS = 180_000;

/**
 * The Decree 30 chain on PDFs our library did not write, each result checked only with tools
 * that share no code with it: pdfsig (poppler + NSS), openssl cms, qpdf and pdftotext.
 */
describe('the signing chain on PDFs made by other tools', () => {
  let test: TestPki;
  let libreOfficePdf: Buffer;
  beforeAll(() => {
    ['pdfsig', 'pdftotext', 'qpdf', 'openssl', 'soffice', 'certutil', 'pk12util'].forEach(requireTool);
    test = createTestPki();
    libreOfficePdf = buildLibreOfficeDecision();
  }, TOOL_TIMEOUT_MS + PKI_SETUP_TIMEOUT_MS);

  /** What every producer's chain must satisfy, read by the independent tools. */
  function expectIndependentlyValid(source: Buffer, steps: ChainSteps, earlierFields: string[]): void {
    const sequence = [source, steps.draft, steps.leaderSigned, steps.numbered, steps.sealed];
    expect(earlierRevisionsIntact(sequence)).toEqual([true, true, true, true]);

    const poppler = popplerSignatures(steps.sealed);
    expect(poppler.map((s) => s.fieldName)).toEqual([...earlierFields, FIELD_NAMES.leaderSignature, FIELD_NAMES.organisationSignature]);
    expect(poppler.map((s) => s.validation)).toEqual(poppler.map(() => 'Signature is Valid.'));
    expect(poppler.map((s) => s.totalDocumentSigned)).toEqual([...poppler.slice(1).map(() => false), true]);
    // Each of our signatures covers exactly the revision it was made in.
    const [leader, organisation] = poppler.slice(-2);
    expect(leader.ranges[1][1]).toBe(steps.leaderSigned.length);
    expect(organisation.ranges[1][1]).toBe(steps.sealed.length);

    const openssl = opensslVerifications(steps.sealed, test.pki.ca.certificate);
    expect(openssl.map((v) => [v.fieldName, v.verified])).toEqual(poppler.map((s) => [s.fieldName, true]));
    for (const pdf of [steps.draft, steps.leaderSigned, steps.numbered, steps.sealed]) expect(qpdfCheck(pdf)).toMatchObject({ status: 0 });
  }

  const producers: Array<[string, () => Promise<Buffer>, DraftLayout]> = [
    ['LibreOffice (a Writer document with Vietnamese text, exported to PDF)', async () => libreOfficePdf, LIBREOFFICE_LAYOUT],
    ['pdf-lib with object streams and a cross-reference stream', async () => Buffer.from(await buildDecisionSource(true)), DECISION_LAYOUT],
  ];

  it.each(producers)('drafts, signs, numbers and seals a PDF made by %s', async (_label, build, layout) => {
    const source = await build();
    const steps = await runSigningChain(source, layout, test);
    expectIndependentlyValid(source, steps, []);
    const report = verifyPdfSignatures(steps.sealed, test.trust);
    expect(report.signatures.map((s) => [s.intact, s.certificateTrusted])).toEqual([[true, true], [true, true]]);
    expect(report.onlyAllowedChangesAfterFirstSignature).toBe(true);
  }, TOOL_TIMEOUT_MS);

  it('keeps the text LibreOffice laid out, and its cross-reference kind', async () => {
    expect(PdfStructure.read(libreOfficePdf).latest.xrefKind).toBe('table');
    const steps = await runSigningChain(libreOfficePdf, LIBREOFFICE_LAYOUT, test);
    const text = extractedText(steps.sealed).normalize('NFC');
    LIBREOFFICE_DECISION_PHRASES.forEach((phrase) => expect(text).toContain(phrase));
    expect(text).toContain('Số: 05/QĐ-SGDĐT');
    expect(PdfStructure.read(steps.sealed).latest.xrefKind).toBe('table');
  }, TOOL_TIMEOUT_MS);

  it('signs on top of a signature poppler made (pdfsig -add-signature) without breaking it', async () => {
    // An incoming document signed by another agency's officer, reused as the basis of a draft.
    const other = issueDemoCertificate(test.pki.ca, { commonName: 'Phạm Thị Khánh', organisation: 'UBND huyện Hòa Thành' });
    const passphrase = 'pdfsig-test-passphrase';
    const signedElsewhere = signWithPdfsig(libreOfficePdf, exportPkcs12(other, [test.pki.ca.certificate], passphrase, 'khanh'), passphrase, 'khanh', 'IncomingSignature');
    expect(popplerSignatures(signedElsewhere)).toMatchObject([{ fieldName: 'IncomingSignature', valid: true, totalDocumentSigned: true }]);

    const steps = await runSigningChain(signedElsewhere, LIBREOFFICE_LAYOUT, test);
    expectIndependentlyValid(signedElsewhere, steps, ['IncomingSignature']);
    const [incoming] = popplerSignatures(steps.sealed);
    expect(incoming.ranges[1][1]).toBe(signedElsewhere.length);

    const report = verifyPdfSignatures(steps.sealed, test.trust);
    expect(report.signatures.map((s) => [s.fieldName, s.intact, s.certificateTrusted, s.subFilter])).toEqual([
      ['IncomingSignature', true, true, 'adbe.pkcs7.detached'],
      [FIELD_NAMES.leaderSignature, true, true, 'ETSI.CAdES.detached'],
      [FIELD_NAMES.organisationSignature, true, true, 'ETSI.CAdES.detached'],
    ]);
    // poppler rewrites the page dictionary with rounded /MediaBox numbers: still only a signature.
    expect(report.revisions[0]).toMatchObject({ revision: 2, changes: ['SIGNATURE'], allowed: true });
    expect(report.onlyAllowedChangesAfterFirstSignature).toBe(true);
  }, TOOL_TIMEOUT_MS);
});
