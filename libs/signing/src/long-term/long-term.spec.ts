import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSignedData } from '../crypto/cms-parser';
import { Oid } from '../crypto/oids';
import { isSigningError } from '../errors/signing-error';
import { fillNumberAndDate } from '../form/number-date-filler';
import { prepareDraft } from '../form/draft-preparer';
import { applyLeaderSignature } from '../signature/leader-signature';
import { applyOrganisationSignature } from '../signature/organisation-signature';
import { verifyPdfSignatures } from '../verification/pdf-signature-verifier';
import { buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool, runTool, tempFile } from '../../test/external-tools';
import { popplerSignatures } from '../../test/independent-checks';
import { AGENCY_NAME, createTestPki, LEADER_NAME, PKI_SETUP_TIMEOUT_MS, TestPki } from '../../test/pki-fixture';
import { OcspResponder, startOcspResponder } from '../../../../test/support/ocsp-responder';
import { startTimestampAuthority, TimestampAuthority } from '../../../../test/support/timestamp-authority';
import { parseCertificate } from '../certificates/certificate-parser';
import { PDFDict, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { qrRects } from '../appearance/verification-footer';
import { PdfObjectLoader } from '../pdf/pdf-object-loader';
import { PdfStructure } from '../pdf/pdf-structure';
import { decodeStreamContents } from '../pdf/stream-decoder';
import { renderPage, RenderedPage } from '../../test/rendered-page';
import { addDocumentTimestamp } from './document-timestamp';
import { timestampLastSignature } from './signature-timestamp';
import { addValidationData } from './validation-data';
import { BinaryPost, defaultBinaryPost } from './tsa-client';

/** `openssl ts -verify` of a token over `data`, against the TSA's root only. */
function opensslTsVerify(token: Buffer, data: Buffer, tsa: TimestampAuthority): { ok: boolean; output: string } {
  const dir = tempFile(`ts-${process.pid}-${Date.now()}`);
  mkdirSync(dir);
  writeFileSync(join(dir, 'token.der'), token);
  writeFileSync(join(dir, 'data.bin'), data);
  const result = runTool('openssl', ['ts', '-verify', '-data', join(dir, 'data.bin'), '-in', join(dir, 'token.der'), '-token_in', '-CAfile', tsa.rootPemFile]);
  const output = `${result.stdout}${result.stderr}`;
  return { ok: result.status === 0 && output.includes('Verification: OK'), output };
}

/** Dark pixels in a rectangle given in PDF points from the bottom left of the page. */
function countDark(page: RenderedPage, rect: { x: number; y: number; width: number; height: number }): number {
  let count = 0;
  const top = Math.floor(page.height - (rect.y + rect.height));
  for (let row = Math.max(0, top); row < Math.min(page.height, top + rect.height); row += 1) {
    for (let column = rect.x; column < rect.x + rect.width; column += 1) {
      const at = (row * page.width + column) * 3;
      if (page.pixels[at] < 80 && page.pixels[at + 1] < 80 && page.pixels[at + 2] < 80) count += 1;
    }
  }
  return count;
}

describe('PAdES B-T, B-LT and B-LTA with a real TSA (openssl ts) and OCSP responder (openssl ocsp)', () => {
  let test: TestPki;
  let tsa: TimestampAuthority;
  let ocsp: OcspResponder;
  let trust: TestPki['trust'];

  beforeAll(async () => {
    requireTool('pdfsig');
    requireTool('openssl');
    test = createTestPki();
    tsa = await startTimestampAuthority();
    ocsp = await startOcspResponder(test.pki.ca, [test.leader.certificate, test.agency.certificate]);
    trust = { trustAnchors: [test.pki.ca.certificate, tsa.rootCertificate] };
  }, PKI_SETUP_TIMEOUT_MS);

  afterAll(async () => {
    await tsa?.close();
    await ocsp?.stop();
  });

  async function sealedChain(): Promise<{ leaderSigned: Buffer; sealed: Buffer }> {
    const draft = await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT);
    const leader = await timestampLastSignature(await applyLeaderSignature(draft, {
      credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust,
    }), { url: tsa.url });
    const numbered = await fillNumberAndDate(leader.pdf, { documentNumber: 7, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() });
    const sealed = await applyOrganisationSignature(numbered, { credentials: test.agency, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust });
    const stamped = await timestampLastSignature(sealed, { url: tsa.url });
    return { leaderSigned: leader.pdf.toBuffer(), sealed: stamped.pdf.toBuffer() };
  }

  it('B-T: the token sits in the CMS, pdfsig keeps both signatures valid and openssl ts -verify accepts it', async () => {
    const { sealed } = await sealedChain();
    const poppler = popplerSignatures(sealed);
    expect(poppler.map((s) => s.valid)).toEqual([true, true]);
    const report = verifyPdfSignatures(sealed, trust);
    for (const signature of report.signatures) {
      expect(signature.intact).toBe(true);
      expect(signature.timestamp?.intact).toBe(true);
      expect(signature.longTerm?.level).toBe('B-T');
      expect(signature.longTerm?.provenAt).toBe(signature.timestamp?.time);
    }
    // The token as openssl sees it: over the signature value, checked against the TSA root alone.
    const contents = /\/Contents <([0-9a-f]+)>/g;
    const tokens = [...sealed.toString('latin1').matchAll(contents)].map((m) => parseSignedData(Buffer.from(m[1], 'hex')).signers[0]);
    for (const signer of tokens) {
      const token = signer.unsignedAttributes.get(Oid.signatureTimeStampToken)?.[0] as Buffer;
      const verified = opensslTsVerify(token, signer.signature, tsa);
      expect(verified.output).toContain('Verification: OK');
    }
  });

  it('B-LT then B-LTA: the DSS holds the chain and OCSP answers; a document time-stamp covers it; the signatures are judged at the time-stamp', async () => {
    const { sealed } = await sealedChain();
    const lt = await addValidationData(sealed, { trust, ocsp: { url: ocsp.url } });
    expect(lt.warnings).toEqual([]);
    expect(lt.checked).toHaveLength(3); // leader, agency and the TSA certificate
    const ltBytes = lt.pdf.toBuffer();
    expect(ltBytes.subarray(0, sealed.length).equals(sealed)).toBe(true);
    const ltReport = verifyPdfSignatures(ltBytes, trust);
    expect(ltReport.signatures.map((s) => s.longTerm?.level)).toEqual(['B-LT', 'B-LT']);
    expect(ltReport.signatures.every((s) => s.longTerm?.validLongTerm)).toBe(true);
    expect(ltReport.onlyAllowedChangesAfterFirstSignature).toBe(true);

    const lta = await addDocumentTimestamp(lt.pdf, { url: tsa.url });
    const ltaBytes = lta.pdf.toBuffer();
    const report = verifyPdfSignatures(ltaBytes, trust);
    expect(report.signatures.map((s) => [s.kind, s.longTerm?.level])).toEqual([
      ['signature', 'B-LTA'], ['signature', 'B-LTA'], ['documentTimestamp', undefined],
    ]);
    expect(report.signatures[2].intact).toBe(true);
    expect(report.onlyAllowedChangesAfterFirstSignature).toBe(true);
    const poppler = popplerSignatures(ltaBytes);
    expect(poppler.slice(0, 2).map((s) => s.valid)).toEqual([true, true]);
    // The document time-stamp, extracted by pdfsig, over the ranges pdfsig reports.
    const dir = tempFile(`dts-${process.pid}-${Date.now()}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'f.pdf'), ltaBytes);
    runTool('pdfsig', ['-dump', join(dir, 'f.pdf')], { cwd: dir });
    const last = poppler[2];
    const data = Buffer.concat(last.ranges.map(([s, e]) => ltaBytes.subarray(s, e)));
    const token = readFileSync(join(dir, 'f.pdf.sig2'));
    expect(opensslTsVerify(token, data, tsa).output).toContain('Verification: OK');
  });

  it('B-LT over the pieces of the sealed result is byte-identical to B-LT over the joined file, and shares its pieces; B-LTA goes on over them', async () => {
    const draft = await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT);
    const leader = (await timestampLastSignature(await applyLeaderSignature(draft, {
      credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust,
    }), { url: tsa.url })).pdf;
    const numbered = await fillNumberAndDate(leader, { documentNumber: 11, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() });
    const sealed = (await timestampLastSignature(
      await applyOrganisationSignature(numbered, { credentials: test.agency, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust }),
      { url: tsa.url },
    )).pdf;
    // The same OCSP answers for both runs (the responder signs a fresh producedAt each time).
    const answers = new Map<string, Promise<{ status: number; body: Buffer }>>();
    const post: BinaryPost = (url, body, contentType, timeoutMs) => {
      const key = body.toString('hex');
      if (!answers.has(key)) answers.set(key, defaultBinaryPost(url, body, contentType, timeoutMs));
      return answers.get(key) as Promise<{ status: number; body: Buffer }>;
    };
    const overPieces = await addValidationData(sealed, { trust, ocsp: { url: ocsp.url, post } });
    const overJoined = await addValidationData(Buffer.from(sealed.toBuffer()), { trust, ocsp: { url: ocsp.url, post } });
    expect(overPieces.warnings).toEqual([]);
    expect(Buffer.concat(overPieces.pdf.parts()).equals(overJoined.pdf.toBuffer())).toBe(true);
    const sealedParts = sealed.parts();
    expect(overPieces.pdf.parts()).toHaveLength(sealedParts.length + 1);
    sealedParts.forEach((part, i) => expect(overPieces.pdf.parts()[i]).toBe(part));
    expect(verifyPdfSignatures(overPieces.pdf, trust).signatures.map((s) => s.longTerm?.level)).toEqual(['B-LT', 'B-LT']);

    const lta = await addDocumentTimestamp(overPieces.pdf, { url: tsa.url });
    expect(lta.pdf.parts()).toHaveLength(sealedParts.length + 2);
    expect(lta.pdf.parts()[0]).toBe(sealedParts[0]);
    const ltaBytes = lta.pdf.toBuffer();
    expect(verifyPdfSignatures(ltaBytes, trust).signatures.map((s) => [s.kind, s.longTerm?.level, s.intact])).toEqual([
      ['signature', 'B-LTA', true], ['signature', 'B-LTA', true], ['documentTimestamp', undefined, true],
    ]);
    // pdfsig judges the two signatures; the document time-stamp is checked by openssl in the test above.
    expect(popplerSignatures(ltaBytes).slice(0, 2).map((s) => s.valid)).toEqual([true, true]);
  });

  it('the verification footer (link + QR code) is in the seal\'s revision: both signatures stay valid and it counts as an annotation', async () => {
    const url = 'https://vanban.example.gov.vn/verify/Zt3q9XkF2LmPa8RwYc4HbN';
    const draft = await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT);
    const leader = await applyLeaderSignature(draft, { credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust });
    const numbered = await fillNumberAndDate(leader, { documentNumber: 9, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() });
    const sealed = (await applyOrganisationSignature(numbered, {
      credentials: test.agency, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust, verificationLink: { url },
    })).toBuffer();
    expect(popplerSignatures(sealed).map((s) => s.valid)).toEqual([true, true]);
    const report = verifyPdfSignatures(sealed, trust);
    expect(report.onlyAllowedChangesAfterFirstSignature).toBe(true);
    expect(report.revisions.at(-1)?.details.some((d) => d.kind === 'ANNOTATION')).toBe(true);
    // The stamp names the link, and its appearance draws exactly the QR code qrcode makes for it.
    const structure = PdfStructure.read(sealed);
    const context = new PdfObjectLoader(structure).loadContext();
    const stamp = context.enumerateIndirectObjects().map(([, o]) => o)
      .find((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('Subtype')) === PDFName.of('Stamp')) as PDFDict;
    expect((stamp.lookup(PDFName.of('Contents')) as PDFString).decodeText()).toBe(url);
    const appearance = (stamp.lookup(PDFName.of('AP')) as PDFDict).lookup(PDFName.of('N')) as PDFRawStream;
    const operators = Buffer.from(decodeStreamContents(appearance)).toString('latin1');
    expect(operators.match(/ re/g)?.length).toBe(qrRects(url, 56).length);
    const page = renderPage(sealed, 1, 'footer');
    expect(countDark(page, { x: 42, y: 8, width: 56, height: 56 })).toBeGreaterThan(100);
  });

  it('a revoked signer shows in the long-term report; a TSA that is down is TSA_UNAVAILABLE; an OCSP responder that is down is a warning', async () => {
    const { sealed } = await sealedChain();
    await tsa.down();
    try {
      const unsigned = await applyOrganisationSignature(
        await fillNumberAndDate(await applyLeaderSignature(await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT), {
          credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust,
        }), { documentNumber: 8, notation: 'QĐ-SGDĐT', place: 'Tây Ninh', issueDate: new Date() }),
        { credentials: test.agency, agencyName: AGENCY_NAME, sealImage: test.pki.sealImage, trust },
      );
      const error = await timestampLastSignature(unsigned, { url: tsa.url, timeoutMs: 2000 }).catch((e: unknown) => e);
      expect(isSigningError(error, 'TSA_UNAVAILABLE')).toBe(true);
    } finally {
      await tsa.up();
    }
    const down = await addValidationData(sealed, { trust, ocsp: { url: 'http://127.0.0.1:9/', timeoutMs: 2000 } });
    expect(down.warnings.length).toBeGreaterThan(0);
    expect(verifyPdfSignatures(down.pdf.toBuffer(), trust).signatures.map((s) => s.longTerm?.level)).toEqual(['B-T', 'B-T']);

    ocsp.revoke(test.agency.certificate, new Date(Date.now() - 60_000));
    try {
      const error = await addValidationData(sealed, { trust, ocsp: { url: ocsp.url } }).catch((e: unknown) => e);
      expect(isSigningError(error, 'CERTIFICATE_REVOKED')).toBe(true);
      expect(parseCertificate(test.agency.certificate).serialNumber).toBeTruthy();
    } finally {
      // later tests in this file start from a fresh responder state
    }
  });
});
