import type { Confidentiality, Urgency } from '@eoffice/documents';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { FigureGrain, incomingFigureSql, leadIn } from './incoming-figure-sql';
import { queryWithoutJit, SqlParams } from './stats-sql';
import type { StatsScope } from './stats-scope';
import type { IncomingFigure, StatsWindow } from './stats-window';

export type IncomingCounts = Record<IncomingFigure, number>;

/** The figures a unit's line of the breakdown shows. */
export const UNIT_FIGURES = ['received', 'closedOnTime', 'closedLate', 'openOverdue', 'openDueSoon'] as const;
export type UnitFigure = (typeof UNIT_FIGURES)[number];

export interface UnitCountRow {
  unitId: string | null;
  unitName: string | null;
  figure: UnitFigure;
  count: number;
}

export interface ClosedRow {
  receivedAt: Date;
  closedAt: Date;
}

export interface RoutingRow {
  registeredAt: Date;
  firstAssignedAt: Date | null;
}

/** Narrower lists inside a figure, as the document lists filter. */
export interface DrilldownFilter {
  urgency?: string[];
  documentType?: string;
  page: number;
  pageSize: number;
}

export interface IncomingFigureRecord {
  id: string;
  incomingNumber: number;
  year: number;
  registerCode: string;
  receivedAt: Date;
  sourceNumberSymbol: string | null;
  sourceDate: string | null;
  issuingAuthority: string | null;
  documentType: string;
  subject: string | null;
  urgency: string;
  confidentiality: string;
  /** Confidential and not naming the reader: the drill-down then shows only its number, register and type. */
  redacted: boolean;
  at: Date;
  statusThen: string;
  dueDateThen: string | null;
  leadUnitId: string | null;
  leadUnitName: string | null;
  leadUserId: string | null;
  leadUserName: string | null;
}

/** A line of the tracking book: a document someone handled during the period, as it stood at the period's end. */
export interface TrackingRecord {
  incomingNumber: number;
  year: number;
  receivedAt: Date;
  issuingAuthority: string | null;
  sourceNumberSymbol: string | null;
  sourceDate: string | null;
  documentType: string;
  subject: string | null;
  urgency: Urgency;
  confidentiality: Confidentiality;
  redacted: boolean;
  statusThen: string;
  since: Date;
  dueDateThen: string | null;
  leadUnitName: string | null;
  leadUserName: string | null;
  progressPercent: number | null;
  replyNumberSymbol: string | null;
  reopenedInPeriod: boolean;
}

/**
 * Incoming statistics, read from incoming_status_interval (see its migration): counts, the
 * breakdown by lead unit, the rows behind durations, and drill-down pages, each from the figure
 * SQL of incoming-figure-sql.ts.
 */
