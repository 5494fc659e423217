import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exchange with agencies outside the installation (issue 18): a directory agency (by OrganId) can be
 * a recipient; each edXML package sent or received is a row, unique on (direction, sender, recipient,
 * DocumentId) — the package id every step is idempotent on — and each status message sent or received
 * is a row unique on (package, direction, code), so a replay writes nothing. Statuses to send wait in
 * `exchange_status` (state `queued`) and leave in their order per package.
 * The directory keeps the certificate each agency signs its packages with.
 */
export class ExchangePackages1767736000000 implements MigrationInterface {
  name = 'ExchangePackages1767736000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE external_agency ADD COLUMN certificate_pem text`);
    await q.query(`
      ALTER TABLE outgoing_recipient
        ADD COLUMN organ_id varchar(13),
        ADD COLUMN external_agency_id uuid REFERENCES external_agency(id),
        ADD COLUMN exchange_status varchar(2),
        ADD COLUMN exchange_status_at timestamptz,
        DROP CONSTRAINT outgoing_recipient_kind_check,
        DROP CONSTRAINT recipient_target,
        ADD CONSTRAINT outgoing_recipient_kind_check CHECK (kind IN ('internal', 'external', 'paper', 'agency')),
        ADD CONSTRAINT recipient_target CHECK (
          (kind = 'internal') = (unit_id IS NOT NULL)
          AND (kind <> 'external' OR email IS NOT NULL)
          AND (kind = 'agency') = (external_agency_id IS NOT NULL AND organ_id IS NOT NULL))`);
    await q.query(`
      CREATE TABLE exchange_package (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        direction varchar(8) NOT NULL CHECK (direction IN ('sent', 'received')),
        document_id varchar(100) NOT NULL,
        sender_organ_id varchar(13) NOT NULL,
        recipient_organ_id varchar(13) NOT NULL,
        agency_id uuid NOT NULL REFERENCES unit(id),
        outgoing_recipient_id uuid REFERENCES outgoing_recipient(id),
        intake_item_id uuid REFERENCES intake_item(id),
        package_file_id uuid REFERENCES stored_file(id),
        header jsonb NOT NULL DEFAULT '{}',
        state varchar(8) NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'stored')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT exchange_package_identity UNIQUE (direction, sender_organ_id, recipient_organ_id, document_id)
      )`);
    await q.query(`CREATE INDEX exchange_package_recipient_idx ON exchange_package (outgoing_recipient_id) WHERE outgoing_recipient_id IS NOT NULL`);
    await q.query(`CREATE INDEX exchange_package_intake_idx ON exchange_package (intake_item_id) WHERE intake_item_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE exchange_status (
        id bigserial PRIMARY KEY,
        package_id uuid NOT NULL REFERENCES exchange_package(id),
        direction varchar(8) NOT NULL CHECK (direction IN ('sent', 'received')),
        code varchar(2) NOT NULL,
        description text,
        occurred_at timestamptz NOT NULL,
        state varchar(8) NOT NULL CHECK (state IN ('queued', 'sent', 'applied')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT exchange_status_once UNIQUE (package_id, direction, code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exchange_status`);
    await q.query(`DROP TABLE exchange_package`);
    await q.query(`DELETE FROM outgoing_recipient WHERE kind = 'agency'`);
    await q.query(`
      ALTER TABLE outgoing_recipient
        DROP CONSTRAINT recipient_target,
        DROP CONSTRAINT outgoing_recipient_kind_check,
        DROP COLUMN organ_id, DROP COLUMN external_agency_id, DROP COLUMN exchange_status, DROP COLUMN exchange_status_at,
        ADD CONSTRAINT outgoing_recipient_kind_check CHECK (kind IN ('internal', 'external', 'paper')),
        ADD CONSTRAINT recipient_target CHECK ((kind = 'internal') = (unit_id IS NOT NULL) AND (kind <> 'external' OR email IS NOT NULL))`);
    await q.query(`ALTER TABLE external_agency DROP COLUMN certificate_pem`);
  }
}
