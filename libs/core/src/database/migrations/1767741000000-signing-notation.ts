import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signing on someone's behalf (issue 16.5, Decree 30 Art. 13 and Phụ lục I II.7.b): a delegation
 * may now authorise signing (TUQ.) as well as handling an inbox; an outgoing document records on
 * whose behalf its signer signed (own name, KT., TL., TUQ.), the head's title, the signer's title
 * and the delegation used; a token session keeps the authority chosen when it was prepared.
 */
export class SigningNotation1767741000000 implements MigrationInterface {
  name = 'SigningNotation1767741000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE unit_delegation ADD COLUMN purpose varchar(16) NOT NULL DEFAULT 'inbox'
      CONSTRAINT unit_delegation_purpose CHECK (purpose IN ('inbox', 'signing'))`);
    await q.query(`ALTER TABLE outgoing_document
      ADD COLUMN signing_authority varchar(8) CONSTRAINT outgoing_document_signing_authority CHECK (signing_authority IN ('own', 'KT', 'TL', 'TUQ')),
      ADD COLUMN authority_title varchar(200),
      ADD COLUMN signer_title varchar(200),
      ADD COLUMN signing_delegation_id uuid REFERENCES unit_delegation(id)`);
    await q.query(`ALTER TABLE outgoing_signing_session ADD COLUMN signing_authority varchar(8)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE outgoing_signing_session DROP COLUMN signing_authority`);
    await q.query(`ALTER TABLE outgoing_document DROP COLUMN signing_delegation_id, DROP COLUMN signer_title,
      DROP COLUMN authority_title, DROP COLUMN signing_authority`);
    await q.query(`DELETE FROM unit_delegation WHERE purpose <> 'inbox'`);
    await q.query(`ALTER TABLE unit_delegation DROP COLUMN purpose`);
  }
}
