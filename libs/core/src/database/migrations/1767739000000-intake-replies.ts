import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const KINDS = ['outgoing_copy_returned'];

/**
 * Telling the sender (issue 17.5): when the acknowledgement (báo nhận) and the return notice
 * (trả lại) of an e-mailed document went out — each once; and a notification for the sender of an
 * internal copy the recipient returned.
 */
export class IntakeReplies1767739000000 implements MigrationInterface {
  name = 'IntakeReplies1767739000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake_item ADD COLUMN acknowledged_at timestamptz, ADD COLUMN return_notified_at timestamptz`);
    await allowNotificationKinds(q, KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await disallowNotificationKinds(q, KINDS);
    await q.query(`ALTER TABLE intake_item DROP COLUMN return_notified_at, DROP COLUMN acknowledged_at`);
  }
}
