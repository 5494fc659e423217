import { SigningError } from '../errors/signing-error';
import { CertificateInput, certificateDer, parseCertificate, ParsedCertificate } from '../certificates/certificate-parser';
import { buildSignedAttributes, rsaPssSha256, sha256, SignatureAlgorithm } from '../crypto/cms-builder';
import { messageDigestOf, parseSignedData } from '../crypto/cms-parser';
import { findSigner, verifySignatureValue } from '../crypto/cms-verifier';
import { Oid } from '../crypto/oids';
import { PdfStructure } from '../pdf/pdf-structure';
import { PdfInput, pdfBytes, UpdatedPdf } from '../pdf/updated-pdf';
import { assembleCms } from './cms-signer';
import { checkSignerCertificate, LeaderAppearanceOptions, prepareLeaderRevision } from './leader-signature';
import { ByteRangeDigester } from './byte-range-digester';
import { ByteRange, embedCmsInPlace } from './signature-placeholder';
import type { PreparedSignature } from './signature-revision';

/** What `complete` needs later; JSON-serialisable, so the caller can keep it in its database. */
export interface DeferredSigningState {
  version: 1;
  /** SHA-256 (hex) of the prepared PDF the caller must hand back unchanged. */
  preparedPdfSha256: string;
  byteRange: ByteRange;
  /** Base64 SHA-256 over the ByteRange. */
  documentDigest: string;
  /** Base64 DER of the signed attributes (universal SET tag): the bytes the token signs. */
  signedAttributes: string;
  /** Base64 DER certificates: signer first, then its chain. */
  certificates: string[];
  signingTime: string;
}

export interface DeferredSignatureOptions extends LeaderAppearanceOptions {
  /** The certificate on the leader's USB token, read by the client plugin. */
  certificate: CertificateInput;
  chain?: CertificateInput[];
}

export interface PreparedDeferredSignature {
  /** Store this (file store) and pass it back to `completeDeferredSignature`. */
  preparedPdf: UpdatedPdf;
  state: DeferredSigningState;
  /** DER signed attributes, for tokens that hash and sign the data themselves. */
  signedAttributes: Buffer;
  /** SHA-256 of `signedAttributes`, for tokens that sign a pre-computed SHA-256 hash. */
  digestToSign: Buffer;
}

/** Either the raw signature over the signed attributes, or a whole detached CMS made by the client. */
export type DeferredSignatureResponse = { signature: Uint8Array } | { cms: Uint8Array };

/** Step 1 of remote signing: builds the revision and the signed attributes the token must sign. */
export async function prepareDeferredSignature(pdf: PdfInput, options: DeferredSignatureOptions): Promise<PreparedDeferredSignature> {
  const signingTime = options.signingTime ?? new Date();
  const signer = parseCertificate(options.certificate);
  const chain = (options.chain ?? []).map((c) => certificateDer(c));
  checkSignerCertificate(signer.der, chain, options, signingTime);
  return deferredFrom(await prepareLeaderRevision(pdf, options, signingTime), signer, chain, signingTime);
}

/**
 * A prepared revision as a deferred signature: the signed attributes the key must sign and the JSON
 * state `completeDeferredSignature` checks the answer against (the leader's and the seal's alike).
 */
export function deferredFrom(prepared: PreparedSignature, signer: ParsedCertificate, chain: Buffer[], signingTime: Date): PreparedDeferredSignature {
  const signedAttributes = buildSignedAttributes(prepared.documentDigest, signer);
  return {
    preparedPdf: prepared.pdf,
    signedAttributes,
    digestToSign: sha256(signedAttributes),
    state: {
      version: 1,
      preparedPdfSha256: prepared.digester.digestWhole('sha256').toString('hex'),
      byteRange: prepared.byteRange,
      documentDigest: prepared.documentDigest.toString('base64'),
      signedAttributes: signedAttributes.toString('base64'),
      certificates: [signer.der, ...chain].map((der) => der.toString('base64')),
      signingTime: signingTime.toISOString(),
    },
  };
}

