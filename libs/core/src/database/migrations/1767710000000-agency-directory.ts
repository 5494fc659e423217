import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agency directory (danh bạ cơ quan, issue 18): agencies outside the installation that documents
 * are exchanged with, known by their OrganId (DDD.CC.BB.Xnn) and/or their 2020 agency code, with the
 * way packages reach them. Our own agencies (units) carry the same two codes. Searched like the
 * people directory: diacritics and case folded by eoffice_fold, trigram index.
 */
export class AgencyDirectory1767710000000 implements MigrationInterface {
  name = 'AgencyDirectory1767710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE external_agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organ_id varchar(13) UNIQUE,
        agency_code varchar(35) UNIQUE,
        name varchar(200) NOT NULL,
        address varchar(250),
        email varchar(100),
        phone varchar(20),
        fax varchar(20),
        website varchar(100),
        endpoint_kind varchar(20) CHECK (endpoint_kind IN ('installation', 'axis', 'email')),
        endpoint_url varchar(500),
        source varchar(10) NOT NULL CHECK (source IN ('manual', 'import', 'sync')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT external_agency_identified CHECK (organ_id IS NOT NULL OR agency_code IS NOT NULL)
      )`);
    await q.query(`
      CREATE INDEX external_agency_search_trgm ON external_agency
      USING gin (eoffice_fold(name || ' ' || coalesce(organ_id, '') || ' ' || coalesce(agency_code, '')) gin_trgm_ops)`);
    await q.query(`ALTER TABLE unit ADD COLUMN organ_id varchar(13) UNIQUE, ADD COLUMN agency_code varchar(35) UNIQUE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE unit DROP COLUMN organ_id, DROP COLUMN agency_code`);
    await q.query(`DROP TABLE external_agency`);
  }
}
