import { createPrivateKey, createPublicKey, createHash, KeyObject } from 'node:crypto';

/** PKCS#8 DER header of an Ed25519 private key; the 32-byte seed follows it. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * The installation's checkpoint key: an Ed25519 private key as PEM, as base64 of its PKCS#8 DER
 * (`openssl genpkey -algorithm ed25519 -outform DER | base64 -w0`), or as base64 of the bare
 * 32-byte seed. Throws when it is none of these.
 */
export function parseCheckpointKey(value: string): KeyObject {
  const text = value.trim();
  let key: KeyObject;
  if (text.startsWith('-----BEGIN')) {
    key = createPrivateKey({ key: text.replace(/\\n/g, '\n'), format: 'pem' });
  } else {
    const der = Buffer.from(text, 'base64');
    const pkcs8 = der.length === 32 ? Buffer.concat([ED25519_PKCS8_PREFIX, der]) : der;
    key = createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' });
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`is a ${key.asymmetricKeyType ?? 'unknown'} key, not Ed25519`);
  return key;
}

/** A short, stable name of the public half, written into each checkpoint. */
export function checkpointKeyId(privateKey: KeyObject): string {
  const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}
