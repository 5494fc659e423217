import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const KINDS = ['outgoing_validity_ending'];

/**
 * Thời gian hiệu lực on outgoing documents: the drafter may set the last day the document is in
 * force (Decree 30 Điều 8), the incoming copies delivered inside the installation carry it, and the
 * drafter and the agency's clerks are reminded as it nears (once per document and threshold).
 */
export class OutgoingValidity1767745000000 implements MigrationInterface {
  name = 'OutgoingValidity1767745000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_document ADD COLUMN valid_until date`);
    await q.query(`CREATE INDEX outgoing_valid_until_idx ON outgoing_document (valid_until) WHERE valid_until IS NOT NULL`);
    await allowNotificationKinds(q, KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await disallowNotificationKinds(q, KINDS);
    await q.query(`DROP INDEX outgoing_valid_until_idx`);
    await q.query(`ALTER TABLE outgoing_document DROP COLUMN valid_until`);
  }
}
