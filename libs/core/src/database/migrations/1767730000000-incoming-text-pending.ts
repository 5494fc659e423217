import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The documents whose scan text is not read yet, by registration time (issue 13.10): the worker
 * reads several recent ones in one pdftotext run, and finds them here without scanning the table.
 * Small by construction: a document leaves it as soon as its text is saved.
 */
export class IncomingTextPending1767730000000 implements MigrationInterface {
  name = 'IncomingTextPending1767730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX incoming_text_pending_idx ON incoming_document (created_at) WHERE text_extracted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX incoming_text_pending_idx`);
  }
}
