import { MigrationInterface, QueryRunner } from 'typeorm';

const STATUSES_BEFORE = `'registered', 'submitted', 'assigned', 'in_progress', 'closed', 'returned', 'recalled'`;

/**
 * Jobs a person waits for (GET /jobs/:id) recorded in PostgreSQL; incoming documents gain the
 * `voided` state (a number registered by mistake stays taken, see voided_number), the image a
 * scan was sent as, and when the scan's text was extracted for search.
 */
export class ScansConversionVoiding1764700000000 implements MigrationInterface {
  name = 'ScansConversionVoiding1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_run (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(60) NOT NULL,
        requested_by uuid REFERENCES app_user(id),
        state varchar(10) NOT NULL CHECK (state IN ('queued', 'running', 'completed', 'failed')),
        progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
        input jsonb NOT NULL DEFAULT '{}',
        result jsonb,
        error jsonb,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX job_run_requested_by_idx ON job_run (requested_by, created_at DESC)`);
    await q.query(`ALTER TABLE incoming_document DROP CONSTRAINT incoming_document_status_check`);
    await q.query(`ALTER TABLE incoming_document ADD CONSTRAINT incoming_document_status_check CHECK (status IN (${STATUSES_BEFORE}, 'voided'))`);
    await q.query(`
      ALTER TABLE incoming_document
        ADD COLUMN scan_image_file_id uuid REFERENCES stored_file(id),
        ADD COLUMN text_extracted_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incoming_document DROP COLUMN text_extracted_at, DROP COLUMN scan_image_file_id`);
    await q.query(`ALTER TABLE incoming_document DROP CONSTRAINT incoming_document_status_check`);
    await q.query(`ALTER TABLE incoming_document ADD CONSTRAINT incoming_document_status_check CHECK (status IN (${STATUSES_BEFORE}))`);
    await q.query(`DROP TABLE job_run`);
  }
}
