import { MigrationInterface, QueryRunner } from 'typeorm';

const INCOMING_AND_CERTIFICATE_KINDS = `'submitted', 'assigned', 'reopened', 'due_soon', 'overdue', 'received', 'recalled', 'certificate_expiring'`;

/**
 * Notifications about outgoing drafts: whose turn it is to review or sign, a draft returned to its
 * author, a signed document waiting for its number. They point at the outgoing document.
 */
export class OutgoingNotifications1765000000000 implements MigrationInterface {
  name = 'OutgoingNotifications1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification ADD COLUMN outgoing_document_id uuid REFERENCES outgoing_document(id)`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`
      ALTER TABLE notification ADD CONSTRAINT notification_kind_check
        CHECK (kind IN (${INCOMING_AND_CERTIFICATE_KINDS}, 'outgoing_review', 'outgoing_returned', 'outgoing_to_issue'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE outgoing_document_id IS NOT NULL`);
    await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
    await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${INCOMING_AND_CERTIFICATE_KINDS}))`);
    await q.query(`ALTER TABLE notification DROP COLUMN outgoing_document_id`);
  }
}
