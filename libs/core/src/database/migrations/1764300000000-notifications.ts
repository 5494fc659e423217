import { MigrationInterface, QueryRunner } from 'typeorm';

/** In-app notifications (thông báo): one row per person and reason, never repeated (dedupe_key). */
export class Notifications1764300000000 implements MigrationInterface {
  name = 'Notifications1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES app_user(id),
        kind varchar(20) NOT NULL CHECK (kind IN ('submitted', 'assigned', 'reopened', 'due_soon', 'overdue')),
        document_id uuid NOT NULL REFERENCES incoming_document(id),
        title varchar(1200) NOT NULL,
        dedupe_key varchar(120) NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        CONSTRAINT notification_once UNIQUE (user_id, dedupe_key)
      )`);
    await q.query(`CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification`);
  }
}
