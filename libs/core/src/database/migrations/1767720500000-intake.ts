import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Văn bản chờ vào sổ (issue 17): every arrival — a scan made with POST /scans, an e-mail to the
 * agency's mailbox, later an edXML package — is an intake item with its files, its source and a
 * proposal for registration, until the clerk registers, returns or discards it.
 *
 * `(channel, source_id)` is unique: a scan job or an IMAP message (mailbox, UIDVALIDITY, UID) makes
 * one item however often it is seen; the Message-ID is unique per agency too, so the same message
 * appended twice (or fetched again after UIDVALIDITY changed) makes nothing new. The registered
 * document points back at its item with a unique column, which is what lets two concurrent register
 * calls take one number: the second statement waits for the first to commit, then fails on it.
 */
export class Intake1767720500000 implements MigrationInterface {
  name = 'Intake1767720500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake_item (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        channel varchar(10) NOT NULL CHECK (channel IN ('paper', 'email', 'system', 'edxml')),
        source_id varchar(300) NOT NULL,
        message_id varchar(998),
        sender varchar(320),
        sender_name varchar(300),
        title varchar(1000),
        received_at timestamptz NOT NULL,
        state varchar(16) NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'registered', 'returned', 'not_a_document')),
        flags text[] NOT NULL DEFAULT '{}',
        proposal jsonb NOT NULL DEFAULT '{}',
        message_file_id uuid REFERENCES stored_file(id),
        incoming_document_id uuid REFERENCES incoming_document(id),
        corrections jsonb,
        decided_by uuid REFERENCES app_user(id),
        decided_at timestamptz,
        reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT intake_item_source UNIQUE (channel, source_id)
      )`);
    await q.query(`CREATE UNIQUE INDEX intake_item_message ON intake_item (agency_id, message_id) WHERE message_id IS NOT NULL`);
    await q.query(`CREATE INDEX intake_item_queue_idx ON intake_item (agency_id, state, received_at DESC)`);
    await q.query(`
      CREATE TABLE intake_item_file (
        item_id uuid NOT NULL REFERENCES intake_item(id) ON DELETE CASCADE,
        position integer NOT NULL,
        file_id uuid REFERENCES stored_file(id),
        original_name varchar(500),
        mime_type varchar(200),
        size_bytes bigint NOT NULL,
        sha256 char(64),
        flags text[] NOT NULL DEFAULT '{}',
        verification jsonb,
        PRIMARY KEY (item_id, position)
      )`);
    await q.query(`
      CREATE TABLE intake_mailbox_state (
        mailbox varchar(500) PRIMARY KEY,
        uid_validity bigint NOT NULL,
        last_uid bigint NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE incoming_document ADD COLUMN intake_item_id uuid REFERENCES intake_item(id)`);
    await q.query(`ALTER TABLE incoming_document ADD CONSTRAINT incoming_intake_item UNIQUE (intake_item_id)`);
    // Scans registered with POST /incoming (metadata.scanFileId) are matched to their waiting intake item by the file.
    await q.query(`CREATE INDEX IF NOT EXISTS incoming_scan_file_idx ON incoming_document (scan_file_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS incoming_scan_file_idx`);
    await q.query(`ALTER TABLE incoming_document DROP COLUMN intake_item_id`);
    await q.query(`DROP TABLE intake_mailbox_state`);
    await q.query(`DROP TABLE intake_item_file`);
    await q.query(`DROP TABLE intake_item`);
  }
}
