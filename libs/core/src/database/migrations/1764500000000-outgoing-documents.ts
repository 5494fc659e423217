import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing documents (văn bản đi): drafts with every version kept, the review path, the leader's
 * and the organisation's signatures, the number given at issue, recipients with their delivery
 * state, deferred-signing sessions and the timeline of every state change.
 */
export class OutgoingDocuments1764500000000 implements MigrationInterface {
  name = 'OutgoingDocuments1764500000000';

  async up(q: QueryRunner): Promise<void> {
    // Địa danh for the date line ("Tây Ninh, ngày … tháng … năm …"), per agency.
    await q.query(`ALTER TABLE unit ADD COLUMN place_name varchar(100)`);
    // A register kept apart for some document types (ND 30 Art. 15.1: e.g. one series per
    // normative type); NULL takes every type not claimed by another register.
    await q.query(`ALTER TABLE register ADD COLUMN document_types text[]`);
    await q.query(`
      CREATE TABLE outgoing_document (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        drafting_unit_id uuid NOT NULL REFERENCES unit(id),
        author_id uuid NOT NULL REFERENCES app_user(id),
        status varchar(12) NOT NULL
          CHECK (status IN ('draft', 'submitted', 'approved', 'signed', 'issued', 'dispatched', 'recalled')),
        review_stage varchar(12) CHECK (review_stage IN ('unit_head', 'format_check', 'signer')),
        document_type varchar(100) NOT NULL,
        subject varchar(1000) NOT NULL,
        urgency varchar(12) NOT NULL CHECK (urgency IN ('normal', 'urgent', 'very_urgent', 'flash')),
        confidentiality varchar(12) NOT NULL CHECK (confidentiality IN ('normal', 'confidential', 'secret', 'top_secret')),
        signer_id uuid NOT NULL REFERENCES app_user(id),
        signing_title varchar(100),
        reply_to_incoming_id uuid REFERENCES incoming_document(id),
        -- Set by the incoming item's lead: dispatching this reply closes that item.
        closes_incoming boolean NOT NULL DEFAULT false,
        replaces_id uuid REFERENCES outgoing_document(id),
        layout jsonb,
        signed_file_id uuid REFERENCES stored_file(id),
        signed_at timestamptz,
        -- The leader's certificate, so issue can check the PDF's signature is really theirs.
        signer_certificate_sha256 char(64),
        register_id uuid REFERENCES register(id),
        year integer,
        outgoing_number integer CHECK (outgoing_number > 0),
        number_symbol varchar(60),
        issued_at timestamptz,
        issued_by uuid REFERENCES app_user(id),
        issued_file_id uuid REFERENCES stored_file(id),
        dispatched_at timestamptz,
        recalled_at timestamptz,
        recall_reason text,
        search_folded text GENERATED ALWAYS AS (eoffice_fold(subject || ' ' || coalesce(number_symbol, ''))) STORED,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outgoing_number_once UNIQUE (register_id, year, outgoing_number),
        CONSTRAINT outgoing_issued_has_number CHECK (
          status IN ('draft', 'submitted', 'approved', 'signed') OR (outgoing_number IS NOT NULL AND issued_file_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX outgoing_agency_status_idx ON outgoing_document (agency_id, status, updated_at DESC)`);
    await q.query(`CREATE INDEX outgoing_author_idx ON outgoing_document (author_id)`);
    await q.query(`CREATE INDEX outgoing_signer_idx ON outgoing_document (signer_id)`);
    await q.query(`CREATE INDEX outgoing_reply_idx ON outgoing_document (reply_to_incoming_id) WHERE reply_to_incoming_id IS NOT NULL`);
    await q.query(`CREATE INDEX outgoing_search_trgm ON outgoing_document USING gin (search_folded gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE outgoing_version (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES outgoing_document(id),
        version_number integer NOT NULL CHECK (version_number > 0),
        source_file_id uuid NOT NULL REFERENCES stored_file(id),
        pdf_file_id uuid REFERENCES stored_file(id),
        conversion varchar(10) NOT NULL CHECK (conversion IN ('none', 'pending', 'done', 'failed')),
        conversion_error text,
        created_by uuid NOT NULL REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT outgoing_version_once UNIQUE (document_id, version_number)
      )`);
    await q.query(`ALTER TABLE outgoing_document ADD COLUMN current_version_id uuid REFERENCES outgoing_version(id)`);
    await q.query(`
      CREATE TABLE outgoing_recipient (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES outgoing_document(id),
        kind varchar(8) NOT NULL CHECK (kind IN ('internal', 'external')),
        unit_id uuid REFERENCES unit(id),
        name varchar(200) NOT NULL,
        email varchar(200),
        delivery varchar(10) NOT NULL DEFAULT 'pending'
          CHECK (delivery IN ('pending', 'delivered', 'sent', 'failed', 'not_sent')),
        incoming_document_id uuid REFERENCES incoming_document(id),
        delivered_at timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        recalled_at timestamptz,
        CONSTRAINT recipient_target CHECK ((kind = 'internal') = (unit_id IS NOT NULL) AND (kind = 'internal' OR email IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX outgoing_recipient_document_idx ON outgoing_recipient (document_id)`);
    await q.query(`CREATE INDEX outgoing_recipient_unit_idx ON outgoing_recipient (unit_id) WHERE unit_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE outgoing_event (
        id bigserial PRIMARY KEY,
        document_id uuid NOT NULL REFERENCES outgoing_document(id),
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES app_user(id),
        action varchar(30) NOT NULL,
        from_status varchar(12),
        to_status varchar(12) NOT NULL,
        note text,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX outgoing_event_document_idx ON outgoing_event (document_id, id)`);
    await q.query(`CREATE INDEX outgoing_event_time_idx ON outgoing_event (occurred_at)`);
    await q.query(`
      CREATE TABLE outgoing_signing_session (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_id uuid NOT NULL REFERENCES outgoing_document(id),
        signer_id uuid NOT NULL REFERENCES app_user(id),
        prepared_file_id uuid NOT NULL REFERENCES stored_file(id),
        state jsonb NOT NULL,
        expires_at timestamptz NOT NULL,
        completed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    // An internal recipient's copy points back at the outgoing document it came from.
    await q.query(`ALTER TABLE incoming_document ADD COLUMN source_outgoing_id uuid REFERENCES outgoing_document(id)`);
    await q.query(`ALTER TABLE incoming_document ALTER COLUMN registered_by DROP NOT NULL`);
    await q.query(`CREATE INDEX incoming_source_outgoing_idx ON incoming_document (source_outgoing_id) WHERE source_outgoing_id IS NOT NULL`);
    await q.query(`ALTER TABLE incoming_document ADD CONSTRAINT incoming_reply_fk FOREIGN KEY (reply_outgoing_id) REFERENCES outgoing_document(id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incoming_document DROP CONSTRAINT incoming_reply_fk`);
    await q.query(`DROP INDEX incoming_source_outgoing_idx`);
    await q.query(`ALTER TABLE incoming_document DROP COLUMN source_outgoing_id`);
    await q.query(`DROP TABLE outgoing_signing_session`);
    await q.query(`DROP TABLE outgoing_event`);
    await q.query(`DROP TABLE outgoing_recipient`);
    await q.query(`ALTER TABLE outgoing_document DROP COLUMN current_version_id`);
    await q.query(`DROP TABLE outgoing_version`);
    await q.query(`DROP TABLE outgoing_document`);
    await q.query(`ALTER TABLE register DROP COLUMN document_types`);
    await q.query(`ALTER TABLE unit DROP COLUMN place_name`);
  }
}
