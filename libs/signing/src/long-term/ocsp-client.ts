import { createHash } from 'node:crypto';
import { SigningError } from '../errors/signing-error';
import { parseCertificate, ParsedCertificate } from '../certificates/certificate-parser';
import { verifySignatureValue } from '../crypto/cms-verifier';
import { contextTag, decodeOid, DerNode, derBytes, derChildren, derContent, DerTag, readDer } from '../crypto/der-reader';
import { derAlgorithm, derOctetString, derSequence } from '../crypto/der-writer';
import { Oid } from '../crypto/oids';
import { generalizedTime } from './timestamp-token';
import { BinaryPost, defaultBinaryPost } from './tsa-client';

export interface OcspSettings {
  /** Used when a certificate names no responder in its Authority Information Access. */
  url?: string;
  timeoutMs?: number;
  post?: BinaryPost;
}

export interface OcspAnswer {
  /** The whole OCSPResponse, as it goes into the DSS /OCSPs. */
  der: Buffer;
  status: 'good' | 'revoked' | 'unknown';
  revokedAt?: Date;
  producedAt: Date;
  thisUpdate: Date;
  /** The certificate whose key signed the response (the issuer or its delegated responder). */
  responder: ParsedCertificate;
  /** Delegated responder certificates the response carries (also go into the DSS). */
  certificates: ParsedCertificate[];
}

const SHA1 = derAlgorithm(Oid.sha1, true);

/** CertID (RFC 6960 §4.1.1) with SHA-1, the hash every responder answers for. */
function certId(certificate: ParsedCertificate, issuer: ParsedCertificate): Buffer {
  return derSequence(
    SHA1,
    derOctetString(createHash('sha1').update(certificate.issuerDer).digest()),
    derOctetString(issuerKeyHash(issuer)),
    certificate.serialNumberDer,
  );
}

/**
 * Exporting the issuer's key (node's KeyObject → SPKI DER) is most of a request's cost; parsed
 * certificates are shared (parseCertificate keeps them by fingerprint), so the hash is kept with them.
 */
const keyHashes = new WeakMap<ParsedCertificate, Buffer>();

function issuerKeyHash(issuer: ParsedCertificate): Buffer {
  let hash = keyHashes.get(issuer);
  if (!hash) {
    hash = createHash('sha1').update(publicKeyBits(issuer)).digest();
    keyHashes.set(issuer, hash);
  }
  return hash;
}

/** The subjectPublicKey BIT STRING's bits (without the unused-bits octet). */
function publicKeyBits(certificate: ParsedCertificate): Buffer {
  const spki = certificate.x509.publicKey.export({ type: 'spki', format: 'der' });
  const bitString = derChildren(spki, readDer(spki))[1];
  return derContent(spki, bitString).subarray(1);
}

export function buildOcspRequest(certificate: ParsedCertificate, issuer: ParsedCertificate): Buffer {
  return derSequence(derSequence(derSequence(derSequence(certId(certificate, issuer)))));
}

/** The responder URL from the certificate's Authority Information Access, if any. */
export function ocspUrlOf(certificate: ParsedCertificate): string | undefined {
  return /OCSP - URI:(\S+)/.exec(certificate.x509.infoAccess ?? '')?.[1];
}

/** Asks the responder for the status of `certificate` and checks the signed answer. */
export async function requestOcsp(settings: OcspSettings, certificate: ParsedCertificate, issuer: ParsedCertificate): Promise<OcspAnswer> {
  const url = ocspUrlOf(certificate) ?? settings.url;
  if (!url) throw new SigningError('OCSP_UNAVAILABLE', `No OCSP responder is known for ${certificate.serialNumber}`);
  let answer: { status: number; body: Buffer };
  try {
    answer = await (settings.post ?? defaultBinaryPost)(url, buildOcspRequest(certificate, issuer), 'application/ocsp-request', settings.timeoutMs ?? 10_000);
  } catch (error) {
    throw new SigningError('OCSP_UNAVAILABLE', `The OCSP responder did not answer: ${(error as Error).message}`, { cause: error });
  }
  if (answer.status !== 200) throw new SigningError('OCSP_FAILED', `The OCSP responder answered HTTP ${answer.status}`);
  return readOcspResponse(answer.body, certificate, issuer);
}

