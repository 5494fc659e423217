import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A correction made while its package is on its way is held (`held`) until the package is delivered:
 * then it is queued (the package left with the older header) or marked `included` (the package
 * carried the corrected header itself). See ExchangeSenderService.
 */
export class ExchangeUpdateHeld1767749000000 implements MigrationInterface {
  name = 'ExchangeUpdateHeld1767749000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE exchange_update DROP CONSTRAINT exchange_update_state_check,
      ADD CONSTRAINT exchange_update_state_check CHECK (state IN ('held', 'queued', 'sent', 'included', 'failed', 'applied'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Held corrections go back to waiting in the queue; included ones count as sent.
    await q.query(`UPDATE exchange_update SET state = CASE state WHEN 'held' THEN 'queued' ELSE 'sent' END WHERE state IN ('held', 'included')`);
    await q.query(`ALTER TABLE exchange_update DROP CONSTRAINT exchange_update_state_check,
      ADD CONSTRAINT exchange_update_state_check CHECK (state IN ('queued', 'sent', 'failed', 'applied'))`);
  }
}
