import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { EdxmlResponseFor } from '@eoffice/exchange';

export interface ExchangeRefusal {
  id: string;
  senderOrganId: string;
  recipientOrganId: string;
  agencyId: string;
  agencyName: string;
  responseFor: EdxmlResponseFor;
  reason: string;
  state: string;
  createdAt: Date;
  endpointKind: string | null;
  endpointUrl: string | null;
}

/** Packages refused after their signature checked out, each answered once with a 02. */
@Injectable()
export class ExchangeRefusalRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The refusal's id, or null when this refusal of this package was recorded already. */
  async insert(
    manager: EntityManager,
    row: { sender: string; recipient: string; agencyId: string; responseFor: EdxmlResponseFor; code: string; reason: string },
  ): Promise<string | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO exchange_refusal (sender_organ_id, recipient_organ_id, agency_id, document_id, response_for, code, reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING RETURNING id`,
      [row.sender, row.recipient, row.agencyId, row.responseFor.documentId, JSON.stringify(row.responseFor), row.code, row.reason],
    );
    return rows[0]?.id ?? null;
  }

  async find(id: string): Promise<ExchangeRefusal | null> {
    const rows: ExchangeRefusal[] = await this.dataSource.query(
      `SELECT r.id, r.sender_organ_id AS "senderOrganId", r.recipient_organ_id AS "recipientOrganId", r.agency_id AS "agencyId", a.name AS "agencyName",
              r.response_for AS "responseFor", r.reason, r.state, r.created_at AS "createdAt", e.endpoint_kind AS "endpointKind", e.endpoint_url AS "endpointUrl"
         FROM exchange_refusal r
         JOIN unit a ON a.id = r.agency_id
         LEFT JOIN external_agency e ON e.organ_id = r.sender_organ_id AND e.active
        WHERE r.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async mark(id: string, state: 'sent' | 'failed' | 'queued', error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE exchange_refusal SET state = $2::varchar, attempts = attempts + 1, last_error = $3::text,
              sent_at = CASE WHEN $2::varchar = 'sent' THEN now() ELSE sent_at END WHERE id = $1`,
      [id, state, error],
    );
  }
}
