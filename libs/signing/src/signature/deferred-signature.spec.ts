import { constants, sign } from 'node:crypto';
import { PDFName, PDFString } from 'pdf-lib';
import { readFileSync, writeFileSync } from 'node:fs';
import { toPem } from '../certificates/certificate-parser';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfUpdate } from '../pdf/pdf-update';
import { verifyPdfSignatures } from '../verification/pdf-signature-verifier';
import { buildDecisionSource, DECISION_LAYOUT } from '../../test/draft-fixtures';
import { requireTool, runTool, tempFile } from '../../test/external-tools';
import { pdfsigResults } from '../../test/pdf-checks';
import { opensslVerifications } from '../../test/independent-checks';
import { createTestPki, LEADER_NAME, PKI_SETUP_TIMEOUT_MS, TestPki } from '../../test/pki-fixture';
import { prepareDraft } from '../form/draft-preparer';
import { completeDeferredSignature, prepareDeferredSignature, PreparedDeferredSignature } from './deferred-signature';
import { applyLeaderSignature } from './leader-signature';
import { signedChunks } from './signature-placeholder';
import { acceptUploadedSignedPdf } from './uploaded-pdf-acceptor';

describe('deferred signing (USB token on the leader’s computer)', () => {
  let test: TestPki;
  let draft: Buffer;

  beforeAll(async () => {
    requireTool('pdfsig');
    requireTool('openssl');
    test = createTestPki();
    draft = (await prepareDraft(await buildDecisionSource(false), DECISION_LAYOUT)).toBuffer();
  }, PKI_SETUP_TIMEOUT_MS);

  function prepare(reservedBytes?: number): Promise<PreparedDeferredSignature> {
    return prepareDeferredSignature(draft, {
      certificate: test.leader.certificate,
      chain: test.leader.chain,
      signerName: LEADER_NAME,
      signatureImage: test.pki.signatureImage,
      trust: test.trust,
      reservedBytes,
    });
  }

  /** What a client plugin does with only the signer's key: sign the DER signed attributes. */
  const tokenSign = (prepared: PreparedDeferredSignature, key = test.leader.privateKey): Buffer =>
    sign('sha256', prepared.signedAttributes, key);

  /** A whole CMS made by another implementation (OpenSSL) over the prepared ByteRange. */
  function opensslCms(prepared: PreparedDeferredSignature, content?: Buffer): Buffer {
    const signed = content ?? Buffer.concat(signedChunks(prepared.preparedPdf.toBuffer(), prepared.state.byteRange));
    writeFileSync(tempFile('leader-key.pem'), test.leader.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    writeFileSync(tempFile('leader-cert.pem'), toPem(test.leader.certificate));
    const result = runTool('openssl', ['cms', '-sign', '-binary', '-md', 'sha256', '-nosmimecap', '-outform', 'DER',
      '-in', tempFile('byterange.bin', signed), '-signer', tempFile('leader-cert.pem'), '-inkey', tempFile('leader-key.pem'), '-out', tempFile('client.p7s')]);
    if (result.status !== 0) throw new Error(result.stderr);
    return readFileSync(tempFile('client.p7s'));
  }

  it('returns a serialisable state and the digest to sign, then embeds a raw token signature', async () => {
    const prepared = await prepare();
    const state = JSON.parse(JSON.stringify(prepared.state));
    expect(prepared.digestToSign).toHaveLength(32);
    const signed = completeDeferredSignature(prepared.preparedPdf, state, { signature: tokenSign(prepared) }).toBuffer();
    expect(signed.subarray(0, draft.length).equals(draft)).toBe(true);
    expect(pdfsigResults(signed)).toMatchObject({ valid: 1, invalid: 0 });
    expect(verifyPdfSignatures(signed, test.trust).signatures[0]).toMatchObject({ intact: true, certificateTrusted: true, coversWholeDocument: true });
  });

  it('accepts an RSASSA-PSS signature (SHA-256, 32-byte salt), as some remote services return; pdfsig and openssl agree', async () => {
    const prepared = await prepare();
    const pss = sign('sha256', prepared.signedAttributes, { key: test.leader.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 });
    const signed = completeDeferredSignature(prepared.preparedPdf, prepared.state, { signature: pss }).toBuffer();
    expect(pdfsigResults(signed)).toMatchObject({ valid: 1, invalid: 0 });
    expect(verifyPdfSignatures(signed, test.trust).signatures[0]).toMatchObject({ intact: true, certificateTrusted: true });
    expect(opensslVerifications(signed, test.pki.ca.certificate).map((v) => v.verified)).toEqual([true]);
    // A PSS signature with another salt length than the one declared is still refused.
    const otherSalt = sign('sha256', prepared.signedAttributes, { key: test.leader.privateKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 20 });
    expect(() => completeDeferredSignature(prepared.preparedPdf, prepared.state, { signature: otherSalt })).toThrow(/does not verify/);
  });

  it('accepts a whole CMS built by the client (here OpenSSL)', async () => {
    const prepared = await prepare();
    const signed = completeDeferredSignature(prepared.preparedPdf, prepared.state, { cms: opensslCms(prepared) }).toBuffer();
    expect(pdfsigResults(signed)).toMatchObject({ valid: 1, invalid: 0 });
    expect(verifyPdfSignatures(signed, test.trust).signatures[0].intact).toBe(true);
  });

  it('refuses a signature made with another key, a CMS over other bytes or by another certificate', async () => {
    const prepared = await prepare();
    expect(() => completeDeferredSignature(prepared.preparedPdf, prepared.state, { signature: tokenSign(prepared, test.agency.privateKey) }))
      .toThrow(expect.objectContaining({ code: 'SIGNATURE_MISMATCH' }));
    expect(() => completeDeferredSignature(prepared.preparedPdf, prepared.state, { cms: opensslCms(prepared, Buffer.from('other document')) }))
      .toThrow(expect.objectContaining({ code: 'SIGNATURE_MISMATCH' }));
    const other = await prepareDeferredSignature(draft, {
      certificate: test.agency.certificate, chain: test.agency.chain, signerName: 'x', signatureImage: test.pki.signatureImage, trust: test.trust,
    });
    expect(() => completeDeferredSignature(other.preparedPdf, other.state, { cms: opensslCms(other) }))
      .toThrow(expect.objectContaining({ code: 'SIGNATURE_MISMATCH' }));
  });

  it('refuses a CMS larger than the reserved space, and a PDF other than the prepared one', async () => {
    const small = await prepare(1024);
    expect(() => completeDeferredSignature(small.preparedPdf, small.state, { signature: tokenSign(small) }))
      .toThrow(expect.objectContaining({ code: 'SIGNATURE_TOO_LARGE' }));
    const prepared = await prepare();
    const altered = Buffer.from(prepared.preparedPdf.toBuffer());
    altered[100] ^= 1;
    expect(() => completeDeferredSignature(altered, prepared.state, { signature: tokenSign(prepared) }))
      .toThrow(expect.objectContaining({ code: 'DEFERRED_STATE_MISMATCH' }));
  });

  describe('signed PDF uploaded back by a client plugin', () => {
    const pluginSign = async (pdf: Uint8Array) => (await applyLeaderSignature(pdf, {
      credentials: test.leader, signerName: LEADER_NAME, signatureImage: test.pki.signatureImage, trust: test.trust,
    })).toBuffer();

    it('accepts the sent bytes plus a signature revision', async () => {
      const uploaded = await pluginSign(draft);
      const report = acceptUploadedSignedPdf({ sentPdf: draft, uploadedPdf: uploaded, trust: test.trust, fieldName: 'LeaderSignature' });
      expect(report.signatures).toHaveLength(1);
      expect(() => acceptUploadedSignedPdf({ sentPdf: draft, uploadedPdf: uploaded, trust: test.trust, fieldName: 'Other' }))
        .toThrow(expect.objectContaining({ code: 'FIELD_MISSING' }));
    });

    it('refuses an upload that does not start with the sent bytes', async () => {
      const otherDraft = (await prepareDraft(await buildDecisionSource(true), DECISION_LAYOUT)).toBuffer();
      const uploaded = await pluginSign(otherDraft);
      expect(() => acceptUploadedSignedPdf({ sentPdf: draft, uploadedPdf: uploaded, trust: test.trust }))
        .toThrow(expect.objectContaining({ code: 'PREFIX_MISMATCH' }));
      expect(() => acceptUploadedSignedPdf({ sentPdf: draft, uploadedPdf: draft, trust: test.trust }))
        .toThrow(expect.objectContaining({ code: 'PREFIX_MISMATCH' }));
    });

    it('refuses an upload whose signature does not verify', async () => {
      const uploaded = Buffer.from(await pluginSign(draft));
      // A letter inside the new signature dictionary: still a well-formed PDF, but covered by the signature.
      uploaded[uploaded.indexOf('/Adobe.PPKLite', draft.length) + 1] = 'a'.charCodeAt(0);
      expect(() => acceptUploadedSignedPdf({ sentPdf: draft, uploadedPdf: uploaded, trust: test.trust }))
        .toThrow(expect.objectContaining({ code: 'SIGNATURE_INVALID' }));
    });

    it('refuses an upload that changed more than a signature before signing', async () => {
      const update = PdfUpdate.open(draft);
      update.catalog.set(PDFName.of('OpenAction'), PDFString.of('surprise'));
      update.markModified(update.catalogRef);
      const uploaded = await pluginSign(update.writeFile().toBuffer());
      expect(PdfStructure.read(uploaded).revisions.length).toBe(PdfStructure.read(draft).revisions.length + 2);
      expect(() => acceptUploadedSignedPdf({ sentPdf: draft, uploadedPdf: uploaded, trust: test.trust }))
        .toThrow(expect.objectContaining({ code: 'DISALLOWED_CHANGES' }));
    });
  });
});
