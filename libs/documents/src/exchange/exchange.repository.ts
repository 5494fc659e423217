import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EdxmlHeader } from '@eoffice/exchange';

/** Everything the package of one agency recipient is made from (sender agency, document, signer, directory entry). */
export interface SendingContext {
  recipientId: string;
  documentId: string;
  agencyId: string;
  agencyName: string;
  agencyOrganId: string | null;
  agencyEmail: string | null;
  placeName: string | null;
  status: string;
  numberSymbol: string | null;
  issuedAt: Date | null;
  issuedFileId: string | null;
  documentType: string;
  subject: string;
  urgency: string;
  confidentiality: string;
  signingTitle: string | null;
  signerName: string;
  signerPosition: string | null;
  recalledAt: Date | null;
  recipientOrganId: string;
  recipientName: string;
  endpointKind: string | null;
  endpointUrl: string | null;
  recipientNames: string[];
  /** The issued document this one replaces (its number and issue day make its DocumentId), if any. */
  replacedNumberSymbol: string | null;
  replacedIssuedAt: Date | null;
}

export interface StatusContext {
  packageId: string;
  agencyId: string;
  agencyOrganId: string;
  agencyName: string;
  header: EdxmlHeader;
  endpointKind: string | null;
  endpointUrl: string | null;
}

export interface QueuedStatus {
  id: string;
  code: string;
  description: string | null;
  occurredAt: Date;
  attempts: number;
}

