import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { queryWithoutJit, SqlParams } from './stats-sql';
import type { StatsScope } from './stats-scope';
import type { OutgoingFigure, StatsWindow } from './stats-window';

/** The timeline action behind each outgoing figure. */
const ACTIONS: Record<OutgoingFigure, string> = {
  outgoingDrafted: 'create',
  outgoingIssued: 'issue',
  outgoingDispatched: 'dispatch',
};

export interface OutgoingTypeCount {
  documentType: string;
  figure: OutgoingFigure;
  count: number;
}

export interface OutgoingFigureRecord {
  id: string;
  documentType: string;
  subject: string | null;
  redacted: boolean;
  numberSymbol: string | null;
  registerCode: string | null;
  urgency: string;
  confidentiality: string;
  status: string;
  at: Date;
  draftingUnitId: string;
  draftingUnitName: string;
  authorId: string;
  authorName: string;
}

/**
 * Outgoing statistics from outgoing_event (indexed on occurred_at, so a period costs what
 * happened in it): drafted (create), issued (issue), dispatched (dispatch), by the drafting unit
 * or the author for a unit's or a person's figures.
 */
@Injectable()
export class OutgoingStatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  private query<T = any>(sql: string, params: unknown[]): Promise<T> {
    return queryWithoutJit<T>(this.dataSource, sql, params);
  }

  async countsByType(scope: StatsScope, window: StatsWindow): Promise<OutgoingTypeCount[]> {
    const p = new SqlParams();
    const parts = (Object.keys(ACTIONS) as OutgoingFigure[]).map(
      (figure) => `SELECT '${figure}' AS figure, m.document_type AS "documentType", count(*)::int AS count
                      FROM (${figureSql(figure, scope, window, p)}) m GROUP BY m.document_type`,
    );
    return this.query(parts.join('\nUNION ALL\n'), p.values);
  }

  /** The number of documents of one figure, for each window, in one statement. */
  async counts(scope: StatsScope, windows: readonly StatsWindow[], figure: OutgoingFigure): Promise<number[]> {
    if (windows.length === 0) return [];
    const p = new SqlParams();
    const parts = windows.map((window, n) => `SELECT ${n} AS n, count(*)::int AS count FROM (${figureSql(figure, scope, window, p)}) m`);
    const found: { n: number; count: number }[] = await this.query(parts.join('\nUNION ALL\n'), p.values);
    return windows.map((_, n) => found.find((row) => row.n === n)!.count);
  }

  async drilldown(
    scope: StatsScope,
    window: StatsWindow,
    figure: OutgoingFigure,
    filter: { documentType?: string; page: number; pageSize: number },
    readerId: string,
  ): Promise<{ items: OutgoingFigureRecord[]; total: number }> {
    const p = new SqlParams();
    const from = `FROM (${figureSql(figure, scope, window, p)}) m JOIN outgoing_document o ON o.id = m.document_id`;
    const condition = filter.documentType ? `WHERE o.document_type = ${p.add(filter.documentType, 'text')}` : '';
    const [{ total }] = await this.query(`SELECT count(*)::int AS total ${from} ${condition}`, p.values);
    const reader = p.add(readerId, 'uuid');
    // coalesce: a draft has no signer yet, and NOT NULL would not mark it redacted.
    const visible = `coalesce(o.confidentiality = 'normal' OR o.author_id = ${reader} OR o.signer_id = ${reader}, false)`;
    const items = await this.query(
      `SELECT o.id, o.document_type AS "documentType", CASE WHEN ${visible} THEN o.subject END AS subject, NOT ${visible} AS redacted,
              o.number_symbol AS "numberSymbol", r.code AS "registerCode", o.urgency, o.confidentiality, o.status, m.at,
              o.drafting_unit_id AS "draftingUnitId", u.name AS "draftingUnitName", o.author_id AS "authorId", a.full_name AS "authorName"
         ${from}
         JOIN unit u ON u.id = o.drafting_unit_id
         JOIN app_user a ON a.id = o.author_id
         LEFT JOIN register r ON r.id = o.register_id
         ${condition}
        ORDER BY m.at DESC, o.id
        LIMIT ${p.add(filter.pageSize, 'int')} OFFSET ${p.add((filter.page - 1) * filter.pageSize, 'int')}`,
      p.values,
    );
    return { items, total };
  }
}

/** The outgoing documents behind a figure: those whose event of that kind happened in [start, asOf). */
function figureSql(figure: OutgoingFigure, scope: StatsScope, w: StatsWindow, p: SqlParams): string {
  const conditions = [
    `e.action = '${ACTIONS[figure]}'`,
    `e.occurred_at >= ${p.add(w.start, 'timestamptz')}`,
    `e.occurred_at < ${p.add(w.asOf, 'timestamptz')}`,
    `o.agency_id = ${p.add(scope.agency.id, 'uuid')}`,
  ];
  if (scope.kind === 'unit') conditions.push(`o.drafting_unit_id = ANY(${p.add(scope.unitIds, 'uuid[]')})`);
  if (scope.kind === 'person') conditions.push(`o.author_id = ${p.add(scope.person!.id, 'uuid')}`);
  return `SELECT DISTINCT ON (e.document_id) e.document_id, e.occurred_at AS at, o.document_type
            FROM outgoing_event e JOIN outgoing_document o ON o.id = e.document_id
           WHERE ${conditions.join(' AND ')}
           ORDER BY e.document_id, e.occurred_at`;
}
