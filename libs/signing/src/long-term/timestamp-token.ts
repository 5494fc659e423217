import { createHash, randomBytes } from 'node:crypto';
import { SigningError } from '../errors/signing-error';
import { parseSignedData } from '../crypto/cms-parser';
import { verifyDetachedCms } from '../crypto/cms-verifier';
import { ParsedCertificate } from '../certificates/certificate-parser';
import { decodeOid, DerNode, derBytes, derChildren, derContent, DerTag, readDer } from '../crypto/der-reader';
import { derAlgorithm, derElement, derInteger, derOctetString, derSequence } from '../crypto/der-writer';
import { DIGEST_BY_OID, Oid } from '../crypto/oids';

/** A TimeStampReq (RFC 3161 §2.4.1) for a SHA-256 imprint, asking for the TSA's certificate. */
export function buildTimestampRequest(imprint: Buffer, nonce: Buffer = randomBytes(8)): { der: Buffer; nonce: Buffer } {
  const positiveNonce = nonce[0] & 0x80 ? Buffer.concat([Buffer.from([0]), nonce]) : nonce;
  const der = derSequence(
    derInteger(1),
    derSequence(derAlgorithm(Oid.sha256, true), derOctetString(imprint)),
    derElement(DerTag.INTEGER, positiveNonce),
    Buffer.from([0x01, 0x01, 0xff]), // certReq TRUE
  );
  return { der, nonce: positiveNonce };
}

export interface TimestampToken {
  /** The token (ContentInfo SignedData) as the TSA made it: what goes into the PDF. */
  der: Buffer;
  genTime: Date;
  imprintAlgorithm: string;
  imprint: Buffer;
  serialNumber: string;
  nonce?: Buffer;
  tsaCertificate?: ParsedCertificate;
  certificates: ParsedCertificate[];
  /** The token's CMS verifies over its TSTInfo (cryptographically; trust is the caller's). */
  intact: boolean;
  problems: string[];
}

const PKI_STATUS_TEXT = ['granted', 'grantedWithMods', 'rejection', 'waiting', 'revocationWarning', 'revocationNotification'];

/** The token of a TimeStampResp; a refusal or garbage is TSA_FAILED. */
export function tokenOfResponse(response: Buffer): Buffer {
  try {
    const root = readDer(response);
    const [statusInfo, token] = derChildren(response, root);
    const status = derContent(response, derChildren(response, statusInfo)[0]).readUIntBE(0, 1);
    if (status > 1 || !token) {
      throw new SigningError('TSA_FAILED', `The time-stamping authority refused the request (${PKI_STATUS_TEXT[status] ?? status})`);
    }
    return Buffer.from(derBytes(response, token));
  } catch (error) {
    if (error instanceof SigningError && error.code === 'TSA_FAILED') throw error;
    throw new SigningError('TSA_FAILED', `The time-stamping authority answered something that is not a TimeStampResp: ${(error as Error).message}`);
  }
}

/**
 * Reads a time-stamp token and checks its CMS over the TSTInfo; `expectedImprint` (when given)
 * must be what the TSA stamped. Never throws for a token that merely does not verify: see `problems`.
 */
export function readTimestampToken(der: Buffer, expectedImprint?: Buffer | ((algorithm: string) => Buffer)): TimestampToken {
  const cms = parseSignedData(der);
  if (cms.encapsulatedContentType !== Oid.tstInfo || !cms.encapsulatedContent) {
    throw new SigningError('TSA_FAILED', 'The time-stamp token does not carry a TSTInfo');
  }
  const content = cms.encapsulatedContent;
  const info = parseTstInfo(content);
  const check = verifyDetachedCms(cms, (algorithm) => hash(algorithm, content), { contentType: Oid.tstInfo, encapsulated: true });
  const problems = [...check.problems];
  const expected = typeof expectedImprint === 'function' && info.imprintAlgorithm !== 'unknown' ? expectedImprint(info.imprintAlgorithm) : expectedImprint;
  if (expectedImprint && !(expected instanceof Buffer && info.imprint.equals(expected))) problems.push('the time-stamp covers other data than it should');
  if (check.signer && !hasTimeStampingUsage(check.signer)) {
    problems.push('the time-stamp signer certificate lacks the timeStamping extended key usage');
  }
  return {
    der: cms.der,
    ...info,
    tsaCertificate: check.signer,
    certificates: check.certificates,
    intact: check.intact && problems.length === check.problems.length,
    problems,
  };
}

function hasTimeStampingUsage(certificate: ParsedCertificate): boolean {
  const usage = certificate.x509.keyUsage as string[] | undefined;
  return !usage || usage.includes(Oid.timeStamping);
}

function hash(algorithm: string, content: Buffer): Buffer {
  return createHash(algorithm).update(content).digest();
}

function parseTstInfo(der: Buffer): Pick<TimestampToken, 'genTime' | 'imprintAlgorithm' | 'imprint' | 'serialNumber' | 'nonce'> {
  const fields = derChildren(der, readDer(der));
  const [imprintNode, serialNode, timeNode] = fields.slice(2, 5);
  const [algorithm, hashed] = derChildren(der, imprintNode);
  const imprintAlgorithm = DIGEST_BY_OID[decodeOid(derContent(der, derChildren(der, algorithm)[0]))] ?? 'unknown';
  const optional = fields.slice(5);
  const nonceNode = optional.find((n) => n.tag === DerTag.INTEGER);
  return {
    imprintAlgorithm,
    imprint: Buffer.from(derContent(der, hashed)),
    serialNumber: derContent(der, serialNode).toString('hex').toUpperCase(),
    genTime: generalizedTime(der, timeNode),
    nonce: nonceNode ? Buffer.from(derContent(der, nonceNode)) : undefined,
  };
}

/** GeneralizedTime with optional fractional seconds (RFC 3161 allows them in genTime). */
export function generalizedTime(der: Buffer, node: DerNode): Date {
  const text = derContent(der, node).toString('latin1');
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{1,6}))?Z$/.exec(text);
  if (node.tag !== DerTag.GENERALIZED_TIME || !match) throw new SigningError('TSA_FAILED', `Unsupported time ${text}`);
  const millis = match[7] ? Math.round(Number(`0.${match[7]}`) * 1000) : 0;
  return new Date(Date.UTC(+match[1], +match[2] - 1, +match[3], +match[4], +match[5], +match[6], millis));
}