@Injectable()
export class IncomingStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<T = any>(sql: string, params: unknown[]): Promise<T> {
    return queryWithoutJit<T>(this.dataSource, sql, params);
  }

  /** The number of documents in each of `figures`, for each window, in one statement. */
  async counts<F extends IncomingFigure>(scope: StatsScope, windows: readonly StatsWindow[], figures: readonly F[]): Promise<Record<F, number>[]> {
    if (windows.length === 0) return [];
    const p = new SqlParams();
    const rows = windows.map((window, n) => {
      const columns = figures.map((figure) => `(SELECT count(*) FROM (${incomingFigureSql(figure, scope, window, p)}) x)::int AS "${figure}"`);
      return `SELECT ${n} AS n, ${columns.join(',\n')}`;
    });
    const found: ({ n: number } & Record<F, number>)[] = await this.query(rows.join('\nUNION ALL\n'), p.values);
    return windows.map((_, n) => {
      const { n: _n, ...counts } = found.find((row) => row.n === n)!;
      return counts as unknown as Record<F, number>;
    });
  }

  /** Each figure of UNIT_FIGURES per lead unit (null: not assigned yet), with the unit's name. */
  async countsByUnit(scope: StatsScope, window: StatsWindow): Promise<UnitCountRow[]> {
    const p = new SqlParams();
    const parts = UNIT_FIGURES.map(
      (figure) => `SELECT '${figure}' AS figure, x.lead_unit_id, count(*)::int AS count FROM (${incomingFigureSql(figure, scope, window, p, 'unit' satisfies FigureGrain)}) x GROUP BY x.lead_unit_id`,
    );
    return this.query(
      `SELECT c.lead_unit_id AS "unitId", u.name AS "unitName", c.figure, c.count
         FROM (${parts.join('\nUNION ALL\n')}) c LEFT JOIN unit u ON u.id = c.lead_unit_id`,
      p.values,
    );
  }

  /** The documents closed in the period (on time or late): when received, when closed. */
  async closed(scope: StatsScope, window: StatsWindow): Promise<ClosedRow[]> {
    const p = new SqlParams();
    return this.query(
      `SELECT c.received_at AS "receivedAt", c.at AS "closedAt" FROM (${incomingFigureSql('closed', scope, window, p)}) c`,
      p.values,
    );
  }

  /** Urgent documents received in the period: registration and first assignment before the period's end (null: not yet routed). */
  async routing(scope: StatsScope, window: StatsWindow): Promise<RoutingRow[]> {
    const p = new SqlParams();
    const sql = incomingFigureSql('urgentReceived', scope, window, p);
    const asOf = p.add(window.asOf, 'timestamptz');
    return this.query(
      `SELECT coalesce(reg.at, r.received_at) AS "registeredAt", first_assign.at AS "firstAssignedAt"
         FROM (${sql}) r
         LEFT JOIN LATERAL (SELECT min(lower(j.during)) AS at FROM incoming_status_interval j
                             WHERE j.document_id = r.document_id AND j.action = 'register') reg ON true
         LEFT JOIN LATERAL (SELECT min(lower(j.during)) AS at FROM incoming_status_interval j
                             WHERE j.document_id = r.document_id AND j.action = 'assign' AND lower(j.during) < ${asOf}) first_assign ON true`,
      p.values,
    );
  }

  /**
   * Sổ theo dõi giải quyết văn bản đến: every document being handled (assigned or in progress)
   * at some moment of the period under a lead inside the scope, with its state just before the
   * period's end: status, due date, lead, last reported progress, and the reply issued by then.
   */
  async tracking(scope: StatsScope, window: StatsWindow, readerId: string): Promise<TrackingRecord[]> {
    const p = new SqlParams();
    const start = p.add(window.start, 'timestamptz');
    const asOf = p.add(window.asOf, 'timestamptz');
    const lead = leadIn(scope, p);
    const visible = 'v.visible';
    return this.query(
      `WITH handled AS (
         SELECT DISTINCT i.document_id FROM incoming_status_interval i
          WHERE i.agency_id = ${p.add(scope.agency.id, 'uuid')} AND i.handling && tstzrange(${start}, ${asOf}) AND ${lead}
       )
       SELECT d.incoming_number AS "incomingNumber", d.year, d.received_at AS "receivedAt",
              CASE WHEN ${visible} THEN d.issuing_authority END AS "issuingAuthority",
              CASE WHEN ${visible} THEN d.source_number_symbol END AS "sourceNumberSymbol",
              CASE WHEN ${visible} THEN to_char(d.source_date, 'YYYY-MM-DD') END AS "sourceDate",
              d.document_type AS "documentType", CASE WHEN ${visible} THEN d.subject END AS subject,
              d.urgency, d.confidentiality, NOT ${visible} AS redacted,
              s.status AS "statusThen", lower(s.during) AS since,
              -- Who handles a mật document and by when is itself confidential (the unit stays: the book is read by unit).
              CASE WHEN ${visible} THEN to_char(s.due_date, 'YYYY-MM-DD') END AS "dueDateThen",
              lu.name AS "leadUnitName", CASE WHEN ${visible} THEN lp.full_name END AS "leadUserName",
              (SELECT (ev.data->>'percent')::int FROM incoming_event ev
                WHERE ev.document_id = d.id AND ev.action = 'progress' AND ev.occurred_at < ${asOf} AND ev.data->>'percent' IS NOT NULL
                ORDER BY ev.id DESC LIMIT 1) AS "progressPercent",
              (SELECT o.number_symbol FROM outgoing_document o
                WHERE o.reply_to_incoming_id = d.id AND o.issued_at < ${asOf} AND (o.recalled_at IS NULL OR o.recalled_at >= ${asOf})
                ORDER BY o.issued_at DESC LIMIT 1) AS "replyNumberSymbol",
              reopened.found IS NOT NULL AS "reopenedInPeriod"
         FROM handled h
         -- One document per handled row, looked up by its key: the estimate of "handled during the
         -- period" runs several times too high, and a plain join hashed the whole document table.
         CROSS JOIN LATERAL (SELECT x.* FROM incoming_document x WHERE x.id = h.document_id LIMIT 1) d
         CROSS JOIN LATERAL (SELECT ${visibleTo(p.add(readerId, 'uuid'))} AS visible) v
         LEFT JOIN LATERAL (SELECT true AS found FROM incoming_status_interval r WHERE r.document_id = d.id AND r.action = 'reopen'
                              AND lower(r.during) >= ${start} AND lower(r.during) < ${asOf} LIMIT 1) reopened ON true
         JOIN LATERAL (SELECT j.* FROM incoming_status_interval j WHERE j.document_id = h.document_id AND lower(j.during) < ${asOf}
                        ORDER BY lower(j.during) DESC, j.opened_by DESC LIMIT 1) s ON true
         LEFT JOIN unit lu ON lu.id = s.lead_unit_id
         LEFT JOIN app_user lp ON lp.id = s.lead_user_id
        ORDER BY d.year, (SELECT r.code FROM register r WHERE r.id = d.register_id), d.incoming_number`,
      p.values,
    );
  }

  /**
   * One page of the documents behind a figure, newest event first, with the lead and due date of
   * that time. The figure's rows are filtered and paged first; only the page's documents are read
   * (a document type filter reads each row's document by its key).
   */
  async drilldown(
    scope: StatsScope,
    window: StatsWindow,
    figure: IncomingFigure,
    filter: DrilldownFilter,
    readerId: string,
  ): Promise<{ items: IncomingFigureRecord[]; total: number }> {
    const p = new SqlParams();
    const where: string[] = [];
    if (filter.urgency?.length) where.push(`m.urgency = ANY(${p.add(filter.urgency, 'text[]')})`);
    if (filter.documentType) {
      where.push(`(SELECT t.document_type FROM incoming_document t WHERE t.id = m.document_id) = ${p.add(filter.documentType, 'text')}`);
    }
    const rows = `(SELECT m.* FROM (${incomingFigureSql(figure, scope, window, p)}) m ${where.length ? `WHERE ${where.join(' AND ')}` : ''})`;
    const [{ total }] = await this.query(`SELECT count(*)::int AS total FROM ${rows} m`, p.values);
    const visibility = visibleTo(p.add(readerId, 'uuid'));
    const visible = 'v.visible';
    const items = await this.query(
      `SELECT d.id, d.incoming_number AS "incomingNumber", d.year, r.code AS "registerCode", d.received_at AS "receivedAt",
              CASE WHEN ${visible} THEN d.source_number_symbol END AS "sourceNumberSymbol",
              CASE WHEN ${visible} THEN to_char(d.source_date, 'YYYY-MM-DD') END AS "sourceDate",
              CASE WHEN ${visible} THEN d.issuing_authority END AS "issuingAuthority",
              d.document_type AS "documentType",
              CASE WHEN ${visible} THEN d.subject END AS subject,
              d.urgency, d.confidentiality, NOT ${visible} AS redacted,
              m.at, m.status AS "statusThen", to_char(m.due_date, 'YYYY-MM-DD') AS "dueDateThen",
              m.lead_unit_id AS "leadUnitId", lu.name AS "leadUnitName", m.lead_user_id AS "leadUserId", lp.full_name AS "leadUserName"
         FROM (SELECT * FROM ${rows} m ORDER BY m.at DESC, m.document_id
                LIMIT ${p.add(filter.pageSize, 'int')} OFFSET ${p.add((filter.page - 1) * filter.pageSize, 'int')}) m
         JOIN incoming_document d ON d.id = m.document_id
         CROSS JOIN LATERAL (SELECT ${visibility} AS visible) v
         JOIN register r ON r.id = d.register_id
         LEFT JOIN unit lu ON lu.id = m.lead_unit_id
         LEFT JOIN app_user lp ON lp.id = m.lead_user_id
        ORDER BY m.at DESC, m.document_id`,
      p.values,
    );
    return { items, total };
  }
}

/**
 * Whether the reader may read a document's content (computed once per row, as `v.visible`): confidential (mật) documents only when they
 * name the reader (registered by, submitted to, assigned to), as in the incoming lists; others
 * still count, shown by number and type only.
 */
function visibleTo(reader: string): string {
  // coalesce: a document submitted to nobody compares NULL, and NOT NULL would not mark it redacted.
  return `coalesce(d.confidentiality = 'normal' OR d.registered_by = ${reader} OR d.submitted_to = ${reader}
    OR EXISTS (SELECT 1 FROM incoming_assignment a WHERE a.document_id = d.id AND a.active AND a.user_id = ${reader}), false)`;
}
