import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ký hàng loạt (issue 16.4): a leader signs several approved drafts with one action. The batch
 * keeps who asked, how (stored key or remote), and for a remote provider that signs several hashes
 * under one confirmation (CSC) its one transaction; each item keeps its draft, its own outcome
 * (signed, or failed with the code the single route would answer) and, when signed remotely, the
 * draft's own signing session. A document appears once per batch.
 */
export class SignBatches1767740000000 implements MigrationInterface {
  name = 'SignBatches1767740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outgoing_sign_batch (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        signer_id uuid NOT NULL REFERENCES app_user(id),
        method varchar(10) NOT NULL CHECK (method IN ('stored', 'remote')),
        provider_id uuid REFERENCES remote_signing_provider(id),
        transaction_id varchar(200),
        transaction jsonb,
        remote_status varchar(10) CHECK (remote_status IN ('pending', 'signed', 'rejected', 'expired', 'failed')),
        failure_code varchar(64),
        failure_message text,
        expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX outgoing_sign_batch_transaction_idx ON outgoing_sign_batch (provider_id, transaction_id) WHERE transaction_id IS NOT NULL`);
    await q.query(`CREATE INDEX outgoing_sign_batch_signer_idx ON outgoing_sign_batch (signer_id, created_at)`);
    await q.query(`
      CREATE TABLE outgoing_sign_batch_item (
        batch_id uuid NOT NULL REFERENCES outgoing_sign_batch(id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        document_id uuid NOT NULL,
        status varchar(10) NOT NULL CHECK (status IN ('pending', 'signed', 'failed')),
        session_id uuid REFERENCES outgoing_signing_session(id),
        failure_status integer CHECK (failure_status BETWEEN 400 AND 599),
        failure_code varchar(64),
        failure_message text,
        PRIMARY KEY (batch_id, position),
        UNIQUE (batch_id, document_id)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outgoing_sign_batch_item`);
    await q.query(`DROP TABLE outgoing_sign_batch`);
  }
}
