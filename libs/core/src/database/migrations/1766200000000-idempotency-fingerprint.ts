import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an Idempotency-Key was first used for: the SHA-256 of the request (its metadata and the
 * hashes of its files). The same key with another request is refused instead of answered with
 * the first document. Rows from before have none and replay as before.
 */
export class IdempotencyFingerprint1766200000000 implements MigrationInterface {
  name = 'IdempotencyFingerprint1766200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incoming_document ADD COLUMN idempotency_fingerprint char(64)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE incoming_document DROP COLUMN idempotency_fingerprint`);
  }
}
