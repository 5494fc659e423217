import { MigrationInterface, QueryRunner } from 'typeorm';

/** A draft uploaded as docx/odt points at the job run converting it, so its author can follow the progress. */
export class OutgoingDraftConversion1764900000000 implements MigrationInterface {
  name = 'OutgoingDraftConversion1764900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_version ADD COLUMN conversion_job_id uuid REFERENCES job_run(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_version DROP COLUMN conversion_job_id`);
  }
}
