import { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_STATUSES = `'draft', 'submitted', 'approved', 'signed', 'issued', 'dispatched', 'recalled'`;

/**
 * The seal without a stored key (issue 16.2) and the paper path (16.3). An agency says where its
 * seal key is (stored on the server, the clerk's USB token, a CA's remote e-seal). Without a stored
 * key, issuing is a saga whose steps are rows of outgoing_seal_saga: the number taken with the
 * prepared revision in one transaction (unique per register and year, so never doubled), then the
 * seal requested and embedded, or the number voided with its reason. An outgoing document gains
 * `sealing` (number taken, seal awaited: not issued) and `numbered` (a paper original numbered, its
 * scan awaited), and `signed_on_paper` for the register's "paper" note.
 */
export class SealSaga1767733000000 implements MigrationInterface {
  name = 'SealSaga1767733000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE agency_seal (
        agency_id uuid PRIMARY KEY REFERENCES unit(id),
        mode varchar(10) NOT NULL CHECK (mode IN ('stored', 'token', 'remote')),
        -- The e-seal's credential at the agency's remote signing provider (remote_signing_provider).
        credential_id varchar(200),
        -- The red seal painted by a seal made elsewhere (a stored certificate carries its own).
        seal_image_file_id uuid REFERENCES stored_file(id),
        CONSTRAINT agency_seal_image CHECK (mode = 'stored' OR seal_image_file_id IS NOT NULL),
        CONSTRAINT agency_seal_remote_credential CHECK (mode <> 'remote' OR credential_id IS NOT NULL),
        updated_by uuid REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE outgoing_seal_saga (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES outgoing_document(id),
        agency_id uuid NOT NULL REFERENCES unit(id),
        kind varchar(10) NOT NULL CHECK (kind IN ('issue', 'paper')),
        mode varchar(10) NOT NULL CHECK (mode IN ('token', 'remote')),
        step varchar(10) NOT NULL CHECK (step IN ('prepared', 'requested', 'completed', 'voided', 'failed')),
        register_id uuid NOT NULL REFERENCES register(id),
        year integer NOT NULL,
        number integer NOT NULL CHECK (number > 0),
        number_symbol varchar(60) NOT NULL,
        issued_at timestamptz NOT NULL,
        started_by uuid NOT NULL REFERENCES app_user(id),
        prepared_file_id uuid NOT NULL REFERENCES stored_file(id),
        state jsonb NOT NULL,
        remote_transaction jsonb,
        expires_at timestamptz NOT NULL,
        failure_code varchar(64),
        reason text,
        sealed_file_id uuid REFERENCES stored_file(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX outgoing_seal_saga_open_idx ON outgoing_seal_saga (document_id) WHERE step IN ('prepared', 'requested')`);
    await q.query(`CREATE UNIQUE INDEX outgoing_seal_saga_number_idx ON outgoing_seal_saga (register_id, year, number) WHERE kind = 'issue'`);
    await q.query(`CREATE INDEX outgoing_seal_saga_document_idx ON outgoing_seal_saga (document_id, created_at)`);
    await q.query(`CREATE INDEX outgoing_seal_saga_open_deadline_idx ON outgoing_seal_saga (expires_at) WHERE step IN ('prepared', 'requested')`);
    await q.query(`ALTER TABLE outgoing_document ADD COLUMN signed_on_paper boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE outgoing_document DROP CONSTRAINT outgoing_document_status_check`);
    await q.query(`ALTER TABLE outgoing_document ADD CONSTRAINT outgoing_document_status_check CHECK (status IN (${OLD_STATUSES}, 'sealing', 'numbered'))`);
    await q.query(`ALTER TABLE outgoing_document DROP CONSTRAINT outgoing_issued_has_number`);
    await q.query(`
      ALTER TABLE outgoing_document ADD CONSTRAINT outgoing_issued_has_number CHECK (
        status IN ('draft', 'submitted', 'approved', 'signed', 'sealing')
        OR (status = 'numbered' AND outgoing_number IS NOT NULL AND signed_on_paper)
        OR (outgoing_number IS NOT NULL AND issued_file_id IS NOT NULL))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Documents still in a saga or waiting for a scan go back to where they came from.
    await q.query(`UPDATE outgoing_document SET status = 'signed' WHERE status = 'sealing'`);
    await q.query(`UPDATE outgoing_document SET status = 'approved', register_id = NULL, year = NULL, outgoing_number = NULL, number_symbol = NULL, issued_at = NULL, issued_by = NULL WHERE status = 'numbered'`);
    await q.query(`ALTER TABLE outgoing_document DROP CONSTRAINT outgoing_issued_has_number`);
    await q.query(`
      ALTER TABLE outgoing_document ADD CONSTRAINT outgoing_issued_has_number CHECK (
        status IN ('draft', 'submitted', 'approved', 'signed') OR (outgoing_number IS NOT NULL AND issued_file_id IS NOT NULL))`);
    await q.query(`ALTER TABLE outgoing_document DROP CONSTRAINT outgoing_document_status_check`);
    await q.query(`ALTER TABLE outgoing_document ADD CONSTRAINT outgoing_document_status_check CHECK (status IN (${OLD_STATUSES}))`);
    await q.query(`ALTER TABLE outgoing_document DROP COLUMN signed_on_paper`);
    await q.query(`DROP TABLE outgoing_seal_saga`);
    await q.query(`DROP TABLE agency_seal`);
  }
}
