import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Phụ lục in separate files: PDFs attached to an outgoing document while it is a draft; at issue
 * each gets the agency's signature (top right of page 1, with the document's number) in the same
 * transaction as the number.
 */
export class OutgoingAppendices1765200000000 implements MigrationInterface {
  name = 'OutgoingAppendices1765200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outgoing_appendix (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES outgoing_document(id),
        position integer NOT NULL CHECK (position > 0),
        title varchar(500) NOT NULL,
        file_id uuid NOT NULL REFERENCES stored_file(id),
        issued_file_id uuid REFERENCES stored_file(id),
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outgoing_appendix_position UNIQUE (document_id, position)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outgoing_appendix`);
  }
}
