import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing documents searchable in their text, as incoming ones are: the worker puts the words of
 * the document's current PDF (issued, else signed, else the current draft's) into `extracted_text`
 * and remembers which file they came from (`text_file_id`), so a new version or the issued PDF is
 * read again and the same one is not. The search column folds the text in; a generated column
 * cannot be altered, so it is dropped (with its index) and made again.
 */
export class OutgoingTextSearch1767418300000 implements MigrationInterface {
  name = 'OutgoingTextSearch1767418300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outgoing_search_trgm`);
    await q.query(`
      ALTER TABLE outgoing_document
        DROP COLUMN search_folded,
        ADD COLUMN extracted_text text,
        ADD COLUMN text_file_id uuid REFERENCES stored_file(id),
        ADD COLUMN text_extracted_at timestamptz`);
    await q.query(`
      ALTER TABLE outgoing_document ADD COLUMN search_folded text GENERATED ALWAYS AS (eoffice_fold(
        subject || ' ' || coalesce(number_symbol, '') || ' ' || coalesce(extracted_text, ''))) STORED`);
    await q.query(`CREATE INDEX outgoing_search_trgm ON outgoing_document USING gin (search_folded gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outgoing_search_trgm`);
    await q.query(`ALTER TABLE outgoing_document DROP COLUMN search_folded, DROP COLUMN extracted_text, DROP COLUMN text_file_id, DROP COLUMN text_extracted_at`);
    await q.query(`
      ALTER TABLE outgoing_document ADD COLUMN search_folded text GENERATED ALWAYS AS (eoffice_fold(
        subject || ' ' || coalesce(number_symbol, ''))) STORED`);
    await q.query(`CREATE INDEX outgoing_search_trgm ON outgoing_document USING gin (search_folded gin_trgm_ops)`);
  }
}
