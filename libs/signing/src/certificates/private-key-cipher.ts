import { createCipheriv, createDecipheriv, createPrivateKey, KeyObject, randomBytes } from 'node:crypto';
import { SigningError } from '../errors/signing-error';

/** A private key sealed for storage in the database; safe to persist, useless without the master key. */
export interface EncryptedPrivateKey {
  format: 'eoffice-private-key-v1';
  algorithm: 'aes-256-gcm';
  iv: string;
  tag: string;
  ciphertext: string;
}

const FORMAT = 'eoffice-private-key-v1';

function assertMasterKey(masterKey: Uint8Array): void {
  if (masterKey.length !== 32) {
    throw new SigningError('INVALID_ARGUMENT', 'The key-encryption key must be exactly 32 bytes (AES-256)');
  }
}

/**
 * `context` (e.g. the account id or certificate fingerprint) is authenticated but not stored:
 * a sealed key copied onto another account's row then fails to open.
 */
function additionalData(context: string): Buffer {
  return Buffer.from(`${FORMAT}|${context}`, 'utf8');
}

export function encryptPrivateKey(privateKey: KeyObject, masterKey: Uint8Array, context = ''): EncryptedPrivateKey {
  assertMasterKey(masterKey);
  if (privateKey.type !== 'private') throw new SigningError('INVALID_ARGUMENT', 'Only private keys are sealed');
  const plaintext = privateKey.export({ type: 'pkcs8', format: 'der' });
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', masterKey, iv);
  cipher.setAAD(additionalData(context));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  plaintext.fill(0);
  return {
    format: FORMAT,
    algorithm: 'aes-256-gcm',
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ciphertext: ciphertext.toString('base64'),
  };
}

export function decryptPrivateKey(sealed: EncryptedPrivateKey, masterKey: Uint8Array, context = ''): KeyObject {
  assertMasterKey(masterKey);
  if (sealed.format !== FORMAT || sealed.algorithm !== 'aes-256-gcm') {
    throw new SigningError('KEY_DECRYPTION_FAILED', `Unknown sealed key format ${sealed.format}`);
  }
  let plaintext: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', masterKey, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(additionalData(context));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
  } catch (error) {
    throw new SigningError('KEY_DECRYPTION_FAILED', 'Cannot decrypt the private key: wrong key-encryption key, context or damaged data', { cause: error });
  }
  try {
    return createPrivateKey({ key: plaintext, format: 'der', type: 'pkcs8' });
  } finally {
    plaintext.fill(0);
  }
}
