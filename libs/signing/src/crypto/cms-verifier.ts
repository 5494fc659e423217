import { constants, createHash, KeyObject, verify } from 'node:crypto';
import { parseCertificate, ParsedCertificate } from '../certificates/certificate-parser';
import { decodeOid, derContent, readDer } from './der-reader';
import { messageDigestOf, ParsedSignedData, ParsedSignerInfo, signingCertificateHashOf } from './cms-parser';
import { DIGEST_BY_OID, Oid } from './oids';

const RSA_SIGNATURES: Record<string, string | undefined> = {
  [Oid.rsaEncryption]: undefined, // hash taken from the SignerInfo digest algorithm
  [Oid.sha1WithRsa]: 'sha1',
  [Oid.sha256WithRsa]: 'sha256',
  [Oid.sha384WithRsa]: 'sha384',
  [Oid.sha512WithRsa]: 'sha512',
};
const ECDSA_SIGNATURES: Record<string, string> = {
  [Oid.ecdsaWithSha256]: 'sha256',
  [Oid.ecdsaWithSha384]: 'sha384',
  [Oid.ecdsaWithSha512]: 'sha512',
};

/** Verifies an RSA PKCS#1 v1.5 or ECDSA signature; false (never a throw) when it does not verify. */
export function verifySignatureValue(
  signatureAlgorithm: string,
  digestAlgorithm: string,
  data: Buffer,
  key: KeyObject,
  signature: Buffer,
): boolean {
  try {
    if (signatureAlgorithm in RSA_SIGNATURES) {
      const hash = RSA_SIGNATURES[signatureAlgorithm] ?? DIGEST_BY_OID[digestAlgorithm];
      return !!hash && verify(hash, data, { key, padding: constants.RSA_PKCS1_PADDING }, signature);
    }
    const hash = ECDSA_SIGNATURES[signatureAlgorithm];
    return !!hash && verify(hash, data, { key, dsaEncoding: 'der' }, signature);
  } catch {
    return false;
  }
}

export interface CmsVerification {
  signer?: ParsedCertificate;
  certificates: ParsedCertificate[];
  digestMatches: boolean;
  signatureValid: boolean;
  /** undefined when the signature carries no signing-certificate(-v2) attribute */
  signingCertificateMatches?: boolean;
  intact: boolean;
  problems: string[];
}

/** The digest of the signed content with a given algorithm (a node hash name such as `sha256`). */
export type ContentDigest = (algorithm: string) => Buffer;

/** Checks a detached CMS signature over the content that `digestContent` hashes (the PDF's ByteRange). */
export function verifyDetachedCms(cms: ParsedSignedData, digestContent: ContentDigest): CmsVerification {
  const certificates = cms.certificates.flatMap((der) => tryParse(der));
  const problems: string[] = [];
  const info = cms.signers[0];
  if (!info || cms.signers.length !== 1) problems.push(`expected exactly one signer, found ${cms.signers.length}`);
  if (!info) return { certificates, digestMatches: false, signatureValid: false, intact: false, problems };
  if (cms.hasEncapsulatedContent) problems.push('the CMS carries content; a detached signature was expected');

  const digestName = DIGEST_BY_OID[info.digestAlgorithm];
  const actualDigest = digestName ? digestContent(digestName) : undefined;
  const claimedDigest = messageDigestOf(info);
  const digestMatches = !!actualDigest && !!claimedDigest && actualDigest.equals(claimedDigest);
  if (!digestName) problems.push(`unsupported digest algorithm ${info.digestAlgorithm}`);
  else if (!digestMatches) problems.push('the document digest does not match the signed messageDigest');
  if (contentTypeOf(info) !== Oid.data) problems.push('contentType attribute missing or not id-data');

  const signer = findSigner(info, certificates);
  const signatureValid = !!signer && !!info.signedAttributes &&
    verifySignatureValue(info.signatureAlgorithm, info.digestAlgorithm, info.signedAttributes, signer.x509.publicKey, info.signature);
  if (!signer) problems.push('the signer certificate is not in the signature');
  else if (!signatureValid) problems.push('the cryptographic signature does not verify with the signer certificate');

  const signingCertificateMatches = signer ? checkSigningCertificate(info, signer) : undefined;
  if (signingCertificateMatches === false) problems.push('signing-certificate-v2 does not match the signer certificate');
  const intact = digestMatches && signatureValid && signingCertificateMatches !== false && problems.length === 0;
  return { signer, certificates, digestMatches, signatureValid, signingCertificateMatches, intact, problems };
}

function tryParse(der: Buffer): ParsedCertificate[] {
  try {
    return [parseCertificate(der)];
  } catch {
    return [];
  }
}

function contentTypeOf(info: ParsedSignerInfo): string | undefined {
  const value = info.attributes.get(Oid.contentType)?.[0];
  if (!value) return undefined;
  return decodeOid(derContent(value, readDer(value)));
}

export function findSigner(info: ParsedSignerInfo, certificates: ParsedCertificate[]): ParsedCertificate | undefined {
  if (info.issuerDer && info.serialContent) {
    const serial = info.serialContent;
    const byIssuerSerial = certificates.find((c) =>
      c.issuerDer.equals(info.issuerDer as Buffer) && derContent(c.serialNumberDer, readDer(c.serialNumberDer)).equals(serial));
    if (byIssuerSerial) return byIssuerSerial;
  }
  // subjectKeyIdentifier sids (or sloppy issuer encodings): the certificate whose key verifies.
  return certificates.find((c) =>
    !!info.signedAttributes &&
    verifySignatureValue(info.signatureAlgorithm, info.digestAlgorithm, info.signedAttributes, c.x509.publicKey, info.signature));
}

function checkSigningCertificate(info: ParsedSignerInfo, signer: ParsedCertificate): boolean | undefined {
  const bound = signingCertificateHashOf(info);
  if (!bound) return undefined;
  const algorithm = DIGEST_BY_OID[bound.algorithm];
  return !!algorithm && createHash(algorithm).update(signer.der).digest().equals(bound.hash);
}