/** Step 2: checks what the client returned and embeds it. */
export function completeDeferredSignature(preparedPdf: PdfInput, state: DeferredSigningState, response: DeferredSignatureResponse): UpdatedPdf {
  if (state.version !== 1) throw new SigningError('DEFERRED_STATE_MISMATCH', `Unknown deferred signing state version ${String(state.version)}`);
  const pdf = pdfBytes(preparedPdf);
  // Both digests in one pass: the byte range's prefix first, then the whole file.
  const digester = new ByteRangeDigester(pdf);
  const rangeDigest = digester.digestByteRange('sha256', state.byteRange);
  if (digester.digestWhole('sha256').toString('hex') !== state.preparedPdfSha256) {
    throw new SigningError('DEFERRED_STATE_MISMATCH', 'The PDF is not the one prepared for this signature');
  }
  const documentDigest = Buffer.from(state.documentDigest, 'base64');
  if (!rangeDigest.equals(documentDigest)) {
    throw new SigningError('DEFERRED_STATE_MISMATCH', 'The prepared PDF no longer matches its recorded digest');
  }
  const [signer, ...chain] = state.certificates.map((b64) => parseCertificate(Buffer.from(b64, 'base64')));
  const cms = 'signature' in response
    ? cmsFromRawSignature(Buffer.from(state.signedAttributes, 'base64'), Buffer.from(response.signature), signer, chain)
    : checkClientCms(Buffer.from(response.cms), documentDigest, signer);
  // The CMS goes into a copy of the signature's revision (tens of kilobytes), never into the caller's
  // bytes. The whole revision, not just /Contents on: later steps (B-T in place, the B-LT revision
  // read over the parts) need its objects and its /ByteRange in one piece.
  const contentsAt = state.byteRange[1];
  const revisions = PdfStructure.read(pdf).revisions;
  const revisionStart = Math.min(contentsAt, revisions.length > 1 ? revisions[revisions.length - 2].endOffset : contentsAt);
  const signed = new UpdatedPdf(pdf.subarray(0, revisionStart), Buffer.from(pdf.subarray(revisionStart)));
  embedCmsInPlace(signed.tail, revisionStart, state.byteRange, cms);
  return signed;
}

function cmsFromRawSignature(signedAttributes: Buffer, signature: Buffer, signer: ParsedCertificate, chain: ParsedCertificate[]): Buffer {
  const keyType = signer.x509.publicKey.asymmetricKeyType;
  const candidates: SignatureAlgorithm[] = keyType === 'ec'
    ? [{ oid: Oid.ecdsaWithSha256, nullParameters: false }]
    // An RSA key may sign PKCS#1 v1.5 or, with some remote services and HSMs, RSASSA-PSS.
    : [{ oid: Oid.sha256WithRsa, nullParameters: true }, rsaPssSha256(32)];
  const algorithm = candidates.find((candidate) =>
    verifySignatureValue(candidate.oid, Oid.sha256, signedAttributes, signer.x509.publicKey, signature, candidate.parameters));
  if (!algorithm) {
    throw new SigningError('SIGNATURE_MISMATCH', 'The returned signature does not verify with the prepared certificate over the signed attributes');
  }
  return assembleCms(signedAttributes, signature, signer, chain, algorithm);
}

function checkClientCms(der: Buffer, documentDigest: Buffer, expectedSigner: ParsedCertificate): Buffer {
  const cms = parseSignedData(der);
  const info = cms.signers[0];
  if (cms.signers.length !== 1 || cms.hasEncapsulatedContent) {
    throw new SigningError('SIGNATURE_MISMATCH', 'The CMS must be detached and have exactly one signer');
  }
  if (!messageDigestOf(info)?.equals(documentDigest)) {
    throw new SigningError('SIGNATURE_MISMATCH', 'The CMS signs a different document (messageDigest mismatch)');
  }
  const certificates = cms.certificates.map((c) => parseCertificate(c));
  const signer = findSigner(info, certificates);
  if (!signer || !signer.der.equals(expectedSigner.der)) {
    throw new SigningError('SIGNATURE_MISMATCH', 'The CMS was not made with the certificate this signature was prepared for');
  }
  if (!info.signedAttributes || !verifySignatureValue(
    info.signatureAlgorithm, info.digestAlgorithm, info.signedAttributes, signer.x509.publicKey, info.signature, info.signatureAlgorithmParameters,
  )) {
    throw new SigningError('SIGNATURE_MISMATCH', 'The CMS signature value does not verify');
  }
  return cms.der;
}
