import { Injectable } from '@nestjs/common';
import argon2 from 'argon2';
import { AppError } from '@eoffice/core';
import { passwordProblems } from '../rules/password-policy';

/** argon2id with the library's defaults (64 MiB, t=3), which follow the OWASP recommendation. */
@Injectable()
export class PasswordHasher {
  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  verify(hash: string, password: string): Promise<boolean> {
    return argon2.verify(hash, password).catch(() => false);
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
