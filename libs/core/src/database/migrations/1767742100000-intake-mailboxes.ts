import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One mailbox per agency (issue 17): each agency of the installation may have its own IMAP mailbox
 * read into its intake; INTAKE_IMAP_URL stays the single-agency default. The password is never
 * stored: the row names the environment variable that holds it (INTAKE_IMAP_PASSWORD_<NAME>), read by
 * the worker when it connects. A mailbox feeds one agency (unique on server, user and folder), so a
 * message is taken once per mailbox; a message sent to two agencies' mailboxes is one item in each.
 * The read position (intake_mailbox_state) stays keyed by the mailbox (server, user, folder) and now
 * notes the agency it was read for.
 */
export class IntakeMailboxes1767742100000 implements MigrationInterface {
  name = 'IntakeMailboxes1767742100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake_mailbox (
        agency_id uuid PRIMARY KEY REFERENCES unit(id),
        host varchar(255) NOT NULL,
        port integer NOT NULL CHECK (port BETWEEN 1 AND 65535),
        tls boolean NOT NULL,
        username varchar(320) NOT NULL,
        mailbox varchar(300) NOT NULL DEFAULT 'INBOX',
        password_env varchar(100) NOT NULL CHECK (password_env ~ '^INTAKE_IMAP_PASSWORD_[A-Z0-9_]{1,60}$'),
        updated_by uuid NOT NULL REFERENCES app_user(id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT intake_mailbox_one_agency UNIQUE (host, port, username, mailbox)
      )`);
    await q.query(`ALTER TABLE intake_mailbox_state ADD COLUMN agency_id uuid REFERENCES unit(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake_mailbox_state DROP COLUMN agency_id`);
    await q.query(`DROP TABLE intake_mailbox`);
  }
}
