import { MigrationInterface, QueryRunner } from 'typeorm';

async function notificationKinds(q: QueryRunner): Promise<string[]> {
  const rows: { def: string }[] = await q.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'notification_kind_check'`);
  return [...(rows[0]?.def ?? '').matchAll(/'([a-z_]+)'/g)].map((m) => m[1]);
}

async function setNotificationKinds(q: QueryRunner, kinds: string[]): Promise<void> {
  await q.query(`ALTER TABLE notification DROP CONSTRAINT notification_kind_check`);
  await q.query(`ALTER TABLE notification ADD CONSTRAINT notification_kind_check CHECK (kind IN (${kinds.map((k) => `'${k}'`).join(', ')}))`);
}

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
    await setNotificationKinds(q, [...(await notificationKinds(q)), ...KINDS]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await setNotificationKinds(q, (await notificationKinds(q)).filter((k) => !KINDS.includes(k)));
  }
}
