import { createHash, X509Certificate } from 'node:crypto';
import { SigningError } from '../errors/signing-error';
import { contextTag, decodeOid, decodeTime, DerNode, derBytes, derChildren, derContent, readDer } from '../crypto/der-reader';
import { Oid } from '../crypto/oids';
import { commonNameOf, decodeName, formatName, NameAttribute } from '../crypto/x509-name';

/** A certificate as DER bytes or PEM text. */
export type CertificateInput = Uint8Array | string;

export type KeyUsageName =
  | 'digitalSignature' | 'nonRepudiation' | 'keyEncipherment' | 'dataEncipherment'
  | 'keyAgreement' | 'keyCertSign' | 'cRLSign' | 'encipherOnly' | 'decipherOnly';

const KEY_USAGE_BITS: KeyUsageName[] = [
  'digitalSignature', 'nonRepudiation', 'keyEncipherment', 'dataEncipherment',
  'keyAgreement', 'keyCertSign', 'cRLSign', 'encipherOnly', 'decipherOnly',
];

export interface ParsedCertificate {
  der: Buffer;
  x509: X509Certificate;
  serialNumberDer: Buffer;
  /** Upper-case hex without leading zero bytes, as shown by most tools. */
  serialNumber: string;
  issuerDer: Buffer;
  subjectDer: Buffer;
  subject: NameAttribute[];
  issuer: NameAttribute[];
  notBefore: Date;
  notAfter: Date;
  /** Undefined when the certificate has no key usage extension (then any usage is allowed). */
  keyUsage?: Set<KeyUsageName>;
  isCertificateAuthority: boolean;
  sha256: Buffer;
}

export interface CertificateSummary {
  subject: string;
  issuer: string;
  commonName?: string;
  serialNumber: string;
  validFrom: string;
  validTo: string;
  sha256Fingerprint: string;
}

export function certificateDer(input: CertificateInput): Buffer {
  const text = typeof input === 'string' ? input : Buffer.from(input).toString('latin1', 0, Math.min(input.length, 64));
  if (text.includes('-----BEGIN')) {
    const pem = typeof input === 'string' ? input : Buffer.from(input).toString('latin1');
    const match = /-----BEGIN CERTIFICATE-----([\s\S]+?)-----END CERTIFICATE-----/.exec(pem);
    if (!match) throw new SigningError('CERTIFICATE_INVALID', 'PEM text contains no certificate');
    return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
  }
  return Buffer.from(input as Uint8Array);
}

/**
 * Parsing a certificate (node's X509Certificate above all) costs about a millisecond, and the same
 * few — trust anchors, the agency's seal, the leaders' — are parsed for every signature and every
 * verification. A parsed certificate never changes, so it is kept by its fingerprint.
 */
const MAX_PARSED_CERTIFICATES = 512;
const parsedCertificates = new Map<string, ParsedCertificate>();

export function parseCertificate(input: CertificateInput): ParsedCertificate {
  const der = certificateDer(input);
  const sha256 = createHash('sha256').update(der).digest();
  const key = sha256.toString('hex');
  let parsed = parsedCertificates.get(key);
  if (!parsed) {
    parsed = parseDer(der, sha256);
    if (parsedCertificates.size >= MAX_PARSED_CERTIFICATES) parsedCertificates.delete(parsedCertificates.keys().next().value as string);
    parsedCertificates.set(key, parsed);
  }
  return parsed;
}

function parseDer(der: Buffer, sha256: Buffer): ParsedCertificate {
  try {
    const certificate = readDer(der);
    const tbs = derChildren(der, certificate)[0];
    const fields = derChildren(der, tbs);
    const offset = fields[0].tag === contextTag(0) ? 1 : 0;
    const [serial, , issuer, validity, subject] = fields.slice(offset);
    const [notBefore, notAfter] = derChildren(der, validity);
    const extensions = fields.slice(offset + 6).find((field) => field.tag === contextTag(3));
    const extensionMap = extensions ? readExtensions(der, extensions) : new Map<string, Buffer>();
    return {
      der,
      x509: new X509Certificate(der),
      serialNumberDer: derBytes(der, serial),
      serialNumber: serialHex(derContent(der, serial)),
      issuerDer: derBytes(der, issuer),
      subjectDer: derBytes(der, subject),
      issuer: decodeName(derBytes(der, issuer)),
      subject: decodeName(derBytes(der, subject)),
      notBefore: decodeTime(der, notBefore),
      notAfter: decodeTime(der, notAfter),
      keyUsage: decodeKeyUsage(extensionMap.get(Oid.keyUsage)),
      isCertificateAuthority: decodeIsCa(extensionMap.get(Oid.basicConstraints)),
      sha256,
    };
  } catch (error) {
    throw new SigningError('CERTIFICATE_INVALID', `Cannot read the certificate: ${(error as Error).message}`, { cause: error });
  }
}

export function summariseCertificate(certificate: ParsedCertificate): CertificateSummary {
  return {
    subject: formatName(certificate.subject),
    issuer: formatName(certificate.issuer),
    commonName: commonNameOf(certificate.subject),
    serialNumber: certificate.serialNumber,
    validFrom: certificate.notBefore.toISOString(),
    validTo: certificate.notAfter.toISOString(),
    sha256Fingerprint: certificate.sha256.toString('hex'),
  };
}

export function serialHex(content: Buffer): string {
  let start = 0;
  while (start < content.length - 1 && content[start] === 0) start += 1;
  return content.subarray(start).toString('hex').toUpperCase();
}

function readExtensions(der: Buffer, wrapper: DerNode): Map<string, Buffer> {
  const map = new Map<string, Buffer>();
  const sequence = derChildren(der, wrapper)[0];
  for (const extension of derChildren(der, sequence)) {
    const parts = derChildren(der, extension);
    const value = parts[parts.length - 1];
    map.set(decodeOid(derContent(der, parts[0])), Buffer.from(derContent(der, value)));
  }
  return map;
}

function decodeKeyUsage(value: Buffer | undefined): Set<KeyUsageName> | undefined {
  if (!value) return undefined;
  const bits = derContent(value, readDer(value));
  const usages = new Set<KeyUsageName>();
  KEY_USAGE_BITS.forEach((name, bit) => {
    const byte = bits[1 + Math.floor(bit / 8)] ?? 0;
    if (byte & (0x80 >> bit % 8)) usages.add(name);
  });
  return usages;
}

function decodeIsCa(value: Buffer | undefined): boolean {
  if (!value) return false;
  const children = derChildren(value, readDer(value));
  return children.length > 0 && children[0].tag === 0x01 && value[children[0].contentStart] !== 0;
}

export function toPem(der: Buffer, label = 'CERTIFICATE'): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

