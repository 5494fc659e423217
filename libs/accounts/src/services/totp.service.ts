import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { generateSecret, generateURI, verify } from 'otplib';
import type * as QrCode from 'qrcode';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { TOTP_PERIOD_SECONDS, TOTP_TOLERANCE_SECONDS } from '../rules/mfa-policy';

/**
 * TOTP (RFC 6238: SHA-1, 6 digits, 30 s, what every authenticator app reads) through otplib, and
 * the sealing of secrets at rest with MFA_ENCRYPTION_KEY (AES-256-GCM, the person's id as
 * associated data so a sealed secret cannot be moved to another account).
 */
@Injectable()
export class TotpService {
  private readonly key: Buffer;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.key = Buffer.from(config.MFA_ENCRYPTION_KEY, 'base64');
  }

  newSecret(): string {
    return generateSecret({ length: 20 });
  }

  otpauthUri(secret: string, accountName: string): string {
    return generateURI({ issuer: this.config.MFA_ISSUER, label: accountName, secret, period: TOTP_PERIOD_SECONDS, digits: 6, algorithm: 'sha1' });
  }

  qrCodeDataUrl(uri: string): Promise<string> {
    // qrcode (~60 modules) is loaded by the first enrolment, not when the API starts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load on purpose
    const { toDataURL } = require('qrcode') as typeof QrCode;
    return toDataURL(uri, { errorCorrectionLevel: 'M', margin: 2, width: 240 });
  }

  /** The time step the code belongs to, or null; codes of steps up to `afterStep` are refused. */
  async matchStep(secret: string, code: string, afterStep: number | null): Promise<number | null> {
    if (!/^\d{6}$/.test(code)) return null;
    const result = await verify({
      secret,
      token: code,
      period: TOTP_PERIOD_SECONDS,
      epochTolerance: TOTP_TOLERANCE_SECONDS,
      ...(afterStep !== null ? { afterTimeStep: afterStep } : {}),
    }).catch(() => null);
    return result?.valid && 'timeStep' in result ? result.timeStep : null;
  }

  seal(secret: string, userId: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(userId, 'utf8'));
    const sealed = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), sealed.toString('base64')].join('.');
  }

  open(sealed: string, userId: string): string {
    const [version, iv, tag, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown sealed MFA secret format');
    const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64'));
    decipher.setAAD(Buffer.from(userId, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  }
}
