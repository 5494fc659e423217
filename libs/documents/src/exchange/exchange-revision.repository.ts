import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { IntakeProposal } from '../intake';

/** What an update package may correct on the received copy (the metadata of its header). */
export interface CopyMetadata {
  subject: string;
  documentType: string;
  urgency: string;
  issuingAuthority: string;
}

/** An earlier copy whose replacement has been registered: the copy to mark, the one that replaces it. */
export interface ReplacedCopy {
  packageId: string;
  replacedIncomingId: string;
  byIncomingId: string;
  byNumberSymbol: string;
  agencyId: string;
}

/**
 * The exchange area's SQL for packages that revise an earlier one: updates (BussinessDocType 2,
 * metadata corrected under the same DocumentId) both ways, and replacements (3) reaching the earlier
 * received copy once the replacement is registered.
 */
@Injectable()
export class ExchangeRevisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One correction of a package, once per content (false: the same correction was recorded already). */
  async insertUpdate(manager: EntityManager, row: { packageId: string; direction: 'sent' | 'received'; reason: string; changes: object; fingerprint: string; state: 'held' | 'queued' | 'applied' }): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO exchange_update (package_id, direction, reason, changes, fingerprint, state) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id`,
      [row.packageId, row.direction, row.reason, JSON.stringify(row.changes), row.fingerprint, row.state],
    );
    return rows[0]?.id ?? null;
  }

  async updateToSend(id: string): Promise<{ id: string; packageId: string; recipientId: string; reason: string; state: string } | null> {
    const rows: { id: string; packageId: string; recipientId: string; reason: string; state: string }[] = await this.dataSource.query(
      `SELECT u.id, u.package_id AS "packageId", p.outgoing_recipient_id AS "recipientId", u.reason, u.state
         FROM exchange_update u JOIN exchange_package p ON p.id = u.package_id WHERE u.id = $1 AND u.direction = 'sent'`,
      [id],
    );
    return rows[0] ?? null;
  }

  async markUpdate(id: string, state: 'sent' | 'failed' | 'queued', error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE exchange_update SET state = $2::varchar, attempts = attempts + 1, last_error = $3::text,
              sent_at = CASE WHEN $2::varchar = 'sent' THEN now() ELSE sent_at END WHERE id = $1`,
      [id, state, error],
    );
  }

  /**
   * The packages of an outgoing document not refused — delivered (`sent`) or not yet (`queued`, maybe
   * on its way) —, locked: the sender marking one sent waits for the correction to commit, so it then
   * sees the correction's held update (exchange-sender.service.ts).
   */
  async correctablePackagesOf(outgoingId: string, manager: EntityManager): Promise<{ id: string; recipientOrganId: string; state: 'queued' | 'sent' }[]> {
    return manager.query(
      `SELECT p.id, p.recipient_organ_id AS "recipientOrganId", p.state FROM exchange_package p
         JOIN outgoing_recipient r ON r.id = p.outgoing_recipient_id
        WHERE r.document_id = $1 AND p.direction = 'sent' AND p.state IN ('queued', 'sent') AND r.recalled_at IS NULL
        ORDER BY p.recipient_organ_id FOR UPDATE OF p`,
      [outgoingId],
    );
  }

  /**
   * A package was delivered: the corrections held for it are queued when it left with older metadata,
   * else they went inside it (`included`). Returns the queued ones.
   */
  async settleHeldUpdates(manager: EntityManager, packageId: string, leftStale: boolean): Promise<string[]> {
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE exchange_update SET state = CASE WHEN $2::boolean THEN 'queued' ELSE 'included' END
        WHERE package_id = $1 AND direction = 'sent' AND state = 'held' RETURNING id`,
      [packageId, leftStale],
    );
    return leftStale ? rows.map((r) => r.id) : [];
  }

  /** The received copy, locked against a clerk registering it meanwhile, with its incoming document's metadata if registered. */
  async lockCopy(manager: EntityManager, intakeItemId: string): Promise<{ state: string; title: string | null; proposal: IntakeProposal; incomingId: string | null; incoming: CopyMetadata | null } | null> {
    const rows: { state: string; title: string | null; proposal: IntakeProposal; incomingId: string | null; subject: string | null; documentType: string; urgency: string; issuingAuthority: string }[] = await manager.query(
      `SELECT i.state, i.title, i.proposal, d.id AS "incomingId", d.subject, d.document_type AS "documentType", d.urgency, d.issuing_authority AS "issuingAuthority"
         FROM intake_item i LEFT JOIN incoming_document d ON d.intake_item_id = i.id
        WHERE i.id = $1 FOR UPDATE OF i`,
      [intakeItemId],
    );
    const r = rows[0];
    if (!r) return null;
    const incoming = r.incomingId ? { subject: r.subject!, documentType: r.documentType, urgency: r.urgency, issuingAuthority: r.issuingAuthority } : null;
    return { state: r.state, title: r.title, proposal: r.proposal, incomingId: r.incomingId, incoming };
  }

  async updateIncoming(manager: EntityManager, incomingId: string, m: CopyMetadata): Promise<void> {
    await manager.query(
      `UPDATE incoming_document SET subject = $2, document_type = $3, urgency = $4, issuing_authority = $5, updated_at = now() WHERE id = $1`,
      [incomingId, m.subject, m.documentType, m.urgency, m.issuingAuthority],
    );
  }

  async updateIntakeProposal(manager: EntityManager, intakeItemId: string, proposal: IntakeProposal, title: string): Promise<void> {
    await manager.query(`UPDATE intake_item SET proposal = $2, title = $3, updated_at = now() WHERE id = $1`, [intakeItemId, JSON.stringify(proposal), title]);
  }

  /** The replacement's intake item names the earlier copy's, so the clerk sees what it replaces. */
  async linkIntakeItems(manager: EntityManager, itemId: string, replacesItemId: string): Promise<void> {
    await manager.query(`UPDATE intake_item SET replaces_item_id = $2 WHERE id = $1 AND replaces_item_id IS NULL`, [itemId, replacesItemId]);
  }

  /** Earlier copies whose replacement is registered and which are not marked replaced yet. */
  async replacedCopies(limit: number): Promise<ReplacedCopy[]> {
    return this.dataSource.query(
      `SELECT p.id AS "packageId", old.id AS "replacedIncomingId", neu.id AS "byIncomingId",
              neu.source_number_symbol AS "byNumberSymbol", old.agency_id AS "agencyId"
         FROM exchange_package p
         JOIN exchange_package e ON e.id = p.replaces_package_id
         JOIN incoming_document neu ON neu.intake_item_id = p.intake_item_id
         JOIN incoming_document old ON old.intake_item_id = e.intake_item_id
        WHERE p.direction = 'received' AND p.replaces_package_id IS NOT NULL AND old.replaced_by_id IS NULL
        LIMIT $1`,
      [limit],
    );
  }

  /** Marks the earlier copy replaced, once; its handlers (active assignees and the leader it went to). */
  async markIncomingReplaced(manager: EntityManager, copy: ReplacedCopy): Promise<string[] | null> {
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE incoming_document SET replaced_by_id = $2, replaced_at = now(), updated_at = now() WHERE id = $1 AND replaced_by_id IS NULL`,
      [copy.replacedIncomingId, copy.byIncomingId],
    );
    if (count === 0) return null;
    const rows: { userId: string }[] = await manager.query(
      `SELECT DISTINCT user_id AS "userId" FROM incoming_assignment WHERE document_id = $1 AND active AND user_id IS NOT NULL
       UNION SELECT submitted_to FROM incoming_document WHERE id = $1 AND submitted_to IS NOT NULL`,
      [copy.replacedIncomingId],
    );
    return rows.map((r) => r.userId);
  }
}
