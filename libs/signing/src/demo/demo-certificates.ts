import { generateKeyPairSync, KeyObject, randomBytes } from 'node:crypto';
import forge from 'node-forge';
import { parseCertificate } from '../certificates/certificate-parser';
import { decodeName } from '../crypto/x509-name';
import { DEMO_MARK } from './demo-mark';

export interface DemoIdentity {
  privateKey: KeyObject;
  /** DER */
  certificate: Buffer;
}

export interface DemoCertificateRequest {
  commonName: string;
  organisation?: string;
  /** Default: now − 1 day */
  notBefore?: Date;
  /** Default: notBefore + 3 years */
  notAfter?: Date;
  /** Default: digitalSignature + nonRepudiation */
  keyUsage?: { digitalSignature?: boolean; nonRepudiation?: boolean; keyEncipherment?: boolean };
}

const DAY_MS = 86_400_000;

function generateRsaKey(): KeyObject {
  // node's native generator: ~0.1 s for RSA-2048, where forge's JavaScript one takes seconds.
  return generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
}

function toForgeKeys(privateKey: KeyObject): { privateKey: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const forgeKey = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  return { privateKey: forgeKey, publicKey: forge.pki.setRsaPublicKey(forgeKey.n, forgeKey.e) };
}

const UTF8_TAG = forge.asn1.Type.UTF8 as unknown as forge.asn1.Class;

function utf8Attributes(entries: Array<[string, string]>): forge.pki.CertificateField[] {
  return entries.map(([name, value]) => ({ name, value, valueTagClass: UTF8_TAG }));
}

/** Positive 16-byte serial (RFC 5280: ≤ 20 octets, non-negative). */
function randomSerial(): string {
  const bytes = randomBytes(16);
  bytes[0] &= 0x7f;
  return bytes.toString('hex');
}

function derOf(certificate: forge.pki.Certificate): Buffer {
  return Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
}

/** A self-signed demo root CA; its subject says plainly that it is not for production. */
export function createDemoCa(commonName = `eOffice Demo CA (${DEMO_MARK})`, now = new Date()): DemoIdentity {
  const privateKey = generateRsaKey();
  const keys = toForgeKeys(privateKey);
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = randomSerial();
  certificate.validity.notBefore = new Date(now.getTime() - DAY_MS);
  certificate.validity.notAfter = new Date(now.getTime() + 10 * 365 * DAY_MS);
  const name = utf8Attributes([['countryName', 'VN'], ['organizationName', DEMO_MARK], ['commonName', commonName]]);
  certificate.setSubject(name);
  certificate.setIssuer(name);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: true, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(keys.privateKey, forge.md.sha256.create());
  return { privateKey, certificate: derOf(certificate) };
}

/** An end-entity signing certificate issued by `ca`. */
export function issueDemoCertificate(ca: DemoIdentity, request: DemoCertificateRequest, now = new Date()): DemoIdentity {
  const privateKey = generateRsaKey();
  const keys = toForgeKeys(privateKey);
  const caCertificate = forge.pki.certificateFromAsn1(forge.asn1.fromDer(ca.certificate.toString('binary')));
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = keys.publicKey;
  certificate.serialNumber = randomSerial();
  certificate.validity.notBefore = request.notBefore ?? new Date(now.getTime() - DAY_MS);
  certificate.validity.notAfter = request.notAfter ?? new Date(certificate.validity.notBefore.getTime() + 3 * 365 * DAY_MS);
  certificate.setSubject(utf8Attributes([
    ['countryName', 'VN'],
    ...(request.organisation ? [['organizationName', request.organisation] as [string, string]] : []),
    ['organizationalUnitName', DEMO_MARK],
    ['commonName', request.commonName],
  ]));
  // forge keeps parsed names as UTF-8 bytes and would encode them twice; rebuild from text.
  const caSubject = decodeName(parseCertificate(ca.certificate).subjectDer);
  certificate.setIssuer(caSubject.map((a) => ({ type: a.oid, value: a.value, valueTagClass: UTF8_TAG })));
  const usage = request.keyUsage ?? { digitalSignature: true, nonRepudiation: true };
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', critical: true, ...usage },
    { name: 'extKeyUsage', emailProtection: true, clientAuth: true },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: caCertificate.generateSubjectKeyIdentifier().getBytes() },
  ]);
  certificate.sign(toForgeKeys(ca.privateKey).privateKey, forge.md.sha256.create());
  return { privateKey, certificate: derOf(certificate) };
}

/** PKCS#12 with the key (AES-256 PBES2) and the certificate chain, as CAs hand them out. */
export function exportPkcs12(identity: DemoIdentity, chain: Buffer[], passphrase: string, friendlyName: string): Buffer {
  const certificates = [identity.certificate, ...chain].map((der) =>
    forge.pki.certificateFromAsn1(forge.asn1.fromDer(der.toString('binary'))));
  const key = forge.pki.privateKeyFromPem(identity.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, certificates, passphrase, {
    algorithm: 'aes256',
    friendlyName,
    generateLocalKeyId: true,
  });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}
