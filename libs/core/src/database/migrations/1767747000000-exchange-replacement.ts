import { MigrationInterface, QueryRunner } from 'typeorm';
import { allowNotificationKinds, disallowNotificationKinds } from '../notification-kinds';

const KINDS = ['incoming_replaced'];

/**
 * Exchange, replacement and update packages (edXML BussinessDocType 3 and 2, docs/exchange.md):
 * an issued outgoing document replaced by a later one (`replaced_by_id`, set when the replacement is
 * issued); a received package that replaces an earlier copy points at that copy's package row, and
 * its intake item at the earlier item; an incoming copy replaced once its replacement is registered;
 * update packages (metadata corrections of a package sent before, same DocumentId) one row each,
 * sent ones queued per package, received ones recorded once per content (fingerprint).
 */
export class ExchangeReplacement1767747000000 implements MigrationInterface {
  name = 'ExchangeReplacement1767747000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_document ADD COLUMN replaced_by_id uuid REFERENCES outgoing_document(id)`);
    await q.query(`ALTER TABLE incoming_document ADD COLUMN replaced_by_id uuid REFERENCES incoming_document(id), ADD COLUMN replaced_at timestamptz`);
    await q.query(`ALTER TABLE intake_item ADD COLUMN replaces_item_id uuid REFERENCES intake_item(id)`);
    await q.query(`ALTER TABLE exchange_package ADD COLUMN replaces_package_id uuid REFERENCES exchange_package(id)`);
    await q.query(`CREATE INDEX exchange_package_replaces_idx ON exchange_package (replaces_package_id) WHERE replaces_package_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE exchange_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        package_id uuid NOT NULL REFERENCES exchange_package(id),
        direction varchar(8) NOT NULL CHECK (direction IN ('sent', 'received')),
        reason text NOT NULL,
        changes jsonb NOT NULL,
        fingerprint char(64) NOT NULL,
        state varchar(8) NOT NULL CHECK (state IN ('queued', 'sent', 'failed', 'applied')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        CONSTRAINT exchange_update_once UNIQUE (package_id, direction, fingerprint)
      )`);
    await allowNotificationKinds(q, KINDS);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification WHERE kind = ANY($1)`, [KINDS]);
    await disallowNotificationKinds(q, KINDS);
    await q.query(`DROP TABLE exchange_update`);
    await q.query(`DROP INDEX exchange_package_replaces_idx`);
    await q.query(`ALTER TABLE exchange_package DROP COLUMN replaces_package_id`);
    await q.query(`ALTER TABLE intake_item DROP COLUMN replaces_item_id`);
    await q.query(`ALTER TABLE incoming_document DROP COLUMN replaced_by_id, DROP COLUMN replaced_at`);
    await q.query(`ALTER TABLE outgoing_document DROP COLUMN replaced_by_id`);
  }
}
