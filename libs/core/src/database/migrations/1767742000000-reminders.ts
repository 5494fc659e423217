import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const KINDS = ['validity_ending', 'intake_waiting'];

/**
 * Reminders (issue 17): an incoming document may carry the end of its validity (thời gian hiệu
 * lực, a date printed in its body — Decree 30 Điều 8), and the people handling it are told as that
 * day nears; an intake item waiting too long reminds the agency's clerks. A notification may now
 * be about an intake item. Each reminder is one notification per person, item and threshold
 * (dedupe_key), so a re-run or a second worker adds nothing.
 */
export class Reminders1767742000000 implements MigrationInterface {
  name = 'Reminders1767742000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incoming_document ADD COLUMN valid_until date`);
    await q.query(`CREATE INDEX incoming_valid_until_idx ON incoming_document (valid_until) WHERE valid_until IS NOT NULL`);
    await q.query(`ALTER TABLE notification ADD COLUMN intake_item_id uuid REFERENCES intake_item(id) ON DELETE CASCADE`);
    await q.query(`CREATE INDEX intake_item_waiting_idx ON intake_item (received_at) WHERE state = 'waiting'`);
    await allowNotificationKinds(q, KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await disallowNotificationKinds(q, KINDS);
    await q.query(`DROP INDEX intake_item_waiting_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN intake_item_id`);
    await q.query(`DROP INDEX incoming_valid_until_idx`);
    await q.query(`ALTER TABLE incoming_document DROP COLUMN valid_until`);
  }
}
