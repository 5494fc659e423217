import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

// notification.kind is varchar(20): the kind's name fits it.
const KIND = 'record_destruction';

/**
 * Scheduled destruction proposals (issue 15.5): the daily records scan puts the records whose
 * retention ended onto a `draft` destruction list made by no one (`created_by` null), which the
 * agency's clerk submits (`submitted_at`) and a leader approves; the clerks are told
 * (`record_destruction`).
 */
export class DestructionProposals1767600400000 implements MigrationInterface {
  name = 'DestructionProposals1767600400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE record_destruction DROP CONSTRAINT record_destruction_status_check`);
    await q.query(`ALTER TABLE record_destruction ADD CONSTRAINT record_destruction_status_check CHECK (status IN ('draft', 'submitted', 'destroyed'))`);
    await q.query(`ALTER TABLE record_destruction ALTER COLUMN created_by DROP NOT NULL`);
    await q.query(`ALTER TABLE record_destruction ADD COLUMN submitted_by uuid REFERENCES app_user(id), ADD COLUMN submitted_at timestamptz`);
    // Lists made before: submitted by who made them, when they made them.
    await q.query(`UPDATE record_destruction SET submitted_by = created_by, submitted_at = created_at WHERE status <> 'draft'`);
    await allowNotificationKinds(q, [KIND]);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = $1`, [KIND]);
    await disallowNotificationKinds(q, [KIND]);
    await q.query(`DELETE FROM record_destruction_line l USING record_destruction d WHERE d.id = l.destruction_id AND d.status = 'draft'`);
    await q.query(`DELETE FROM record_destruction WHERE status = 'draft'`);
    await q.query(`UPDATE record_destruction SET created_by = coalesce(submitted_by, approved_by) WHERE created_by IS NULL`);
    await q.query(`ALTER TABLE record_destruction DROP COLUMN submitted_by, DROP COLUMN submitted_at`);
    await q.query(`ALTER TABLE record_destruction ALTER COLUMN created_by SET NOT NULL`);
    await q.query(`ALTER TABLE record_destruction DROP CONSTRAINT record_destruction_status_check`);
    await q.query(`ALTER TABLE record_destruction ADD CONSTRAINT record_destruction_status_check CHECK (status IN ('submitted', 'destroyed'))`);
  }
}
