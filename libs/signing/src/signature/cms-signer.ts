import { sign } from 'node:crypto';
import { SigningError } from '../errors/signing-error';
import { parseCertificate, ParsedCertificate } from '../certificates/certificate-parser';
import { SigningCredentials } from '../certificates/signing-credentials';
import { buildSignedAttributes, buildSignedData, signatureAlgorithmFor, SignatureAlgorithm } from '../crypto/cms-builder';
import { verifySignatureValue } from '../crypto/cms-verifier';
import { Oid } from '../crypto/oids';
import { UpdatedPdf } from '../pdf/updated-pdf';
import { embedCmsInPlace } from './signature-placeholder';
import { PreparedSignature } from './signature-revision';

/** Signs the prepared revision with a local key and returns the final PDF (the prepared revision, filled in). */
export function signPreparedRevision(prepared: PreparedSignature, credentials: SigningCredentials): UpdatedPdf {
  const signer = parseCertificate(credentials.certificate);
  const algorithm = signatureAlgorithmFor(credentials.privateKey);
  const signedAttributes = buildSignedAttributes(prepared.documentDigest, signer);
  const signature = algorithm.oid === Oid.ecdsaWithSha256
    ? sign('sha256', signedAttributes, { key: credentials.privateKey, dsaEncoding: 'der' })
    : sign('sha256', signedAttributes, credentials.privateKey);
  // A key that does not belong to the certificate would produce a PDF no one can verify.
  if (!verifySignatureValue(algorithm.oid, Oid.sha256, signedAttributes, signer.x509.publicKey, signature)) {
    throw new SigningError('SIGNATURE_MISMATCH', 'The private key does not match the signing certificate');
  }
  const cms = assembleCms(signedAttributes, signature, signer, credentials.chain.map((der) => parseCertificate(der)), algorithm);
  embedCmsInPlace(prepared.pdf.tail, prepared.pdf.headLength, prepared.byteRange, cms);
  return prepared.pdf;
}

export function assembleCms(
  signedAttributes: Buffer,
  signature: Buffer,
  signer: ParsedCertificate,
  chain: ParsedCertificate[],
  algorithm: SignatureAlgorithm,
): Buffer {
  return buildSignedData({ signedAttributes, signature, signer, certificates: [signer, ...chain], algorithm });
}

