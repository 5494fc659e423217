import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications by e-mail (issue 17.6): each notification's way out (sent at once, kept for the daily
 * digest, in-app only, …) with its attempts; each person's preference per kind; one digest per
 * person and day. Notifications made before this migration are not e-mailed (`too_old`).
 * `kind` widens from 20 characters: new kinds kept hitting the limit.
 */
export class NotificationEmail1767738000000 implements MigrationInterface {
  name = 'NotificationEmail1767738000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ALTER COLUMN kind TYPE varchar(40)`);
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN email_state varchar(12)
          CHECK (email_state IN ('sending', 'retry', 'sent', 'digest', 'digested', 'in_app', 'no_address', 'no_mail', 'too_old', 'failed')),
        ADD COLUMN email_attempts integer NOT NULL DEFAULT 0,
        ADD COLUMN email_next_at timestamptz,
        ADD COLUMN emailed_at timestamptz`);
    await q.query(`UPDATE notification SET email_state = 'too_old'`);
    // What the sender scans every few seconds: only the rows still on their way.
    await q.query(`CREATE INDEX notification_email_pending_idx ON notification (created_at) WHERE email_state IS NULL OR email_state IN ('sending', 'retry')`);
    await q.query(`CREATE INDEX notification_digest_pending_idx ON notification (user_id, created_at) WHERE email_state = 'digest'`);
    await q.query(`
      CREATE TABLE notification_preference (
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind varchar(40) NOT NULL,
        delivery varchar(10) NOT NULL CHECK (delivery IN ('immediate', 'digest', 'in_app')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, kind)
      )`);
    await q.query(`
      CREATE TABLE notification_digest (
        user_id uuid NOT NULL REFERENCES app_user(id),
        digest_date date NOT NULL,
        state varchar(8) NOT NULL CHECK (state IN ('sending', 'sent')),
        item_count integer NOT NULL DEFAULT 0,
        message_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        PRIMARY KEY (user_id, digest_date)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_digest`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP INDEX notification_digest_pending_idx`);
    await q.query(`DROP INDEX notification_email_pending_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN emailed_at, DROP COLUMN email_next_at, DROP COLUMN email_attempts, DROP COLUMN email_state`);
  }
}
