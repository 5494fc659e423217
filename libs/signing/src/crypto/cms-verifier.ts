import { constants, createHash, KeyObject, verify } from 'node:crypto';
import { parseCertificate, ParsedCertificate } from '../certificates/certificate-parser';
import { contextTag, decodeOid, derChildren, derContent, readDer } from './der-reader';
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

/** Verifies an RSA PKCS#1 v1.5, RSASSA-PSS or ECDSA signature; false (never a throw) when it does not verify. */
export function verifySignatureValue(
  signatureAlgorithm: string,
  digestAlgorithm: string,
  data: Buffer,
  key: KeyObject,
  signature: Buffer,
  parameters?: Buffer,
): boolean {
  try {
    if (signatureAlgorithm === Oid.rsassaPss) {
      const pss = parsePssParameters(parameters);
      return verify(pss.hash, data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: pss.saltLength }, signature);
    }
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

/**
 * RSASSA-PSS-params (RFC 4055 §3.1): hash [0], mask generation [1], salt length [2]. node's
 * verifier uses the same hash for MGF1, which is what every profile in use (RFC 5756) requires.
 */
export function parsePssParameters(parameters: Buffer | undefined): { hash: string; saltLength: number } {
  const result = { hash: 'sha1', saltLength: 20 };
  if (!parameters) return result;
  const sequence = readDer(parameters);
  for (const field of derChildren(parameters, sequence)) {
    const inner = derChildren(parameters, field)[0];
    if (field.tag === contextTag(0)) {
      const hash = DIGEST_BY_OID[decodeOid(derContent(parameters, derChildren(parameters, inner)[0]))];
      if (!hash) throw new Error('unsupported PSS hash');
      result.hash = hash;
    } else if (field.tag === contextTag(2)) {
      result.saltLength = derContent(parameters, inner).reduce((value, byte) => value * 256 + byte, 0);
    }
  }
  return result;
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

export interface CmsShape {
  /** The contentType the signed attributes must carry (default id-data). */
  contentType?: string;
  /** The content is inside the CMS (a time-stamp token's TSTInfo) rather than detached. */
  encapsulated?: boolean;
}

/** Checks a detached CMS signature over the content that `digestContent` hashes (the PDF's ByteRange). */
export function verifyDetachedCms(cms: ParsedSignedData, digestContent: ContentDigest, shape: CmsShape = {}): CmsVerification {
  const certificates = cms.certificates.flatMap((der) => tryParse(der));
  const problems: string[] = [];
  const info = cms.signers[0];
  if (!info || cms.signers.length !== 1) problems.push(`expected exactly one signer, found ${cms.signers.length}`);
  if (!info) return { certificates, digestMatches: false, signatureValid: false, intact: false, problems };
  if (!shape.encapsulated && cms.hasEncapsulatedContent) problems.push('the CMS carries content; a detached signature was expected');

  const digestName = DIGEST_BY_OID[info.digestAlgorithm];
  const actualDigest = digestName ? digestContent(digestName) : undefined;
  const claimedDigest = messageDigestOf(info);
  const digestMatches = !!actualDigest && !!claimedDigest && actualDigest.equals(claimedDigest);
  if (!digestName) problems.push(`unsupported digest algorithm ${info.digestAlgorithm}`);
  else if (!digestMatches) problems.push('the document digest does not match the signed messageDigest');
  if (contentTypeOf(info) !== (shape.contentType ?? Oid.data)) problems.push(`contentType attribute missing or not ${shape.contentType ?? 'id-data'}`);

  const signer = findSigner(info, certificates);
  const signatureValid = !!signer && !!info.signedAttributes &&
    verifySignatureValue(info.signatureAlgorithm, info.digestAlgorithm, info.signedAttributes, signer.x509.publicKey, info.signature, info.signatureAlgorithmParameters);
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
    verifySignatureValue(info.signatureAlgorithm, info.digestAlgorithm, info.signedAttributes, c.x509.publicKey, info.signature, info.signatureAlgorithmParameters));
}

function checkSigningCertificate(info: ParsedSignerInfo, signer: ParsedCertificate): boolean | undefined {
  const bound = signingCertificateHashOf(info);
  if (!bound) return undefined;
  const algorithm = DIGEST_BY_OID[bound.algorithm];
  return !!algorithm && createHash(algorithm).update(signer.der).digest().equals(bound.hash);
}
