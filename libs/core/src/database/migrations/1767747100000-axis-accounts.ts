import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One axis account per agency: an agency of the installation (a unit with its OrganId) may connect
 * to the national axis as its own system (its URL and `systemId`); EXCHANGE_AXIS_* stay the
 * installation-wide default for the agencies without one. The secret is never stored: the row names
 * the environment variable that holds it (EXCHANGE_AXIS_SECRET_<NAME>), read when the axis is called.
 */
export class AxisAccounts1767747100000 implements MigrationInterface {
  name = 'AxisAccounts1767747100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE axis_account (
        agency_id uuid PRIMARY KEY REFERENCES unit(id),
        url varchar(2048) NOT NULL,
        system_id varchar(200) NOT NULL,
        secret_env varchar(100) NOT NULL CHECK (secret_env ~ '^EXCHANGE_AXIS_SECRET_[A-Z0-9_]{1,60}$'),
        updated_by uuid NOT NULL REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE axis_account`);
  }
}
