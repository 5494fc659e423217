import { createPrivateKey, createPublicKey, KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { SigningError } from '../errors/signing-error';
import { parseCertificate } from './certificate-parser';
import { SigningCredentials } from './signing-credentials';

/**
 * Reads a PKCS#12 (.p12/.pfx) file: the private key, its certificate and the CA certificates.
 * The signer certificate is the one whose public key matches the private key.
 */
export function importPkcs12(p12: Uint8Array, passphrase: string): SigningCredentials {
  const pfx = decodePfx(p12, passphrase);
  const privateKey = extractPrivateKey(pfx);
  const certificates = extractCertificates(pfx);
  const publicKey = publicKeyDer(privateKey);
  const signer = certificates.find((der) => parseCertificate(der).x509.publicKey.export({ type: 'spki', format: 'der' }).equals(publicKey));
  if (!signer) throw new SigningError('PKCS12_INVALID', 'The PKCS#12 file has no certificate matching its private key');
  return { privateKey, certificate: signer, chain: orderChain(signer, certificates.filter((der) => der !== signer)) };
}

function decodePfx(p12: Uint8Array, passphrase: string): forge.pkcs12.Pkcs12Pfx {
  let asn1: forge.asn1.Asn1;
  try {
    asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(p12).toString('binary')));
  } catch (error) {
    throw new SigningError('PKCS12_INVALID', 'The file is not a PKCS#12 (.p12/.pfx) file', { cause: error });
  }
  if (!looksLikePfx(asn1)) throw new SigningError('PKCS12_INVALID', 'The file is not a PKCS#12 (.p12/.pfx) file');
  try {
    return forge.pkcs12.pkcs12FromAsn1(asn1, true, passphrase);
  } catch (error) {
    // The integrity MAC is keyed by the passphrase and checked first, so once the structure is a
    // PFX a failure means a wrong passphrase (or a damaged file). Never echo the passphrase.
    throw new SigningError('PKCS12_WRONG_PASSPHRASE', 'Cannot open the PKCS#12 file: wrong passphrase or damaged file', { cause: error });
  }
}

/** PFX ::= SEQUENCE { version INTEGER (v3), authSafe ContentInfo, macData MacData OPTIONAL } (RFC 7292). */
function looksLikePfx(asn1: forge.asn1.Asn1): boolean {
  const parts = asn1.value;
  if (asn1.type !== forge.asn1.Type.SEQUENCE || !Array.isArray(parts) || parts.length < 2 || parts.length > 3) return false;
  const [version, authSafe] = parts;
  return version.type === forge.asn1.Type.INTEGER && version.value === '\x03' && authSafe.type === forge.asn1.Type.SEQUENCE;
}

function extractPrivateKey(pfx: forge.pkcs12.Pkcs12Pfx): KeyObject {
  const bags = [
    ...(pfx.getBags({ bagType: forge.pki.oids.pkcs8ShroudedKeyBag })[forge.pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(pfx.getBags({ bagType: forge.pki.oids.keyBag })[forge.pki.oids.keyBag] ?? []),
  ];
  if (bags.length !== 1) throw new SigningError('PKCS12_INVALID', `Expected one private key in the PKCS#12 file, found ${bags.length}`);
  const bag = bags[0];
  // forge only models RSA keys; any other key type comes back as raw PrivateKeyInfo ASN.1.
  const privateKeyInfo = bag.key
    ? forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key as forge.pki.rsa.PrivateKey))
    : bag.asn1;
  if (!privateKeyInfo) throw new SigningError('PKCS12_INVALID', 'The PKCS#12 key bag is empty');
  const der = Buffer.from(forge.asn1.toDer(privateKeyInfo).getBytes(), 'binary');
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

function extractCertificates(pfx: forge.pkcs12.Pkcs12Pfx): Buffer[] {
  const bags = pfx.getBags({ bagType: forge.pki.oids.certBag })[forge.pki.oids.certBag] ?? [];
  return bags.flatMap((bag) => {
    // forge keeps the parsed TBSCertificate, so re-encoding reproduces the original bytes.
    const asn1 = bag.cert ? forge.pki.certificateToAsn1(bag.cert) : bag.asn1;
    return asn1 ? [Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')] : [];
  });
}

function publicKeyDer(privateKey: KeyObject): Buffer {
  return createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
}

/** Issuer of the signer first, then its issuer, and so on; unrelated certificates last. */
function orderChain(signer: Buffer, others: Buffer[]): Buffer[] {
  const ordered: Buffer[] = [];
  const remaining = [...others];
  let current = parseCertificate(signer);
  for (;;) {
    const index = remaining.findIndex((der) => parseCertificate(der).subjectDer.equals(current.issuerDer));
    if (index < 0 || current.subjectDer.equals(current.issuerDer)) break;
    const [issuer] = remaining.splice(index, 1);
    ordered.push(issuer);
    current = parseCertificate(issuer);
  }
  return [...ordered, ...remaining];
}
