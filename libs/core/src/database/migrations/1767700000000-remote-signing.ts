import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const KINDS = ['remote_signed', 'remote_sign_failed'];

/**
 * Remote signing (chữ ký số từ xa, issue 16.1): an agency's provider (protocol, endpoint, the name of
 * its client credentials in REMOTE_SIGNING_CREDENTIALS — never the secret — and how long a signer
 * has to confirm), each person's credential id at it, and the remote state of a signing session:
 * sending → pending → signed | rejected | expired | failed, with the provider's transaction id
 * unique per provider (a callback finds its session by it).
 */
export class RemoteSigning1767700000000 implements MigrationInterface {
  name = 'RemoteSigning1767700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE remote_signing_provider (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL UNIQUE REFERENCES unit(id),
        protocol varchar(10) NOT NULL CHECK (protocol IN ('csc', 'sp769')),
        base_url text NOT NULL,
        credentials_key varchar(64) NOT NULL,
        timeout_seconds integer NOT NULL DEFAULT 300 CHECK (timeout_seconds BETWEEN 10 AND 3600),
        poll_seconds integer NOT NULL DEFAULT 5 CHECK (poll_seconds BETWEEN 1 AND 300),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE remote_signing_account (
        user_id uuid PRIMARY KEY REFERENCES app_user(id),
        credential_id varchar(200) NOT NULL,
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE outgoing_signing_session ADD COLUMN provider_id uuid REFERENCES remote_signing_provider(id)`);
    await q.query(`ALTER TABLE outgoing_signing_session ADD COLUMN transaction_id varchar(200)`);
    await q.query(`
      ALTER TABLE outgoing_signing_session ADD COLUMN remote_status varchar(10)
        CHECK (remote_status IN ('sending', 'pending', 'signed', 'rejected', 'expired', 'failed'))`);
    await q.query(`ALTER TABLE outgoing_signing_session ADD COLUMN failure_code varchar(64)`);
    await q.query(`ALTER TABLE outgoing_signing_session ADD COLUMN failure_message text`);
    await q.query(`CREATE UNIQUE INDEX outgoing_signing_session_transaction_idx ON outgoing_signing_session (provider_id, transaction_id) WHERE transaction_id IS NOT NULL`);
    await q.query(`CREATE INDEX outgoing_signing_session_remote_idx ON outgoing_signing_session (document_id, created_at) WHERE provider_id IS NOT NULL`);
    await allowNotificationKinds(q, KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await disallowNotificationKinds(q, KINDS);
    await q.query(`DELETE FROM outgoing_signing_session WHERE provider_id IS NOT NULL`);
    await q.query(`DROP INDEX outgoing_signing_session_remote_idx`);
    await q.query(`DROP INDEX outgoing_signing_session_transaction_idx`);
    for (const column of ['failure_message', 'failure_code', 'remote_status', 'transaction_id', 'provider_id']) {
      await q.query(`ALTER TABLE outgoing_signing_session DROP COLUMN ${column}`);
    }
    await q.query(`DROP TABLE remote_signing_account`);
    await q.query(`DROP TABLE remote_signing_provider`);
  }
}
