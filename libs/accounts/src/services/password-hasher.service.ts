import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { AppError } from '@eoffice/core';
import { passwordProblems } from '../rules/password-policy';

/**
 * argon2id at the argon2 package's defaults, written out so that they are visible (and the sign-in
 * benchmark can print them): 64 MiB, 3 passes, 4 lanes — the OWASP recommendation's upper end.
 * Stored hashes carry their own parameters, so changing these affects new hashes only.
 */
export const PASSWORD_HASH_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 65_536, // KiB
  timeCost: 3,
  parallelism: 4,
} as const;

/** A well-formed hash of nothing with the same parameters, so an unknown account costs a real verification. */
const NOBODY_HASH =
  `$argon2id$v=19$m=${PASSWORD_HASH_OPTIONS.memoryCost},t=${PASSWORD_HASH_OPTIONS.timeCost},p=${PASSWORD_HASH_OPTIONS.parallelism}` +
  '$c2FsdHNhbHRzYWx0$ZmFrZWZha2VmYWtlZmFrZQ';

@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, PASSWORD_HASH_OPTIONS);
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
  }

  /** Spends the time of a real check, so response timing does not reveal which usernames exist. */
  async verifyAgainstNobody(password: string): Promise<void> {
    await this.verify(NOBODY_HASH, password);
  }

  assertPolicy(password: string): void {
    const problems = passwordProblems(password);
    if (problems.length > 0) {
      throw new AppError(
        400,
        'PASSWORD_POLICY',
        `Mật khẩu cần có: ${problems.join(', ')} (password does not meet the policy)`,
      );
    }
  }
}
