import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The national document axis (trục liên thông, issue 18): each message that went through it, sent or
 * received, by the axis's own id — so a package listed again after a crash between storing and
 * acknowledging is recognised, and the reconciliation can compare our packages with the axis's lists.
 * What the reconciliation found (and did about it) is kept for the administrator.
 */
export class ExchangeAxis1767743000000 implements MigrationInterface {
  name = 'ExchangeAxis1767743000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE exchange_axis_message (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        direction varchar(8) NOT NULL CHECK (direction IN ('sent', 'received')),
        message_type varchar(6) NOT NULL CHECK (message_type IN ('edoc', 'status')),
        axis_doc_id varchar(100) NOT NULL,
        from_organ_id varchar(13),
        to_organ_id varchar(13),
        document_id varchar(100),
        status_code varchar(2),
        package_id uuid REFERENCES exchange_package(id),
        state varchar(12) NOT NULL CHECK (state IN ('sent', 'stored', 'acknowledged', 'refused', 'lost')),
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        acknowledged_at timestamptz,
        CONSTRAINT exchange_axis_message_once UNIQUE (direction, axis_doc_id)
      )`);
    await q.query(`CREATE INDEX exchange_axis_message_package_idx ON exchange_axis_message (package_id) WHERE package_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE exchange_axis_discrepancy (
        id bigserial PRIMARY KEY,
        run_id uuid NOT NULL,
        kind varchar(16) NOT NULL CHECK (kind IN ('missing_here', 'missing_on_axis')),
        axis_doc_id varchar(100),
        package_id uuid REFERENCES exchange_package(id),
        document_id varchar(100),
        action varchar(8) NOT NULL CHECK (action IN ('fetched', 'resent', 'failed')),
        detail text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX exchange_axis_discrepancy_created_idx ON exchange_axis_discrepancy (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE exchange_axis_discrepancy`);
    await q.query(`DROP TABLE exchange_axis_message`);
  }
}
