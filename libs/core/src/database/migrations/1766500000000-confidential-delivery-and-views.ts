import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Confidential documents kept narrow, and every view recorded:
 * - `paper` recipients of an outgoing document (sent by post or by hand, never electronically — the
 *   only way a confidential document leaves the installation), and the clerk who recorded that the
 *   paper copy went out (`paper_sent`);
 * - `document_view`: who opened which document or file, when, from where (access history).
 */
export class ConfidentialDeliveryAndViews1766500000000 implements MigrationInterface {
  name = 'ConfidentialDeliveryAndViews1766500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE outgoing_recipient
        DROP CONSTRAINT outgoing_recipient_kind_check,
        DROP CONSTRAINT outgoing_recipient_delivery_check,
        DROP CONSTRAINT recipient_target,
        ALTER COLUMN delivery TYPE varchar(12),
        ADD COLUMN paper_sent_by uuid REFERENCES app_user(id),
        ADD CONSTRAINT outgoing_recipient_kind_check CHECK (kind IN ('internal', 'external', 'paper')),
        ADD CONSTRAINT outgoing_recipient_delivery_check CHECK (delivery IN ('pending', 'delivered', 'sent', 'failed', 'not_sent', 'paper_sent')),
        ADD CONSTRAINT recipient_target CHECK ((kind = 'internal') = (unit_id IS NOT NULL) AND (kind <> 'external' OR email IS NOT NULL)),
        ADD CONSTRAINT paper_sent_by_clerk CHECK ((delivery = 'paper_sent') = (kind = 'paper' AND paper_sent_by IS NOT NULL))`);
    await q.query(`
      CREATE TABLE document_view (
        id bigserial PRIMARY KEY,
        document_kind varchar(8) NOT NULL CHECK (document_kind IN ('incoming', 'outgoing')),
        document_id uuid NOT NULL,
        viewer_id uuid NOT NULL REFERENCES app_user(id),
        action varchar(8) NOT NULL CHECK (action IN ('detail', 'file', 'export')),
        file_id uuid REFERENCES stored_file(id),
        viewed_at timestamptz NOT NULL,
        ip varchar(64),
        user_agent varchar(300)
      )`);
    await q.query(`CREATE INDEX document_view_document_idx ON document_view (document_kind, document_id, viewed_at DESC, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE document_view`);
    await q.query(`DELETE FROM outgoing_recipient WHERE kind = 'paper'`);
    await q.query(`
      ALTER TABLE outgoing_recipient
        DROP CONSTRAINT paper_sent_by_clerk,
        DROP CONSTRAINT recipient_target,
        DROP CONSTRAINT outgoing_recipient_delivery_check,
        DROP CONSTRAINT outgoing_recipient_kind_check,
        DROP COLUMN paper_sent_by,
        ALTER COLUMN delivery TYPE varchar(10),
        ADD CONSTRAINT outgoing_recipient_kind_check CHECK (kind IN ('internal', 'external')),
        ADD CONSTRAINT outgoing_recipient_delivery_check CHECK (delivery IN ('pending', 'delivered', 'sent', 'failed', 'not_sent')),
        ADD CONSTRAINT recipient_target CHECK ((kind = 'internal') = (unit_id IS NOT NULL) AND (kind = 'internal' OR email IS NOT NULL))`);
  }
}
