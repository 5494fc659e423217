import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The axis reconciliation compares status messages too (docs/exchange.md): each finding says
 * whether it is about a package or a status; a status we sent that the axis lost is queued again.
 */
export class AxisStatusReconciliation1767747000001 implements MigrationInterface {
  name = 'AxisStatusReconciliation1767747000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE exchange_axis_discrepancy ADD COLUMN message_type varchar(6) NOT NULL DEFAULT 'edoc' CHECK (message_type IN ('edoc', 'status'))`);
    await q.query(`CREATE INDEX exchange_axis_message_sent_status_idx ON exchange_axis_message (package_id, status_code) WHERE direction = 'sent' AND message_type = 'status' AND state = 'sent'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX exchange_axis_message_sent_status_idx`);
    await q.query(`ALTER TABLE exchange_axis_discrepancy DROP COLUMN message_type`);
  }
}