/** Parses an OCSPResponse for `certificate` and verifies its signature; throws OCSP_FAILED otherwise. */
export function readOcspResponse(der: Buffer, certificate: ParsedCertificate, issuer: ParsedCertificate): OcspAnswer {
  try {
    return parseResponse(der, certificate, issuer);
  } catch (error) {
    if (error instanceof SigningError && error.code === 'OCSP_FAILED') throw error;
    throw new SigningError('OCSP_FAILED', `Not a usable OCSP response: ${(error as Error).message}`, { cause: error });
  }
}

function parseResponse(input: Buffer, certificate: ParsedCertificate, issuer: ParsedCertificate): OcspAnswer {
  const root = readDer(input);
  const der = Buffer.from(derBytes(input, root));
  const [statusNode, bytesNode] = derChildren(der, readDer(der));
  const status = derContent(der, statusNode)[0];
  if (status !== 0 || !bytesNode) throw new SigningError('OCSP_FAILED', `The OCSP responder refused (responseStatus ${status})`);
  const [typeNode, octets] = derChildren(der, derChildren(der, bytesNode)[0]);
  if (decodeOid(derContent(der, typeNode)) !== Oid.ocspBasic) throw new SigningError('OCSP_FAILED', 'Not a basic OCSP response');
  const basic = derContent(der, octets);
  const [tbs, algorithm, signature, certsNode] = derChildren(basic, readDer(basic));
  const certificates = certsNode ? derChildren(basic, derChildren(basic, certsNode)[0]).map((c) => parseCertificate(Buffer.from(derBytes(basic, c)))) : [];
  const signatureOid = decodeOid(derContent(basic, derChildren(basic, algorithm)[0]));
  const signatureBits = derContent(basic, signature).subarray(1);
  const signed = derBytes(basic, tbs);
  const responder = [issuer, ...certificates.filter((c) => c.issuerDer.equals(issuer.subjectDer))]
    .find((candidate) => verifySignatureValue(signatureOid, Oid.sha256, signed, candidate.x509.publicKey, signatureBits));
  if (!responder) throw new SigningError('OCSP_FAILED', 'The OCSP response is not signed by the issuer or a responder it delegated');
  if (responder !== issuer && !(responder.x509.keyUsage ?? []).includes('1.3.6.1.5.5.7.3.9')) {
    throw new SigningError('OCSP_FAILED', 'The OCSP responder certificate lacks the OCSPSigning extended key usage');
  }
  const data = derChildren(basic, tbs).filter((n) => n.tag !== contextTag(0));
  const producedAt = generalizedTime(basic, data[1]);
  const expected = certId(certificate, issuer);
  const single = derChildren(basic, data[2]).find((r) => derBytes(basic, derChildren(basic, r)[0]).equals(expected));
  if (!single) throw new SigningError('OCSP_FAILED', 'The OCSP response is about another certificate');
  return { der, ...singleStatus(basic, single), producedAt, responder, certificates };
}

function singleStatus(der: Buffer, single: DerNode): Pick<OcspAnswer, 'status' | 'revokedAt' | 'thisUpdate'> {
  const [, statusNode, thisUpdate] = derChildren(der, single);
  const thisUpdateAt = generalizedTime(der, thisUpdate);
  if (statusNode.tag === 0x80) return { status: 'good', thisUpdate: thisUpdateAt };
  if (statusNode.tag === contextTag(1)) {
    const revokedAt = generalizedTime(der, derChildren(der, statusNode).find((n) => n.tag === DerTag.GENERALIZED_TIME) as DerNode);
    return { status: 'revoked', revokedAt, thisUpdate: thisUpdateAt };
  }
  return { status: 'unknown', thisUpdate: thisUpdateAt };
}
