import { createHash, KeyObject } from 'node:crypto';
import { SigningError } from '../errors/signing-error';
import { ParsedCertificate } from '../certificates/certificate-parser';
import {
  derAlgorithm, derExplicit, derInteger, derOctetString, derOid, derSequence, derSetOf,
} from './der-writer';
import { Oid } from './oids';

export interface SignatureAlgorithm {
  oid: string;
  /** RSA algorithm identifiers carry NULL parameters; ECDSA ones carry none (RFC 5754). */
  nullParameters: boolean;
  /** DER parameters written instead (RSASSA-PSS-params). */
  parameters?: Buffer;
}

/**
 * RSASSA-PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt (RFC 4055, RFC 8017's recommended
 * profile): what remote signing services and HSMs return when they sign with PSS.
 */
export function rsaPssSha256(saltLength = 32): SignatureAlgorithm {
  const sha256Algorithm = derAlgorithm(Oid.sha256, false);
  const parameters = derSequence(
    derExplicit(0, sha256Algorithm),
    derExplicit(1, derSequence(derOid(Oid.mgf1), sha256Algorithm)),
    derExplicit(2, derInteger(saltLength)),
  );
  return { oid: Oid.rsassaPss, nullParameters: false, parameters };
}

export function signatureAlgorithmFor(key: KeyObject): SignatureAlgorithm {
  if (key.asymmetricKeyType === 'rsa') return { oid: Oid.sha256WithRsa, nullParameters: true };
  if (key.asymmetricKeyType === 'ec') return { oid: Oid.ecdsaWithSha256, nullParameters: false };
  throw new SigningError('KEY_UNSUPPORTED', `Unsupported key type ${key.asymmetricKeyType ?? 'unknown'} (RSA or EC only)`);
}

export function attribute(oid: string, value: Buffer): Buffer {
  return derSequence(derOid(oid), derSetOf([value]));
}

/**
 * ESS signing-certificate-v2 (RFC 5035) binds the signature to the signer's certificate so it
 * cannot be swapped for another certificate with the same key; PAdES B-B requires it.
 * The hash algorithm is SHA-256, the DEFAULT, so it is omitted as DER demands.
 */
function signingCertificateV2(certificate: ParsedCertificate): Buffer {
  const generalNames = derSequence(derExplicit(4, certificate.issuerDer));
  const issuerSerial = derSequence(generalNames, certificate.serialNumberDer);
  const essCertIdV2 = derSequence(derOctetString(certificate.sha256), issuerSerial);
  return derSequence(derSequence(essCertIdV2));
}

/**
 * The signed attributes of a PAdES B-B signature, DER-encoded with the universal SET tag, which
 * is the exact byte string the signer signs (RFC 5652 §5.4). No signing-time attribute: PAdES
 * puts the claimed time in the signature dictionary's /M instead.
 */
export function buildSignedAttributes(documentDigest: Buffer, signer: ParsedCertificate): Buffer {
  return derSetOf([
    attribute(Oid.contentType, derOid(Oid.data)),
    attribute(Oid.messageDigest, derOctetString(documentDigest)),
    attribute(Oid.signingCertificateV2, signingCertificateV2(signer)),
  ]);
}

export function sha256(...chunks: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  chunks.forEach((chunk) => hash.update(chunk));
  return hash.digest();
}

export interface SignedDataInput {
  signedAttributes: Buffer;
  signature: Buffer;
  signer: ParsedCertificate;
  /** Signer first, then the chain; the trust anchor may be left out. */
  certificates: ParsedCertificate[];
  algorithm: SignatureAlgorithm;
}

/** ContentInfo(SignedData) with detached content, as `ETSI.CAdES.detached` requires. */
export function buildSignedData(input: SignedDataInput): Buffer {
  const sha256Algorithm = derAlgorithm(Oid.sha256, false);
  const signedAttributesImplicit = Buffer.from(input.signedAttributes);
  signedAttributesImplicit[0] = 0xa0; // [0] IMPLICIT SET OF Attribute
  const signerInfo = derSequence(
    derInteger(1),
    derSequence(input.signer.issuerDer, input.signer.serialNumberDer),
    sha256Algorithm,
    signedAttributesImplicit,
    input.algorithm.parameters
      ? derSequence(derOid(input.algorithm.oid), input.algorithm.parameters)
      : derAlgorithm(input.algorithm.oid, input.algorithm.nullParameters),
    derOctetString(input.signature),
  );
  const uniqueCertificates = [...new Map(input.certificates.map((c) => [c.sha256.toString('hex'), c.der])).values()];
  const signedData = derSequence(
    derInteger(1),
    derSetOf([sha256Algorithm]),
    derSequence(derOid(Oid.data)),
    derSetOf(uniqueCertificates, 0xa0),
    derSetOf([signerInfo]),
  );
  return derSequence(derOid(Oid.signedData), derExplicit(0, signedData));
}
