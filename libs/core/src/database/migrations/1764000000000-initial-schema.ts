import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The foundation: organisation and people (accounts), stored files and their fixity checks,
 * the tamper-evident audit trail, and document registers (sổ văn bản).
 */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code varchar(20) NOT NULL,
        name varchar(200) NOT NULL,
        kind varchar(12) NOT NULL CHECK (kind IN ('agency', 'department')),
        parent_id uuid REFERENCES unit(id),
        agency_id uuid REFERENCES unit(id),
        email varchar(200),
        head_user_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_code_per_parent UNIQUE NULLS NOT DISTINCT (parent_id, code),
        CONSTRAINT department_has_parent CHECK (kind = 'agency' OR parent_id IS NOT NULL)
      )`);
    await q.query(`CREATE INDEX unit_parent_idx ON unit (parent_id)`);
    await q.query(`
      CREATE TABLE app_user (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(40) NOT NULL UNIQUE,
        full_name varchar(100) NOT NULL,
        email varchar(200) NOT NULL,
        unit_id uuid NOT NULL REFERENCES unit(id),
        position varchar(100),
        roles text[] NOT NULL DEFAULT '{}',
        password_hash text NOT NULL,
        must_change_password boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        failed_login_count integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        session_version integer NOT NULL DEFAULT 0,
        deactivated_at timestamptz,
        deactivation_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX app_user_unit_idx ON app_user (unit_id)`);
    await q.query(`ALTER TABLE unit ADD CONSTRAINT unit_head_fk FOREIGN KEY (head_user_id) REFERENCES app_user(id)`);
    await q.query(`
      CREATE TABLE refresh_token (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        family_id uuid NOT NULL,
        user_id uuid NOT NULL REFERENCES app_user(id),
        token_hash char(64) NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        used_at timestamptz,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON refresh_token (family_id)`);
    await q.query(`
      CREATE TABLE stored_file (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        storage_key varchar(200) NOT NULL,
        sha256 char(64) NOT NULL,
        size_bytes bigint NOT NULL CHECK (size_bytes >= 0),
        mime_type varchar(127) NOT NULL,
        original_name varchar(255),
        uploaded_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX stored_file_sha256_idx ON stored_file (sha256)`);
    await q.query(`
      CREATE TABLE fixity_check (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(12) NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        trigger varchar(12) NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        requested_by uuid REFERENCES app_user(id),
        files_checked integer NOT NULL DEFAULT 0,
        mismatch_count integer NOT NULL DEFAULT 0,
        mismatches jsonb NOT NULL DEFAULT '[]',
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        occurred_at timestamptz NOT NULL,
        actor_id uuid,
        action varchar(60) NOT NULL,
        entity_type varchar(40) NOT NULL,
        entity_id varchar(64) NOT NULL,
        data jsonb NOT NULL DEFAULT '{}',
        prev_hash char(64),
        hash char(64) NOT NULL UNIQUE
      )`);
    await q.query(`CREATE INDEX audit_event_entity_idx ON audit_event (entity_type, entity_id, id)`);
    // Append-only: the trail can only grow. The hash chain detects edits made around this trigger.
    await q.query(`
      CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_no_change BEFORE UPDATE OR DELETE ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
    await q.query(`
      CREATE TABLE register (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        agency_id uuid NOT NULL REFERENCES unit(id),
        kind varchar(10) NOT NULL CHECK (kind IN ('incoming', 'outgoing')),
        code varchar(20) NOT NULL,
        name varchar(200) NOT NULL,
        confidential boolean NOT NULL DEFAULT false,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT register_code_per_agency UNIQUE (agency_id, code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE register`);
    await q.query(`DROP TABLE audit_event`);
    await q.query(`DROP FUNCTION audit_event_append_only`);
    await q.query(`DROP TABLE fixity_check`);
    await q.query(`DROP TABLE stored_file`);
    await q.query(`DROP TABLE refresh_token`);
    await q.query(`ALTER TABLE unit DROP CONSTRAINT unit_head_fk`);
    await q.query(`DROP TABLE app_user`);
    await q.query(`DROP TABLE unit`);
  }
}
