import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Hồ sơ (records, issue 15): the annual file list (danh mục hồ sơ) of an agency with its entries,
 * the records opened from it (or off it), and the documents filed in them. A record holds
 * references, never copies: one document may sit in several records. `doc_ordinal` is unique per
 * record but checked at commit, so closing a record can renumber its documents in one statement.
 */
export class Records1767530000000 implements MigrationInterface {
  name = 'Records1767530000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE file_list (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        year int NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        title text NOT NULL,
        status varchar NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
        created_by uuid NOT NULL REFERENCES app_user(id),
        approved_by uuid REFERENCES app_user(id),
        approved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (agency_id, year)
      )`);
    await q.query(`
      CREATE TABLE file_list_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        file_list_id uuid NOT NULL REFERENCES file_list(id),
        notation varchar NOT NULL,
        title text NOT NULL,
        retention_years int CHECK (retention_years BETWEEN 1 AND 100),
        permanent boolean NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id),
        person_in_charge_id uuid REFERENCES app_user(id),
        added_after_approval boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (permanent = (retention_years IS NULL)),
        UNIQUE (file_list_id, notation)
      )`);
    await q.query(`
      CREATE TABLE file_record (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        year int NOT NULL,
        file_list_entry_id uuid REFERENCES file_list_entry(id),
        file_code varchar NOT NULL,
        notation varchar NOT NULL,
        title text NOT NULL,
        retention_years int CHECK (retention_years BETWEEN 1 AND 100),
        permanent boolean NOT NULL,
        rights varchar NOT NULL DEFAULT 'restricted' CHECK (rights IN ('public', 'restricted')),
        language varchar NOT NULL DEFAULT 'vi',
        description text,
        unit_id uuid NOT NULL REFERENCES unit(id),
        owner_id uuid NOT NULL REFERENCES app_user(id),
        status varchar NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        document_count int NOT NULL DEFAULT 0,
        page_count int NOT NULL DEFAULT 0,
        start_date date,
        end_date date,
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (permanent = (retention_years IS NULL)),
        UNIQUE (agency_id, year, notation),
        UNIQUE (file_code)
      )`);
    await q.query(`CREATE INDEX file_record_owner_idx ON file_record (owner_id, status)`);
    await q.query(`CREATE UNIQUE INDEX file_record_entry_idx ON file_record (file_list_entry_id) WHERE file_list_entry_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE record_document (
        record_id uuid NOT NULL REFERENCES file_record(id),
        document_kind varchar NOT NULL CHECK (document_kind IN ('incoming', 'outgoing')),
        document_id uuid NOT NULL,
        doc_ordinal int NOT NULL CHECK (doc_ordinal >= 1),
        document_date date NOT NULL,
        page_count int NOT NULL CHECK (page_count >= 0),
        filed_by uuid NOT NULL REFERENCES app_user(id),
        filed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (record_id, document_kind, document_id),
        CONSTRAINT record_document_ordinal UNIQUE (record_id, doc_ordinal) DEFERRABLE INITIALLY DEFERRED
      )`);
    await q.query(`CREATE INDEX record_document_document_idx ON record_document (document_kind, document_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE record_document`);
    await q.query(`DROP TABLE file_record`);
    await q.query(`DROP TABLE file_list_entry`);
    await q.query(`DROP TABLE file_list`);
  }
}
