import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const KINDS = ['record_to_file', 'record_list_pending'];

/**
 * Records reminders (issue 15.6): `record_to_file` tells the handler of a document finished
 * RECORDS_TO_FILE_AFTER_DAYS ago and in no record (pointing at the document); `record_list_pending`
 * tells an agency's leaders of a hand-over or destruction list waiting for their approval more than
 * RECORDS_PENDING_APPROVAL_DAYS (the list named in the title). Once per item and threshold (dedupe key).
 */
export class RecordReminders1767600300000 implements MigrationInterface {
  name = 'RecordReminders1767600300000';

  async up(q: QueryRunner): Promise<void> {
    await allowNotificationKinds(q, KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await disallowNotificationKinds(q, KINDS);
  }
}
