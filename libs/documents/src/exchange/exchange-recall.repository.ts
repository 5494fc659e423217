import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EdxmlHeader } from '@eoffice/exchange';

/** The package we sent to one agency recipient, and what its recall is made of. */
export interface RecalledPackage {
  id: string;
  state: string;
  header: EdxmlHeader;
  agencyId: string;
  agencyName: string;
  senderOrganId: string;
  outgoingId: string;
  recalledAt: Date | null;
  recallReason: string | null;
  endpointKind: string | null;
  endpointUrl: string | null;
}

/** A copy of ours of a package an outside agency sent: where its recall (13) lands. */
export interface ReceivedCopy {
  id: string;
  intakeItemId: string | null;
  agencyId: string;
}

/** The exchange area's SQL for recalls (13 → 15/16): both sides of the same status. */
@Injectable()
export class ExchangeRecallRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sentPackageOf(recipientId: string): Promise<RecalledPackage | null> {
    const rows: RecalledPackage[] = await this.dataSource.query(
      `SELECT p.id, p.state, p.header, p.agency_id AS "agencyId", a.name AS "agencyName", p.sender_organ_id AS "senderOrganId",
              r.document_id AS "outgoingId", r.recalled_at AS "recalledAt", d.recall_reason AS "recallReason",
              e.endpoint_kind AS "endpointKind", e.endpoint_url AS "endpointUrl"
         FROM exchange_package p
         JOIN outgoing_recipient r ON r.id = p.outgoing_recipient_id
         JOIN outgoing_document d ON d.id = r.document_id
         JOIN unit a ON a.id = p.agency_id
         LEFT JOIN external_agency e ON e.id = r.external_agency_id
        WHERE p.outgoing_recipient_id = $1 AND p.direction = 'sent'`,
      [recipientId],
    );
    return rows[0] ?? null;
  }

  async sentStatus(packageId: string, code: string): Promise<{ id: string; state: string; occurredAt: Date; description: string | null } | null> {
    const rows: { id: string; state: string; occurredAt: Date; description: string | null }[] = await this.dataSource.query(
      `SELECT id, state, occurred_at AS "occurredAt", description FROM exchange_status WHERE package_id = $1 AND direction = 'sent' AND code = $2`,
      [packageId, code],
    );
    return rows[0] ?? null;
  }

  /** The recipient line shows the recall as its latest exchange step until the answer (15/16) comes. */
  async showOnRecipient(manager: EntityManager, recipientId: string, code: string, at: Date): Promise<void> {
    await manager.query(
      `UPDATE outgoing_recipient SET exchange_status = $2::varchar, exchange_status_at = $3::timestamptz
        WHERE id = $1 AND (exchange_status_at IS NULL OR exchange_status_at <= $3::timestamptz)`,
      [recipientId, code, at],
    );
  }

  /** Our copies of what `sender` sent under `documentId` (one per agency of ours it named). */
  async receivedCopies(sender: string, documentId: string): Promise<ReceivedCopy[]> {
    return this.dataSource.query(
      `SELECT id, intake_item_id AS "intakeItemId", agency_id AS "agencyId" FROM exchange_package
        WHERE direction = 'received' AND sender_organ_id = $1 AND document_id = $2 ORDER BY created_at`,
      [sender, documentId],
    );
  }

  /** A status received for one of our copies, recorded once (false: it was recorded already). */
  async recordReceived(manager: EntityManager, packageId: string, code: string, description: string | null, occurredAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO exchange_status (package_id, direction, code, description, occurred_at, state) VALUES ($1, 'received', $2, $3, $4, 'applied')
       ON CONFLICT DO NOTHING RETURNING id`,
      [packageId, code, description, occurredAt],
    );
    return rows.length > 0;
  }

  /** The intake item, locked against a clerk deciding it meanwhile, and the incoming document registered from it. */
  async lockCopy(manager: EntityManager, intakeItemId: string): Promise<{ state: string; title: string; incomingId: string | null; incomingStatus: string | null } | null> {
    const rows: { state: string; title: string; incomingId: string | null; incomingStatus: string | null }[] = await manager.query(
      `SELECT i.state, i.title, d.id AS "incomingId", d.status AS "incomingStatus"
         FROM intake_item i LEFT JOIN incoming_document d ON d.intake_item_id = i.id
        WHERE i.id = $1 FOR UPDATE OF i`,
      [intakeItemId],
    );
    return rows[0] ?? null;
  }

  /**
   * Copies recalled (13 answered 15) whose incoming document is still open: registered while the
   * recall was being applied to its intake item (the registration takes its number before it
   * decides the item). The status scan recalls them too.
   */
  async recalledButOpen(limit: number): Promise<{ packageId: string; incomingId: string; reason: string | null }[]> {
    return this.dataSource.query(
      `SELECT p.id AS "packageId", d.id AS "incomingId", s.description AS reason
         FROM exchange_status s
         JOIN exchange_package p ON p.id = s.package_id AND p.direction = 'received'
         JOIN incoming_document d ON d.intake_item_id = p.intake_item_id
        WHERE s.direction = 'received' AND s.code = '13'
          AND d.status IN ('registered', 'submitted', 'assigned', 'in_progress')
          AND EXISTS (SELECT 1 FROM exchange_status a WHERE a.package_id = p.id AND a.direction = 'sent' AND a.code = '15')
        LIMIT $1`,
      [limit],
    );
  }

  /** Thu hồi before vào sổ: the item leaves the clerk's queue with the sender's reason. */
  async recallIntakeItem(manager: EntityManager, intakeItemId: string, reason: string): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver (a bare length is always 2).
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE intake_item SET state = 'recalled', reason = $2, decided_at = now(), updated_at = now()
        WHERE id = $1 AND state IN ('waiting', 'not_a_document')`,
      [intakeItemId, reason],
    );
    return count > 0;
  }
}
