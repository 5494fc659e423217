import { sign } from 'node:crypto';
import { PDFDict } from 'pdf-lib';
import { findField, widgetOf, widgetRect } from '../form/acroform';
import { fillNumberAndDate } from '../form/number-date-filler';
import { prepareDraft } from '../form/draft-preparer';
import { listPages, pageBox } from '../pdf/page-tree';
import { PdfObjectLoader } from '../pdf/pdf-object-loader';
import { PdfStructure } from '../pdf/pdf-structure';
import { verifyPdfSignatures } from '../verification/pdf-signature-verifier';
import { buildAppendixSource, buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool } from '../../test/external-tools';
import { pdfsigResults } from '../../test/pdf-checks';
import { AGENCY_NAME, createTestPki, LEADER_NAME, PKI_SETUP_TIMEOUT_MS, TestPki } from '../../test/pki-fixture';
import { prepareDeferredAppendixSeal, signAppendix } from './appendix-signature';
import { applyDigitisedCopySeal, prepareDeferredDigitisedCopySeal, prepareDeferredSeal } from './deferred-seal';
import { completeDeferredSignature } from './deferred-signature';
import { applyLeaderSignature } from './leader-signature';
import { FIELD_NAMES } from './signature-options';

describe('the seal made by a key the server does not hold, and the seal of a paper original’s scan', () => {
  let test: TestPki;
  let numbered: Buffer;

  beforeAll(async () => {
    requireTool('pdfsig');
    test = createTestPki();
    const draft = await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT);
    const signed = await applyLeaderSignature(draft, { credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust: test.trust });
    numbered = (await fillNumberAndDate(signed, { documentNumber: 7, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() })).toBuffer();
  }, PKI_SETUP_TIMEOUT_MS);

  const agencyOptions = () => ({ certificate: test.agency.certificate, chain: test.agency.chain, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust: test.trust });

  it('prepares the seal over the signed, numbered document; the token’s signature of the digest completes it, valid for pdfsig', async () => {
    const prepared = await prepareDeferredSeal(numbered, agencyOptions());
    expect(prepared.digestToSign).toHaveLength(32);
    const state = JSON.parse(JSON.stringify(prepared.state));
    const sealed = completeDeferredSignature(prepared.preparedPdf, state, { signature: sign('sha256', prepared.signedAttributes, test.agency.privateKey) }).toBuffer();
    const report = verifyPdfSignatures(sealed, test.trust);
    expect(report.signatures.map((s) => [s.fieldName, s.intact, s.certificateTrusted])).toEqual([
      [FIELD_NAMES.leaderSignature, true, true], [FIELD_NAMES.organisationSignature, true, true],
    ]);
    expect(pdfsigResults(sealed)).toMatchObject({ valid: 2, invalid: 0 });
  });

  it('refuses a signature over another digest (SIGNATURE_MISMATCH)', async () => {
    const prepared = await prepareDeferredSeal(numbered, agencyOptions());
    const other = sign('sha256', Buffer.from('another digest'), test.agency.privateKey);
    expect(() => completeDeferredSignature(prepared.preparedPdf, prepared.state, { signature: other })).toThrow(expect.objectContaining({ code: 'SIGNATURE_MISMATCH' }));
  });

  it('seals a scan (no leader signature, no form) at the top right of page 1, with a stored key or deferred', async () => {
    const scan = await buildDecisionSource(false);
    const stored = (await applyDigitisedCopySeal(scan, { credentials: test.agency, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust: test.trust })).toBuffer();
    const prepared = await prepareDeferredDigitisedCopySeal(scan, agencyOptions());
    const deferred = completeDeferredSignature(prepared.preparedPdf, prepared.state, { signature: sign('sha256', prepared.signedAttributes, test.agency.privateKey) }).toBuffer();
    for (const pdf of [stored, deferred]) {
      expect(pdfsigResults(pdf)).toMatchObject({ valid: 1, invalid: 0 });
      const structure = PdfStructure.read(pdf);
      const context = new PdfObjectLoader(structure).loadContext();
      const catalog = context.lookup(structure.root) as PDFDict;
      const [x1, , , y2] = widgetRect(widgetOf(context, findField(context, catalog, FIELD_NAMES.organisationSignature)!).dict);
      const page = pageBox(context, listPages(context, catalog)[0]);
      expect(x1).toBeGreaterThan(page.width / 2);
      expect(y2).toBeGreaterThan((page.height * 2) / 3);
    }
  });

  it('prepares an appendix’s seal where signAppendix puts it (same field, same block); the token’s signature completes it, another is refused', async () => {
    const appendix = Buffer.from(await buildAppendixSource());
    const signingTime = new Date();
    const common = { documentNumberSymbol: '07/QĐ-SGDĐT', agencyName: AGENCY_NAME, signingTime, trust: test.trust };
    const prepared = await prepareDeferredAppendixSeal(appendix, { ...common, certificate: test.agency.certificate, chain: test.agency.chain });
    const other = sign('sha256', Buffer.from('another digest'), test.agency.privateKey);
    expect(() => completeDeferredSignature(prepared.preparedPdf, prepared.state, { signature: other })).toThrow(expect.objectContaining({ code: 'SIGNATURE_MISMATCH' }));
    const deferred = completeDeferredSignature(prepared.preparedPdf, prepared.state, { signature: sign('sha256', prepared.signedAttributes, test.agency.privateKey) }).toBuffer();
    const stored = (await signAppendix(appendix, { ...common, credentials: test.agency })).toBuffer();
    for (const pdf of [stored, deferred]) {
      expect(pdf.subarray(0, appendix.length).equals(appendix)).toBe(true);
      expect(verifyPdfSignatures(pdf, test.trust).signatures.map((s) => [s.fieldName, s.intact, s.certificateTrusted])).toEqual([[FIELD_NAMES.appendixSignature, true, true]]);
      expect(pdfsigResults(pdf)).toMatchObject({ valid: 1, invalid: 0 });
    }
  });
});
