import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

/**
 * Nộp lưu (issue 15.4): hand-over lists of closed records to the agency archive, and the BagIt
 * package built for each record. A record sits on one list at most (UNIQUE record_id), so two
 * lists cannot take the same record even when made at the same moment. A handed-over record is
 * frozen (status `handed_over`). Its owner is told when the hand-over deadline nears (notification
 * kind `record_handover_due`, pointing at the record).
 */
export class RecordHandovers1767600000000 implements MigrationInterface {
  name = 'RecordHandovers1767600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE handover (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        title text NOT NULL,
        status varchar NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'packaged')),
        created_by uuid NOT NULL REFERENCES app_user(id),
        approved_by uuid REFERENCES app_user(id),
        approved_at timestamptz,
        packaged_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX handover_agency_idx ON handover (agency_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE handover_record (
        handover_id uuid NOT NULL REFERENCES handover(id),
        record_id uuid NOT NULL REFERENCES file_record(id) UNIQUE,
        ordinal int NOT NULL CHECK (ordinal >= 1),
        package_path text,
        payload_bytes bigint,
        payload_files int,
        payload_oxum varchar,
        packaged_at timestamptz,
        PRIMARY KEY (handover_id, record_id)
      )`);
    await q.query(`ALTER TABLE file_record DROP CONSTRAINT file_record_status_check`);
    await q.query(`ALTER TABLE file_record ADD CONSTRAINT file_record_status_check CHECK (status IN ('open', 'closed', 'handed_over'))`);
    await q.query(`CREATE INDEX file_record_handover_due_idx ON file_record (end_date) WHERE status = 'closed'`);
    await q.query(`ALTER TABLE notification ADD COLUMN record_id uuid REFERENCES file_record(id)`);
    await allowNotificationKinds(q, ['record_handover_due']);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = 'record_handover_due'`);
    await disallowNotificationKinds(q, ['record_handover_due']);
    await q.query(`ALTER TABLE notification DROP COLUMN record_id`);
    await q.query(`DROP INDEX file_record_handover_due_idx`);
    await q.query(`UPDATE file_record SET status = 'closed' WHERE status = 'handed_over'`);
    await q.query(`ALTER TABLE file_record DROP CONSTRAINT file_record_status_check`);
    await q.query(`ALTER TABLE file_record ADD CONSTRAINT file_record_status_check CHECK (status IN ('open', 'closed'))`);
    await q.query(`DROP TABLE handover_record`);
    await q.query(`DROP TABLE handover`);
  }
}
