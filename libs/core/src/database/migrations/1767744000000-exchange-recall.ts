import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const KINDS = ['intake_recalled', 'exchange_not_sent', 'exchange_not_acknowledged'];

/**
 * Exchange, issue 18 items 3, 5, 6: an intake item the sending agency recalled before it was
 * registered (state `recalled`); packages refused after their signature checked out, each answered
 * once with a 02 (từ chối) — one row per (sender, recipient, DocumentId, refusal code), so the same
 * bad package delivered again sends nothing more; notifications for a recalled intake item and for
 * issued documents not sent, or not acknowledged, in time (Decision 28/2018/QĐ-TTg).
 */
export class ExchangeRecall1767744000000 implements MigrationInterface {
  name = 'ExchangeRecall1767744000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE intake_item DROP CONSTRAINT intake_item_state_check`);
    await q.query(`ALTER TABLE intake_item ADD CONSTRAINT intake_item_state_check CHECK (state IN ('waiting', 'registered', 'returned', 'not_a_document', 'recalled'))`);
    await q.query(`
      CREATE TABLE exchange_refusal (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sender_organ_id varchar(13) NOT NULL,
        recipient_organ_id varchar(13) NOT NULL,
        agency_id uuid NOT NULL REFERENCES unit(id),
        document_id varchar(100) NOT NULL,
        response_for jsonb NOT NULL,
        code varchar(40) NOT NULL,
        reason text NOT NULL,
        state varchar(8) NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT exchange_refusal_once UNIQUE (sender_organ_id, recipient_organ_id, document_id, code)
      )`);
    await allowNotificationKinds(q, KINDS);
    // The timeliness scan runs every EXCHANGE_STATUS_SCAN_SECONDS: it reads only agency recipients
    // still without any status back, and the reminders already given, each through a small index.
    await q.query(`CREATE INDEX outgoing_recipient_exchange_pending_idx ON outgoing_recipient (document_id) WHERE kind = 'agency' AND exchange_status IS NULL AND recalled_at IS NULL`);
    await q.query(`CREATE INDEX exchange_status_recall_idx ON exchange_status (package_id) WHERE direction = 'received' AND code = '13'`);
    await q.query(`CREATE INDEX notification_exchange_late_idx ON notification (outgoing_document_id, dedupe_key) WHERE kind IN ('exchange_not_sent', 'exchange_not_acknowledged')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX notification_exchange_late_idx`);
    await q.query(`DROP INDEX exchange_status_recall_idx`);
    await q.query(`DROP INDEX outgoing_recipient_exchange_pending_idx`);
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await disallowNotificationKinds(q, KINDS);
    await q.query(`DROP TABLE exchange_refusal`);
    await q.query(`UPDATE intake_item SET state = 'returned', reason = coalesce(reason, 'recalled') WHERE state = 'recalled'`);
    await q.query(`ALTER TABLE intake_item DROP CONSTRAINT intake_item_state_check`);
    await q.query(`ALTER TABLE intake_item ADD CONSTRAINT intake_item_state_check CHECK (state IN ('waiting', 'registered', 'returned', 'not_a_document'))`);
  }
}
