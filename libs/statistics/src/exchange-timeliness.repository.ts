import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface LateRecipient {
  outgoingId: string;
  numberSymbol: string | null;
  subject: string;
  issuedAt: Date;
  recipient: string;
  organId: string;
  delivery: string;
  deliveredAt: Date | null;
  state: 'not_sent' | 'not_acknowledged';
}

export interface SameDayCounts {
  sentSameDay: number;
  sentLater: number;
}

/** One delivery of an issued document to a directory agency, for the same-working-day rule. */
export interface Delivery {
  issuedAt: Date;
  deliveredAt: Date;
  urgent: boolean;
}

/** Issued documents to agencies outside the installation: what is late now, and how many left the day they were issued. */
@Injectable()
export class ExchangeTimelinessRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Agency recipients with no package delivered `hours` after issue, or delivered that long ago with no status back. */
  async late(agencyId: string, hours: number, limit: number): Promise<LateRecipient[]> {
    return this.dataSource.query(
      `SELECT d.id AS "outgoingId", d.number_symbol AS "numberSymbol", d.subject, d.issued_at AS "issuedAt", r.name AS recipient, r.organ_id AS "organId",
              r.delivery, r.delivered_at AS "deliveredAt", CASE WHEN r.delivery = 'sent' THEN 'not_acknowledged' ELSE 'not_sent' END AS state
         FROM outgoing_recipient r JOIN outgoing_document d ON d.id = r.document_id
        WHERE d.agency_id = $1 AND r.kind = 'agency' AND r.exchange_status IS NULL AND r.recalled_at IS NULL
          AND d.status IN ('issued', 'dispatched') AND d.recalled_at IS NULL AND d.confidentiality = 'normal'
          AND ((r.delivery <> 'sent' AND d.issued_at < now() - make_interval(secs => $2::float8 * 3600))
            OR (r.delivery = 'sent' AND r.delivered_at < now() - make_interval(secs => $2::float8 * 3600)))
        ORDER BY d.issued_at, d.id, r.name
        LIMIT $3`,
      [agencyId, hours, limit],
    );
  }

  /** The agency recipients delivered in the last `days` days, with when their document was issued and whether it was urgent. */
  deliveries(agencyId: string, days: number): Promise<Delivery[]> {
    return this.dataSource.query(
      `SELECT d.issued_at AS "issuedAt", r.delivered_at AS "deliveredAt", d.urgency <> 'normal' AS urgent
         FROM outgoing_recipient r JOIN outgoing_document d ON d.id = r.document_id
        WHERE d.agency_id = $1 AND r.kind = 'agency' AND r.delivery = 'sent' AND d.issued_at IS NOT NULL
          AND r.delivered_at >= now() - make_interval(days => $2::int)`,
      [agencyId, days],
    );
  }
}
