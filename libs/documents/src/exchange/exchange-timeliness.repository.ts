import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export type LateKind = 'exchange_not_sent' | 'exchange_not_acknowledged';

export interface LateDocument {
  documentId: string;
  agencyId: string;
  numberSymbol: string | null;
  subject: string;
  kind: LateKind;
  recipients: string[];
}

/** Reminders stop looking at a document this long after its threshold passed: older ones were told already, or are moot. */
const LOOK_BACK = `interval '7 days'`;

/**
 * Decision 28/2018/QĐ-TTg (sent the same working day): issued documents whose agency recipients,
 * `hours` after issue, have no package delivered (not dispatched, failed, not sent), or whose package
 * was delivered `hours` ago with no status back (not even 01). Recalled documents and recipients
 * that answered anything are not late. Documents already reminded for this threshold are left out.
 */
@Injectable()
export class ExchangeTimelinessRepository {
  constructor(private readonly dataSource: DataSource) {}

  async late(hours: number, limit: number): Promise<LateDocument[]> {
    return this.dataSource.query(
      `WITH late AS (
         SELECT d.id AS document_id, d.agency_id, d.number_symbol, d.subject, r.name,
                CASE WHEN r.delivery = 'sent' THEN 'exchange_not_acknowledged' ELSE 'exchange_not_sent' END AS kind
           FROM outgoing_recipient r
           JOIN outgoing_document d ON d.id = r.document_id
          WHERE r.kind = 'agency' AND r.exchange_status IS NULL AND r.recalled_at IS NULL
            AND d.status IN ('issued', 'dispatched') AND d.recalled_at IS NULL AND d.confidentiality = 'normal'
            AND ((r.delivery <> 'sent' AND d.issued_at < now() - make_interval(secs => $1::float8 * 3600)
                                       AND d.issued_at > now() - make_interval(secs => $1::float8 * 3600) - ${LOOK_BACK})
              OR (r.delivery = 'sent' AND r.delivered_at < now() - make_interval(secs => $1::float8 * 3600)
                                      AND r.delivered_at > now() - make_interval(secs => $1::float8 * 3600) - ${LOOK_BACK})))
       SELECT l.document_id AS "documentId", l.agency_id AS "agencyId", l.number_symbol AS "numberSymbol", l.subject, l.kind,
              array_agg(l.name ORDER BY l.name) AS recipients
         FROM late l
        WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.kind IN ('exchange_not_sent', 'exchange_not_acknowledged') AND n.kind = l.kind AND n.outgoing_document_id = l.document_id AND n.dedupe_key = 'exchange-late:' || l.kind || ':' || l.document_id || ':' || $2)
        GROUP BY l.document_id, l.agency_id, l.number_symbol, l.subject, l.kind
        ORDER BY l.document_id
        LIMIT $3`,
      [hours, `${hours}h`, limit],
    );
  }
}
