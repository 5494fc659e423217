import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Legal holds on records (issue 15.5, first piece): a hold placed with a reason (an inspection, a
 * dispute, a lawsuit) and lifted with a reason, both audited. A record may carry several; a held
 * record will be kept out of destruction when retention and destruction are built.
 */
export class RecordHolds1767600100000 implements MigrationInterface {
  name = 'RecordHolds1767600100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE record_hold (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_id uuid NOT NULL REFERENCES file_record(id),
        reason text NOT NULL,
        placed_by uuid NOT NULL REFERENCES app_user(id),
        placed_at timestamptz NOT NULL DEFAULT now(),
        lifted_by uuid REFERENCES app_user(id),
        lifted_at timestamptz,
        lift_reason text,
        CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lift_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX record_hold_record_idx ON record_hold (record_id, placed_at)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE record_hold`);
  }
}
