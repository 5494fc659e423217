import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The last poll of an agency's own intake mailbox, for its administrator: when the worker last
 * tried it and why it failed (null when it was read). Cleared when the settings change, so a
 * failure of the old server is not shown against the new one.
 */
export class IntakeMailboxPoll1767745000001 implements MigrationInterface {
  name = 'IntakeMailboxPoll1767745000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake_mailbox ADD COLUMN last_polled_at timestamptz, ADD COLUMN last_poll_error text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake_mailbox DROP COLUMN last_polled_at, DROP COLUMN last_poll_error`);
  }
}
