import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * How long each step of a backup took (manifest, pg_dump; each destination's own steps are in its
 * `destinations` entry), so a slow backup says where its time went without a profiler.
 */
export class BackupSteps1767500100000 implements MigrationInterface {
  name = 'BackupSteps1767500100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE backup_run ADD COLUMN steps_ms jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE backup_run DROP COLUMN steps_ms`);
  }
}
