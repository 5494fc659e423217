import type { KeyObject } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { decryptPrivateKey, EncryptedPrivateKey, encryptPrivateKey } from '@eoffice/signing';
import { withCertificateErrors } from './rules/certificate-errors';
import type { SigningCertificate } from './signing-certificate.entity';

export type KeyBinding = Pick<SigningCertificate, 'id' | 'kind' | 'ownerUserId' | 'ownerAgencyId'>;

/**
 * The row's id, kind and owner are authenticated with the sealed key (not stored in it): a sealed
 * key copied onto another row, or a row given another owner in SQL, no longer opens.
 */
export function keyContext(binding: KeyBinding): string {
  return `signing_certificate:${binding.id}:${binding.kind}:${binding.ownerUserId ?? binding.ownerAgencyId}`;
}

/** Seals private keys with SIGNING_KEY_ENCRYPTION_KEY (AES-256-GCM) and opens them again. */
@Injectable()
export class CertificateKeyVault {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  seal(binding: KeyBinding, privateKey: KeyObject): EncryptedPrivateKey {
    return encryptPrivateKey(privateKey, this.masterKey(), keyContext(binding));
  }

  open(binding: KeyBinding, sealed: EncryptedPrivateKey): KeyObject {
    return withCertificateErrors(() => decryptPrivateKey(sealed, this.masterKey(), keyContext(binding)));
  }

  /** Decoded per use, so no long-lived buffer holds the key-encryption key. */
  private masterKey(): Buffer {
    return Buffer.from(this.config.SIGNING_KEY_ENCRYPTION_KEY, 'base64');
  }
}
