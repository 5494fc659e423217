import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs written in the transaction that needs them (transactional outbox): a job is queued if and
 * only if its change commits, and one that could not reach Redis then is relayed later.
 */
export class JobOutbox1765100000000 implements MigrationInterface {
  name = 'JobOutbox1765100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE job_outbox (
        id bigserial PRIMARY KEY,
        name varchar(60) NOT NULL,
        payload jsonb NOT NULL,
        options jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        -- A relay working on the row; after this moment another relay may take it over.
        claimed_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        last_error text
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE job_outbox`);
  }
}
