import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit chain without a global lock on the request path: a request inserts its entry unsealed
 * (no chain position, no hash); one sealer at a time gives the entries that committed their place
 * (`chain_seq`, gap-free, in insertion order), the previous hash and their own hash. The trigger
 * lets a row change exactly once, from unsealed to sealed, with nothing else touched; a sealed row
 * and any DELETE stay refused.
 */
export class AuditSealedChain1766600000000 implements MigrationInterface {
  name = 'AuditSealedChain1766600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE audit_event ADD COLUMN chain_seq bigint`);
    await q.query(`ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_change`);
    await q.query(`
      UPDATE audit_event a SET chain_seq = n.seq
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS seq FROM audit_event) n
      WHERE a.id = n.id`);
    await q.query(`ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_change`);
    await q.query(`ALTER TABLE audit_event ALTER COLUMN hash DROP NOT NULL`);
    await q.query(`ALTER TABLE audit_event ADD CONSTRAINT audit_event_chain_seq_unique UNIQUE (chain_seq)`);
    await q.query(`
      ALTER TABLE audit_event ADD CONSTRAINT audit_event_sealed_whole
      CHECK ((chain_seq IS NULL AND hash IS NULL AND prev_hash IS NULL) OR (chain_seq > 0 AND hash IS NOT NULL))`);
    await q.query(`CREATE INDEX audit_event_unsealed_idx ON audit_event (id) WHERE chain_seq IS NULL`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          IF NEW.chain_seq IS NOT NULL OR NEW.hash IS NOT NULL OR NEW.prev_hash IS NOT NULL THEN
            RAISE EXCEPTION 'audit_event entries are inserted unsealed; only the sealer chains them';
          END IF;
          RETURN NEW;
        END IF;
        IF TG_OP = 'UPDATE' AND OLD.chain_seq IS NULL AND NEW.chain_seq IS NOT NULL
           AND NEW.id = OLD.id AND NEW.occurred_at = OLD.occurred_at
           AND NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id AND NEW.action = OLD.action
           AND NEW.entity_type = OLD.entity_type AND NEW.entity_id = OLD.entity_id AND NEW.data = OLD.data THEN
          RETURN NEW;
        END IF;
        RAISE EXCEPTION 'audit_event is append-only';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_event_insert_unsealed BEFORE INSERT ON audit_event
      FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER audit_event_insert_unsealed ON audit_event`);
    await q.query(`
      CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'audit_event is append-only'; END $$`);
    await q.query(`DROP INDEX audit_event_unsealed_idx`);
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_sealed_whole`);
    await q.query(`ALTER TABLE audit_event DROP CONSTRAINT audit_event_chain_seq_unique`);
    // Fails while entries are unsealed: seal them first (any running API or worker does within a second).
    await q.query(`ALTER TABLE audit_event ALTER COLUMN hash SET NOT NULL`);
    await q.query(`ALTER TABLE audit_event DROP COLUMN chain_seq`);
  }
}
