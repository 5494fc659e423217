import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TOTP second factor (docs/sign-in.md): one row per person who started enrolment. The secret is
 * sealed with MFA_ENCRYPTION_KEY (AES-256-GCM); recovery codes are stored as SHA-256 digests only
 * (each has 125 random bits, so a fast hash is enough); `last_used_step` refuses a code twice.
 */
export class UserMfa1766400000000 implements MigrationInterface {
  name = 'UserMfa1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_mfa (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        secret_sealed text NOT NULL,
        confirmed_at timestamptz,
        last_used_step bigint,
        recovery_code_hashes text[] NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE user_mfa`);
  }
}