/** The exchange area's own SQL: packages and statuses, and the reads of the documents they are about. */
@Injectable()
export class ExchangeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async sendingContext(recipientId: string): Promise<SendingContext | null> {
    const rows: SendingContext[] = await this.dataSource.query(
      `SELECT r.id AS "recipientId", d.id AS "documentId", a.id AS "agencyId", a.name AS "agencyName", a.organ_id AS "agencyOrganId",
              a.email AS "agencyEmail", a.place_name AS "placeName", d.status, d.number_symbol AS "numberSymbol", d.issued_at AS "issuedAt",
              d.issued_file_id AS "issuedFileId", d.document_type AS "documentType", d.subject, d.urgency, d.confidentiality,
              d.signing_title AS "signingTitle", s.full_name AS "signerName", COALESCE(d.signer_title, s.position) AS "signerPosition", r.recalled_at AS "recalledAt",
              r.organ_id AS "recipientOrganId", e.name AS "recipientName", e.endpoint_kind AS "endpointKind", e.endpoint_url AS "endpointUrl",
              ARRAY(SELECT o.name FROM outgoing_recipient o WHERE o.document_id = d.id ORDER BY o.kind DESC, o.name) AS "recipientNames",
              rd.number_symbol AS "replacedNumberSymbol", rd.issued_at AS "replacedIssuedAt"
         FROM outgoing_recipient r
         JOIN outgoing_document d ON d.id = r.document_id
         LEFT JOIN outgoing_document rd ON rd.id = d.replaces_id AND rd.number_symbol IS NOT NULL
         JOIN unit a ON a.id = d.agency_id
         JOIN app_user s ON s.id = d.signer_id
         JOIN external_agency e ON e.id = r.external_agency_id
        WHERE r.id = $1 AND r.kind = 'agency'`,
      [recipientId],
    );
    return rows[0] ?? null;
  }

  async issuedAppendices(documentId: string): Promise<{ position: number; fileId: string }[]> {
    return this.dataSource.query(
      `SELECT position, issued_file_id AS "fileId" FROM outgoing_appendix WHERE document_id = $1 AND issued_file_id IS NOT NULL ORDER BY position`,
      [documentId],
    );
  }

  /** The sent package's row (made on the first attempt, kept across retries). */
  async sentPackage(ctx: SendingContext, senderOrganId: string, header: EdxmlHeader): Promise<{ id: string; state: string }> {
    const rows: { id: string; state: string }[] = await this.dataSource.query(
      `INSERT INTO exchange_package (direction, document_id, sender_organ_id, recipient_organ_id, agency_id, outgoing_recipient_id, header, state)
       VALUES ('sent', $1, $2, $3, $4, $5, $6, 'queued')
       ON CONFLICT ON CONSTRAINT exchange_package_identity DO UPDATE SET attempts = exchange_package.attempts
       RETURNING id, state`,
      [header.documentId, senderOrganId, ctx.recipientOrganId, ctx.agencyId, ctx.recipientId, JSON.stringify(header)],
    );
    return rows[0];
  }

  async markPackage(id: string, state: 'sent' | 'failed' | 'queued', error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE exchange_package SET state = $2::varchar, attempts = attempts + 1, last_error = $3::text,
              sent_at = CASE WHEN $2::varchar = 'sent' THEN now() ELSE sent_at END WHERE id = $1`,
      [id, state, error],
    );
  }

  async ourAgencies(organIds: string[]): Promise<{ id: string; name: string; organId: string }[]> {
    return this.dataSource.query(`SELECT id, name, organ_id AS "organId" FROM unit WHERE kind = 'agency' AND organ_id = ANY($1::text[])`, [organIds]);
  }

  async receivedPackage(sender: string, recipient: string, documentId: string): Promise<{ id: string; intakeItemId: string | null } | null> {
    const rows: { id: string; intakeItemId: string | null }[] = await this.dataSource.query(
      `SELECT id, intake_item_id AS "intakeItemId" FROM exchange_package
        WHERE direction = 'received' AND sender_organ_id = $1 AND recipient_organ_id = $2 AND document_id = $3`,
      [sender, recipient, documentId],
    );
    return rows[0] ?? null;
  }

  async intakeItemOf(sourceId: string): Promise<string | null> {
    const rows: { id: string }[] = await this.dataSource.query(`SELECT id FROM intake_item WHERE channel = 'edxml' AND source_id = $1`, [sourceId]);
    return rows[0]?.id ?? null;
  }

  /** The received package's row, or null when a concurrent delivery stored it first. */
  async insertReceived(manager: EntityManager, row: { header: EdxmlHeader; recipient: string; agencyId: string; intakeItemId: string; packageFileId: string; replacesPackageId?: string | null }): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO exchange_package (direction, document_id, sender_organ_id, recipient_organ_id, agency_id, intake_item_id, package_file_id, header, state, replaces_package_id)
       VALUES ('received', $1, $2, $3, $4, $5, $6, $7, 'stored', $8) ON CONFLICT DO NOTHING RETURNING id`,
      [row.header.documentId, row.header.from.organId, row.recipient, row.agencyId, row.intakeItemId, row.packageFileId, JSON.stringify(row.header), row.replacesPackageId ?? null],
    );
    return rows[0]?.id ?? null;
  }

  /** A status to send; false when that code was queued for the package already. */
  async queueStatus(manager: EntityManager, packageId: string, code: string, description: string | null, occurredAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO exchange_status (package_id, direction, code, description, occurred_at, state) VALUES ($1, 'sent', $2, $3, $4, 'queued')
       ON CONFLICT DO NOTHING RETURNING id`,
      [packageId, code, description, occurredAt],
    );
    return rows.length > 0;
  }

  /**
   * Steps the received copies took that no status was queued for yet: registered (03), submitted to
   * the leader (04), assigned (05), closed (06) from the incoming document's timeline, returned (02)
   * from the intake item. Packages already closed (06), refused (02) or recalled (15) are not looked at again.
   */
  async unreportedSteps(limit: number): Promise<{ packageId: string; code: string; description: string | null; occurredAt: Date }[]> {
    return this.dataSource.query(
      `SELECT p.id AS "packageId", s.code, s.description, s.occurred_at AS "occurredAt"
         FROM exchange_package p
         JOIN intake_item i ON i.id = p.intake_item_id
         CROSS JOIN LATERAL (
           SELECT '02'::text AS code, i.reason AS description, i.decided_at AS occurred_at WHERE i.state = 'returned'
           UNION ALL
           SELECT CASE e.action WHEN 'register' THEN '03' WHEN 'submit' THEN '04' WHEN 'assign' THEN '05' ELSE '06' END, NULL, min(e.occurred_at)
             FROM incoming_document d JOIN incoming_event e ON e.document_id = d.id
            WHERE d.intake_item_id = i.id AND e.action IN ('register', 'submit', 'assign', 'close')
            GROUP BY e.action
         ) s
        WHERE p.direction = 'received'
          AND NOT EXISTS (SELECT 1 FROM exchange_status f WHERE f.package_id = p.id AND f.direction = 'sent' AND f.code IN ('02', '06', '15'))
          AND NOT EXISTS (SELECT 1 FROM exchange_status x WHERE x.package_id = p.id AND x.direction = 'sent' AND x.code = s.code)
        ORDER BY s.occurred_at
        LIMIT $1`,
      [limit],
    );
  }

  async statusContext(packageId: string): Promise<StatusContext | null> {
    const rows: StatusContext[] = await this.dataSource.query(
      `SELECT p.id AS "packageId", p.agency_id AS "agencyId", p.recipient_organ_id AS "agencyOrganId", a.name AS "agencyName", p.header,
              e.endpoint_kind AS "endpointKind", e.endpoint_url AS "endpointUrl"
         FROM exchange_package p
         JOIN unit a ON a.id = p.agency_id
         LEFT JOIN external_agency e ON e.organ_id = p.sender_organ_id AND e.active
        WHERE p.id = $1 AND p.direction = 'received'`,
      [packageId],
    );
    return rows[0] ?? null;
  }

  async queuedStatuses(packageId: string): Promise<QueuedStatus[]> {
    return this.dataSource.query(
      `SELECT id, code, description, occurred_at AS "occurredAt", attempts FROM exchange_status
        WHERE package_id = $1 AND direction = 'sent' AND state = 'queued' ORDER BY occurred_at, id`,
      [packageId],
    );
  }

  async markStatus(id: string, sent: boolean, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE exchange_status SET state = CASE WHEN $2::boolean THEN 'sent' ELSE state END, attempts = attempts + 1, last_error = $3::text,
              sent_at = CASE WHEN $2::boolean THEN now() ELSE sent_at END WHERE id = $1`,
      [id, sent, error],
    );
  }

  /** The package we sent that a received status is about, or null (a status for something we never sent). */
  async sentPackageFor(sender: string, recipient: string, documentId: string): Promise<{ id: string; recipientId: string | null } | null> {
    const rows: { id: string; recipientId: string | null }[] = await this.dataSource.query(
      `SELECT id, outgoing_recipient_id AS "recipientId" FROM exchange_package
        WHERE direction = 'sent' AND sender_organ_id = $1 AND recipient_organ_id = $2 AND document_id = $3`,
      [sender, recipient, documentId],
    );
    return rows[0] ?? null;
  }

  /**
   * Records a received status once; the recipient shows the latest step (by when it happened at the
   * other side). A step other than 02 means the package arrived: it may come before the sender has
   * read the receiver's HTTP answer, so it marks the recipient delivered too.
   */
  async applyStatus(manager: EntityManager, pkg: { id: string; recipientId: string | null }, code: string, description: string | null, occurredAt: Date): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `INSERT INTO exchange_status (package_id, direction, code, description, occurred_at, state) VALUES ($1, 'received', $2, $3, $4, 'applied')
       ON CONFLICT DO NOTHING RETURNING id`,
      [pkg.id, code, description, occurredAt],
    );
    if (rows.length === 0 || !pkg.recipientId) return rows.length > 0;
    await manager.query(
      `UPDATE outgoing_recipient SET exchange_status = $2::varchar, exchange_status_at = $3::timestamptz,
              delivery = CASE WHEN $2::varchar = '02' THEN 'failed' WHEN delivery IN ('pending', 'failed') THEN 'sent' ELSE delivery END,
              delivered_at = CASE WHEN $2::varchar = '02' THEN delivered_at ELSE COALESCE(delivered_at, now()) END,
              last_error = CASE WHEN $2::varchar = '02' THEN $4::text ELSE last_error END
        WHERE id = $1 AND (exchange_status_at IS NULL OR exchange_status_at <= $3::timestamptz)`,
      [pkg.recipientId, code, occurredAt, description],
    );
    return true;
  }

  /** Each status an outgoing document's agency recipients sent back, oldest first (the sender's detail view). */
  async receivedStatuses(documentId: string): Promise<{ recipientId: string; organId: string; code: string; description: string | null; occurredAt: Date; receivedAt: Date }[]> {
    return this.dataSource.query(
      `SELECT p.outgoing_recipient_id AS "recipientId", p.recipient_organ_id AS "organId", s.code, s.description,
              s.occurred_at AS "occurredAt", s.created_at AS "receivedAt"
         FROM exchange_status s JOIN exchange_package p ON p.id = s.package_id
         JOIN outgoing_recipient r ON r.id = p.outgoing_recipient_id
        WHERE r.document_id = $1 AND s.direction = 'received'
        ORDER BY s.occurred_at, s.id`,
      [documentId],
    );
  }
}
