import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts, part 2: unit-membership history (transfers keep open work traceable), delegation of a
 * unit's inbox, the unused-account reports of the worker, and the diacritics-insensitive directory
 * search (unaccent + pg_trgm).
 */
export class AccountsDirectory1764100000000 implements MigrationInterface {
  name = 'AccountsDirectory1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    const [{ schema }] = (await q.query(
      `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'unaccent'`,
    )) as { schema: string }[];
    const ns = `"${schema.replace(/"/g, '""')}"`;
    // unaccent() is only STABLE (its dictionary could change), so it cannot appear in an index.
    // Naming the dictionary explicitly makes the result fixed, which is what IMMUTABLE promises.
    await q.query(`
      CREATE FUNCTION eoffice_fold(text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT pg_catalog.lower(${ns}.unaccent('${ns}.unaccent'::regdictionary, $1)) $$`);
    // The repositories search with exactly these expressions, so the planner can use the indexes.
    await q.query(`
      CREATE INDEX app_user_directory_trgm ON app_user
      USING gin (eoffice_fold(full_name || ' ' || coalesce(position, '') || ' ' || username) gin_trgm_ops)`);
    await q.query(`CREATE INDEX unit_directory_trgm ON unit USING gin (eoffice_fold(code || ' ' || name) gin_trgm_ops)`);
    await q.query(`CREATE UNIQUE INDEX unit_email_uq ON unit (lower(email))`);
    await q.query(`CREATE INDEX unit_head_idx ON unit (head_user_id) WHERE head_user_id IS NOT NULL`);

    await q.query(`
      CREATE TABLE unit_membership (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        unit_id uuid NOT NULL REFERENCES unit(id),
        position varchar(100),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        end_reason varchar(20) CHECK (end_reason IN ('transfer', 'deactivation')),
        CONSTRAINT unit_membership_period CHECK (ended_at IS NULL OR ended_at >= started_at),
        CONSTRAINT unit_membership_end CHECK ((ended_at IS NULL) = (end_reason IS NULL))
      )`);
    await q.query(`CREATE UNIQUE INDEX unit_membership_open_uq ON unit_membership (user_id) WHERE ended_at IS NULL`);
    await q.query(`CREATE INDEX unit_membership_unit_idx ON unit_membership (unit_id, started_at)`);
    await q.query(`
      INSERT INTO unit_membership (user_id, unit_id, position, started_at, ended_at, end_reason)
      SELECT id, unit_id, position, created_at,
             CASE WHEN active THEN NULL ELSE greatest(coalesce(deactivated_at, now()), created_at) END,
             CASE WHEN active THEN NULL ELSE 'deactivation' END
        FROM app_user`);

    await q.query(`
      CREATE TABLE unit_delegation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL REFERENCES unit(id),
        delegate_id uuid NOT NULL REFERENCES app_user(id),
        granted_by uuid REFERENCES app_user(id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        note varchar(500),
        revoked_at timestamptz,
        revoked_by uuid REFERENCES app_user(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT unit_delegation_period CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX unit_delegation_delegate_idx ON unit_delegation (delegate_id) WHERE revoked_at IS NULL`);
    await q.query(`CREATE INDEX unit_delegation_unit_idx ON unit_delegation (unit_id, starts_on)`);

    await q.query(`
      CREATE TABLE unused_account_report (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        status varchar(12) NOT NULL CHECK (status IN ('queued', 'running', 'completed', 'failed')),
        trigger varchar(12) NOT NULL CHECK (trigger IN ('manual', 'schedule')),
        requested_by uuid REFERENCES app_user(id),
        months integer NOT NULL CHECK (months BETWEEN 0 AND 60),
        cutoff timestamptz,
        unit_count integer NOT NULL DEFAULT 0,
        account_count integer NOT NULL DEFAULT 0,
        units jsonb NOT NULL DEFAULT '[]',
        accounts jsonb NOT NULL DEFAULT '[]',
        error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz
      )`);
    await q.query(`CREATE INDEX unused_account_report_created_idx ON unused_account_report (created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE unused_account_report`);
    await q.query(`DROP TABLE unit_delegation`);
    await q.query(`DROP TABLE unit_membership`);
    await q.query(`DROP INDEX unit_head_idx`);
    await q.query(`DROP INDEX unit_email_uq`);
    await q.query(`DROP INDEX unit_directory_trgm`);
    await q.query(`DROP INDEX app_user_directory_trgm`);
    await q.query(`DROP FUNCTION eoffice_fold(text)`);
    // The extensions stay: other objects may have come to depend on them.
  }
}
