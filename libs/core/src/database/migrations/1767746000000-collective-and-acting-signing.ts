import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TM. and Q. (Decree 30 Phụ lục I II.7.b): an agency whose leadership is a collective body (tập
 * thể lãnh đạo, e.g. Ủy ban nhân dân) names it, and its documents are signed "TM. ỦY BAN NHÂN DÂN";
 * an acting head (quyền cấp trưởng) is a delegation of the agency with purpose `acting` and a
 * period, and signs "Q. GIÁM ĐỐC". Outgoing documents may record both notations.
 */
export class CollectiveAndActingSigning1767746000000 implements MigrationInterface {
  name = 'CollectiveAndActingSigning1767746000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE unit ADD COLUMN collective_body varchar(200)`);
    await q.query(`ALTER TABLE unit_delegation DROP CONSTRAINT unit_delegation_purpose,
      ADD CONSTRAINT unit_delegation_purpose CHECK (purpose IN ('inbox', 'signing', 'acting'))`);
    await q.query(`ALTER TABLE outgoing_document DROP CONSTRAINT outgoing_document_signing_authority,
      ADD CONSTRAINT outgoing_document_signing_authority CHECK (signing_authority IN ('own', 'KT', 'TL', 'TUQ', 'TM', 'Q'))`);
    // A deputy's TM. notation is two lines ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH"): box 7a may be longer than before.
    await q.query(`ALTER TABLE outgoing_document ALTER COLUMN signing_title TYPE varchar(300)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE outgoing_document SET signing_authority = 'own' WHERE signing_authority IN ('TM', 'Q')`);
    await q.query(`ALTER TABLE outgoing_document ALTER COLUMN signing_title TYPE varchar(100) USING left(signing_title, 100)`);
    await q.query(`ALTER TABLE outgoing_document DROP CONSTRAINT outgoing_document_signing_authority,
      ADD CONSTRAINT outgoing_document_signing_authority CHECK (signing_authority IN ('own', 'KT', 'TL', 'TUQ'))`);
    await q.query(`DELETE FROM unit_delegation WHERE purpose = 'acting'`);
    await q.query(`ALTER TABLE unit_delegation DROP CONSTRAINT unit_delegation_purpose,
      ADD CONSTRAINT unit_delegation_purpose CHECK (purpose IN ('inbox', 'signing'))`);
    await q.query(`ALTER TABLE unit DROP COLUMN collective_body`);
  }
}
