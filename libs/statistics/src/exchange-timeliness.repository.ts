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

  /** Of the agency recipients delivered in the last `days` days: delivered on the day of issue (in Vietnam) or later. */
  async sameDay(agencyId: string, days: number): Promise<SameDayCounts> {
    const [row] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE (r.delivered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date = (d.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS "sentSameDay",
              count(*) FILTER (WHERE (r.delivered_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date > (d.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)::int AS "sentLater"
         FROM outgoing_recipient r JOIN outgoing_document d ON d.id = r.document_id
        WHERE d.agency_id = $1 AND r.kind = 'agency' AND r.delivery = 'sent' AND r.delivered_at >= now() - make_interval(days => $2::int)`,
      [agencyId, days],
    );
    return row;
  }
}
