import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const BACKUP_KINDS = ['backup_failed', 'restore_drill_failed'];

/**
 * Backups into restic repositories and the restore drills that prove them. At most one backup is
 * queued or running at a time (the partial unique index), so two concurrent requests cannot both start one.
 */
export class Backups1766000000000 implements MigrationInterface {
  name = 'Backups1766000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE backup_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(10) NOT NULL CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        trigger varchar(10) NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        requested_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        duration_ms integer,
        size_added_bytes bigint,
        total_size_bytes bigint,
        verified boolean NOT NULL DEFAULT false,
        manifest jsonb,
        destinations jsonb NOT NULL DEFAULT '[]',
        error text,
        pruned_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX backup_run_one_active ON backup_run ((true)) WHERE status IN ('queued', 'running')`);
    await q.query(`CREATE INDEX backup_run_created ON backup_run (created_at DESC)`);
    await q.query(`
      CREATE TABLE restore_drill (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        backup_run_id uuid REFERENCES backup_run(id),
        status varchar(10) NOT NULL CHECK (status IN ('queued', 'running', 'passed', 'failed')),
        trigger varchar(10) NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        requested_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        duration_ms integer,
        differences jsonb NOT NULL DEFAULT '[]',
        error text
      )`);
    await q.query(`CREATE INDEX restore_drill_created ON restore_drill (created_at DESC)`);
    // The manifest lists blobs in key order and the orphan collector looks keys up: both by this index.
    await q.query(`CREATE INDEX stored_file_storage_key ON stored_file (storage_key)`);
    await allowNotificationKinds(q, BACKUP_KINDS);
    await q.query(`ALTER TABLE notification ADD COLUMN backup_run_id uuid REFERENCES backup_run(id)`);
    await q.query(`ALTER TABLE notification ADD COLUMN restore_drill_id uuid REFERENCES restore_drill(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind IN (${BACKUP_KINDS.map((k) => `'${k}'`).join(', ')})`);
    await q.query(`ALTER TABLE notification DROP COLUMN restore_drill_id`);
    await q.query(`ALTER TABLE notification DROP COLUMN backup_run_id`);
    await disallowNotificationKinds(q, BACKUP_KINDS);
    await q.query(`DROP INDEX stored_file_storage_key`);
    await q.query(`DROP TABLE restore_drill`);
    await q.query(`DROP TABLE backup_run`);
  }
}
