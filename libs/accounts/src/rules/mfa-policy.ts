import { createHash, randomBytes } from 'node:crypto';
import { Role } from '../authorization/role';

/** Roles whose holders must sign in with a second factor; everyone else may choose to. */
export const MFA_REQUIRED_ROLES: readonly Role[] = [Role.admin, Role.leader, Role.clerk];

export function mfaRequiredFor(roles: readonly string[]): boolean {
  return roles.some((role) => (MFA_REQUIRED_ROLES as readonly string[]).includes(role));
}

export const RECOVERY_CODE_COUNT = 10;
/** TOTP codes are accepted one period either side of now (clock drift, typing time). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_TOLERANCE_SECONDS = 30;

/** Crockford-like alphabet without look-alikes (0/O, 1/I/L). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** 25 characters from 31 = 123 bits: a fast hash at rest is enough (no offline guessing). */
export function newRecoveryCode(): string {
  const chars: string[] = [];
  while (chars.length < 25) {
    for (const byte of randomBytes(32)) {
      // Rejection sampling keeps every character equally likely.
      if (byte < 248 && chars.length < 25) chars.push(ALPHABET[byte % 31]);
    }
  }
  return [0, 5, 10, 15, 20].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** What people type: any case, with or without dashes and spaces. */
export function normaliseRecoveryCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export function hashRecoveryCode(code: string): string {
  return createHash('sha256').update(normaliseRecoveryCode(code)).digest('hex');
}
