import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Appendices (phụ lục) get the same long-term proofs as the document they belong to: the level each
 * issued appendix reached (B-B, B-T, B-LT, B-LTA), so the upgrade job and the nightly refresh extend
 * them with it. Appendices issued before stay as they are (null: B-B, never extended).
 */
export class AppendixLongTerm1767746000001 implements MigrationInterface {
  name = 'AppendixLongTerm1767746000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_appendix ADD COLUMN long_term_level varchar(8)
      CONSTRAINT outgoing_appendix_long_term_level CHECK (long_term_level IN ('B-B', 'B-T', 'B-LT', 'B-LTA'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_appendix DROP COLUMN long_term_level`);
  }
}
