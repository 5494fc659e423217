import type { SqlParams } from './stats-sql';
import type { StatsScope } from './stats-scope';
import type { IncomingFigure, StatsWindow } from './stats-window';

const VIETNAM_DAY = (column: string) => `(${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;

/** The columns every figure's rows carry (`at`: when the stretch that put the document in the figure began). */
const COLUMNS = `i.document_id, i.lead_unit_id, i.lead_user_id, lower(i.during) AS at, i.due_date, i.status, i.received_at, i.urgency`;

/**
 * Counting per document, or per document and lead unit when figures are broken down by unit:
 * a document closed late by one unit, reopened and closed on time by another counts once for each.
 */
export type FigureGrain = 'document' | 'unit';

/**
 * The SQL of one figure (or of `closed`: on time and late together): the rows of
 * incoming_status_interval (one per document, or per document and unit) that make it up, with
 * COLUMNS. The counts, the breakdown by unit and the drill-down lists all select from this one
 * statement, so a number and its list cannot disagree.
 */
export function incomingFigureSql(figure: IncomingFigure | 'closed', scope: StatsScope, w: StatsWindow, p: SqlParams, grain: FigureGrain = 'document'): string {
  const key = grain === 'unit' ? 'i.document_id, i.lead_unit_id' : 'i.document_id';
  const started = () =>
    `i.agency_id = ${p.add(scope.agency.id, 'uuid')} AND lower(i.during) >= ${p.add(w.start, 'timestamptz')} AND lower(i.during) < ${p.add(w.asOf, 'timestamptz')}`;
  // What can be overdue or due soon, as in the lists and the reminders: documents someone is
  // handling (assigned, in progress) just before the end, whose stretches `handling` holds.
  const openAtEnd = () =>
    `i.agency_id = ${p.add(scope.agency.id, 'uuid')} AND i.handling @> (${p.add(w.asOf, 'timestamptz')} - interval '1 microsecond')`;
  const first = (where: string) => `SELECT DISTINCT ON (${key}) ${COLUMNS} FROM incoming_status_interval i WHERE ${where} ORDER BY ${key}, lower(i.during), i.opened_by`;
  const last = (where: string) => `SELECT DISTINCT ON (${key}) ${COLUMNS} FROM incoming_status_interval i WHERE ${where} ORDER BY ${key}, lower(i.during) DESC, i.opened_by DESC`;
  const onTime = `(c.due_date IS NULL OR ${VIETNAM_DAY('c.at')} <= c.due_date)`;
  switch (figure) {
    case 'received':
      return received(scope, grain, p, started, first);
    case 'assigned':
      return first(`${started()} AND i.action = 'assign' AND ${leadIn(scope, p)}`);
    case 'closed':
      return last(`${started()} AND i.status = 'closed' AND ${leadIn(scope, p)}`);
    case 'closedOnTime':
      return `SELECT c.* FROM (${last(`${started()} AND i.status = 'closed' AND ${leadIn(scope, p)}`)}) c WHERE ${onTime}`;
    case 'closedLate':
      return `SELECT c.* FROM (${last(`${started()} AND i.status = 'closed' AND ${leadIn(scope, p)}`)}) c WHERE NOT ${onTime}`;
    case 'reopened':
      return first(`${started()} AND i.action = 'reopen' AND ${leadIn(scope, p)}`);
    case 'openOverdue':
      return `SELECT ${COLUMNS} FROM incoming_status_interval i WHERE ${openAtEnd()} AND i.due_date < ${p.add(w.today, 'date')} AND ${leadIn(scope, p)}`;
    case 'openDueSoon':
      return `SELECT ${COLUMNS} FROM incoming_status_interval i WHERE ${openAtEnd()}
                AND i.due_date BETWEEN ${p.add(w.today, 'date')} AND ${p.add(w.dueSoonUntil, 'date')} AND ${leadIn(scope, p)}`;
    case 'urgentReceived':
      return received(scope, grain, p, () => `${started()} AND i.urgency <> 'normal'`, first);
  }
}

/**
 * Received: for an agency, the documents registered (vào sổ) in the period; for a unit or a
 * person — and for each unit of a breakdown — the documents that came to them as lead in the
 * period (they were not the lead just before).
 */
function received(scope: StatsScope, grain: FigureGrain, p: SqlParams, started: () => string, first: (where: string) => string): string {
  if (grain === 'unit') {
    return first(`${started()} AND ${leadIn(scope, p)} AND i.lead_unit_id IS NOT NULL AND i.lead_unit_id IS DISTINCT FROM i.previous_lead_unit_id`);
  }
  if (scope.kind === 'agency') return first(`${started()} AND i.action = 'register'`);
  return first(`${started()} AND ${leadIn(scope, p)} AND NOT coalesce(${leadIn(scope, p, 'previous_')}, false)`);
}

/** The lead of stretch `i` (or of the one before it, with prefix `previous_`) is inside the scope; always, for an agency. */
export function leadIn(scope: StatsScope, p: SqlParams, prefix = ''): string {
  if (scope.kind === 'unit') return `i.${prefix}lead_unit_id = ANY(${p.add(scope.unitIds, 'uuid[]')})`;
  if (scope.kind === 'person') return `i.${prefix}lead_user_id = ${p.add(scope.person!.id, 'uuid')}`;
  return 'true';
}
