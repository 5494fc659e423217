import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Drafts in a record (issue 15.2: "drafts when the record asks for them"): a record may ask for its
 * outgoing documents' drafts (every version) to travel with them into the export and the hand-over
 * package. Off by default: a record holds what was issued, its appendices and result files.
 */
export class RecordDrafts1767600500000 implements MigrationInterface {
  name = 'RecordDrafts1767600500000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE file_record ADD COLUMN include_drafts boolean NOT NULL DEFAULT false`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE file_record DROP COLUMN include_drafts`);
  }
}
