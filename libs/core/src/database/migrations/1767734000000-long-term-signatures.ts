import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Long-term validity and public verification of issued documents (issue 16.6–7): the PAdES level
 * the issued file reached (B-B when the TSA or OCSP responder was down: a job upgrades it later),
 * why it is below B-LT, when a record was last re-time-stamped (B-LTA) and until when that
 * time-stamp's certificate is valid; and the random token of the public verification link.
 */
export class LongTermSignatures1767734000000 implements MigrationInterface {
  name = 'LongTermSignatures1767734000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outgoing_document
        ADD COLUMN long_term_level varchar(5) CHECK (long_term_level IN ('B-B', 'B-T', 'B-LT', 'B-LTA')),
        ADD COLUMN long_term_warning text,
        ADD COLUMN long_term_stamped_until timestamptz,
        ADD COLUMN long_term_refreshed_at timestamptz,
        ADD COLUMN verification_token varchar(32) UNIQUE`);
    await q.query(`CREATE INDEX outgoing_document_long_term_idx ON outgoing_document (long_term_stamped_until) WHERE issued_file_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX outgoing_document_long_term_idx`);
    await q.query(`
      ALTER TABLE outgoing_document
        DROP COLUMN long_term_level, DROP COLUMN long_term_warning, DROP COLUMN long_term_stamped_until,
        DROP COLUMN long_term_refreshed_at, DROP COLUMN verification_token`);
  }
}
