import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The seal saga seals a document's appendices (phụ lục) too: each appendix's prepared seal revision
 * (its file) and deferred signing state are kept on the saga with the main document's, so the
 * token's answer and the remote e-seal's signatures are checked against them, and a resumed job
 * finds every request it made. `remote_batch` is the provider's one transaction for every hash when
 * its protocol signs several under one request (CSC `numSignatures`); with one request per file
 * (sp769) each appendix keeps its own transaction in its entry. Sagas opened before: no appendices.
 */
export class SealSagaAppendices1767748160000 implements MigrationInterface {
  name = 'SealSagaAppendices1767748160000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_seal_saga
      ADD COLUMN appendices jsonb NOT NULL DEFAULT '[]'::jsonb CONSTRAINT outgoing_seal_saga_appendices_array CHECK (jsonb_typeof(appendices) = 'array'),
      ADD COLUMN remote_batch jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_seal_saga DROP COLUMN remote_batch, DROP COLUMN appendices`);
  }
}
