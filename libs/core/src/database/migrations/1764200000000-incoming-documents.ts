import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Incoming documents (văn bản đến): per-register yearly counters for gap-free numbers, voided
 * numbers, the documents, their assignments (chủ trì / phối hợp / để biết) and the timeline of
 * every state change, which later statistics read "as of" any past moment.
 */
export class IncomingDocuments1764200000000 implements MigrationInterface {
  name = 'IncomingDocuments1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE register_counter (
        register_id uuid NOT NULL REFERENCES register(id),
        year integer NOT NULL CHECK (year BETWEEN 2000 AND 2200),
        last_number integer NOT NULL CHECK (last_number >= 0),
        PRIMARY KEY (register_id, year)
      )`);
    await q.query(`
      CREATE TABLE voided_number (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        register_id uuid NOT NULL REFERENCES register(id),
        year integer NOT NULL,
        number integer NOT NULL,
        reason text NOT NULL,
        voided_by uuid REFERENCES app_user(id),
        voided_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT voided_number_once UNIQUE (register_id, year, number)
      )`);
    await q.query(`
      CREATE TABLE incoming_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        register_id uuid NOT NULL REFERENCES register(id),
        year integer NOT NULL,
        incoming_number integer NOT NULL CHECK (incoming_number > 0),
        status varchar(12) NOT NULL
          CHECK (status IN ('registered', 'submitted', 'assigned', 'in_progress', 'closed', 'returned', 'recalled')),
        source_number_symbol varchar(50) NOT NULL,
        source_date date NOT NULL,
        issuing_authority varchar(200) NOT NULL,
        document_type varchar(100) NOT NULL,
        subject varchar(1000) NOT NULL,
        urgency varchar(12) NOT NULL CHECK (urgency IN ('normal', 'urgent', 'very_urgent', 'flash')),
        confidentiality varchar(12) NOT NULL CHECK (confidentiality IN ('normal', 'confidential', 'secret', 'top_secret')),
        received_via varchar(8) NOT NULL CHECK (received_via IN ('paper', 'email', 'system', 'edxml')),
        received_at timestamptz NOT NULL,
        due_date date,
        page_count integer CHECK (page_count > 0),
        scan_file_id uuid NOT NULL REFERENCES stored_file(id),
        original_file_id uuid REFERENCES stored_file(id),
        registered_by uuid NOT NULL REFERENCES app_user(id),
        submitted_to uuid REFERENCES app_user(id),
        instruction text,
        closed_at timestamptz,
        closed_by uuid REFERENCES app_user(id),
        result_note text,
        result_file_id uuid REFERENCES stored_file(id),
        reply_outgoing_id uuid,
        extracted_text text,
        idempotency_key varchar(100),
        search_folded text GENERATED ALWAYS AS (eoffice_fold(
          subject || ' ' || source_number_symbol || ' ' || issuing_authority || ' ' || coalesce(extracted_text, ''))) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT incoming_number_once UNIQUE (register_id, year, incoming_number),
        CONSTRAINT incoming_idempotency UNIQUE (registered_by, idempotency_key)
      )`);
    await q.query(`CREATE INDEX incoming_agency_status_idx ON incoming_document (agency_id, status, received_at DESC)`);
    await q.query(`CREATE INDEX incoming_due_idx ON incoming_document (due_date) WHERE status IN ('assigned', 'in_progress')`);
    await q.query(`CREATE INDEX incoming_duplicate_idx ON incoming_document (agency_id, source_number_symbol, source_date)`);
    await q.query(`CREATE INDEX incoming_search_trgm ON incoming_document USING gin (search_folded gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE incoming_assignment (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES incoming_document(id),
        role varchar(12) NOT NULL CHECK (role IN ('lead', 'coordinator', 'informed')),
        user_id uuid REFERENCES app_user(id),
        unit_id uuid REFERENCES unit(id),
        due_date date,
        instruction text,
        assigned_by uuid NOT NULL REFERENCES app_user(id),
        assigned_at timestamptz NOT NULL DEFAULT now(),
        progress_percent integer CHECK (progress_percent BETWEEN 0 AND 100),
        active boolean NOT NULL DEFAULT true,
        CONSTRAINT assignment_has_target CHECK (user_id IS NOT NULL OR unit_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX assignment_document_idx ON incoming_assignment (document_id) WHERE active`);
    await q.query(`CREATE INDEX assignment_user_idx ON incoming_assignment (user_id) WHERE active`);
    await q.query(`CREATE INDEX assignment_unit_idx ON incoming_assignment (unit_id) WHERE active`);
    await q.query(`CREATE UNIQUE INDEX assignment_one_lead ON incoming_assignment (document_id) WHERE active AND role = 'lead'`);
    await q.query(`
      CREATE TABLE incoming_event (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES incoming_document(id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id),
        action varchar(30) NOT NULL,
        from_status varchar(12),
        to_status varchar(12) NOT NULL,
        note text,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX incoming_event_document_idx ON incoming_event (document_id, id)`);
    await q.query(`CREATE INDEX incoming_event_time_idx ON incoming_event (occurred_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE incoming_event`);
    await q.query(`DROP TABLE incoming_assignment`);
    await q.query(`DROP TABLE incoming_document`);
    await q.query(`DROP TABLE voided_number`);
    await q.query(`DROP TABLE register_counter`);
  }
}
