import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Tiêu hủy tài liệu hết giá trị (issue 15.5): the clerk proposes records whose retention ended
 * (danh mục tài liệu hết giá trị), an agency leader approves, and the records are destroyed in the
 * approving transaction. A record sits on one destruction list at most (UNIQUE record_id). What is
 * left is a tombstone per record — what, when, by whose decision, and the storage keys whose bytes
 * were removed — so the removal can be applied again (after a crash, after a restore). A stored
 * file whose bytes were destroyed keeps its row (documents still point at it) with `destroyed_at`:
 * reading it answers 410, backups and fixity skip it.
 */
export class RecordDestruction1767600200000 implements MigrationInterface {
  name = 'RecordDestruction1767600200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE file_record DROP CONSTRAINT file_record_status_check`);
    await q.query(`ALTER TABLE file_record ADD CONSTRAINT file_record_status_check CHECK (status IN ('open', 'closed', 'handed_over', 'destroyed'))`);
    await q.query(`ALTER TABLE file_record ADD COLUMN destroyed_at timestamptz`);
    await q.query(`ALTER TABLE stored_file ADD COLUMN destroyed_at timestamptz`);
    await q.query(`
      CREATE TABLE record_destruction (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        title text NOT NULL,
        status varchar NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'destroyed')),
        created_by uuid NOT NULL REFERENCES app_user(id),
        approved_by uuid REFERENCES app_user(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX record_destruction_agency_idx ON record_destruction (agency_id, created_at DESC)`);
    await q.query(`
      CREATE TABLE record_destruction_line (
        destruction_id uuid NOT NULL REFERENCES record_destruction(id),
        record_id uuid NOT NULL REFERENCES file_record(id) UNIQUE,
        ordinal int NOT NULL CHECK (ordinal >= 1),
        PRIMARY KEY (destruction_id, record_id)
      )`);
    await q.query(`
      CREATE TABLE record_tombstone (
        record_id uuid PRIMARY KEY REFERENCES file_record(id),
        destruction_id uuid NOT NULL REFERENCES record_destruction(id),
        file_code text NOT NULL,
        title text NOT NULL,
        decided_by uuid NOT NULL REFERENCES app_user(id),
        destroyed_at timestamptz NOT NULL,
        documents int NOT NULL,
        storage_keys text[] NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE record_tombstone`);
    await q.query(`DROP TABLE record_destruction_line`);
    await q.query(`DROP TABLE record_destruction`);
    await q.query(`ALTER TABLE stored_file DROP COLUMN destroyed_at`);
    await q.query(`ALTER TABLE file_record DROP COLUMN destroyed_at`);
    await q.query(`ALTER TABLE file_record DROP CONSTRAINT file_record_status_check`);
    await q.query(`ALTER TABLE file_record ADD CONSTRAINT file_record_status_check CHECK (status IN ('open', 'closed', 'handed_over'))`);
  }
}
