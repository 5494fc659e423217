import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import { DUE_SOON_WORKING_DAYS, DueDateService } from '@eoffice/documents';
import { IncomingCounts, IncomingStatsRepository, UNIT_FIGURES, UnitCountRow, UnitFigure } from './incoming-stats.repository';
import { OutgoingStatsRepository, OutgoingTypeCount } from './outgoing-stats.repository';
import { Distribution, distribution } from './rules/distribution';
import { dueSoonLimit, handlingWorkingDays, routingHours } from './rules/handling-time';
import { parseIsoWeek, parseMonth, PeriodKind, periodAsOf, periodsEndingWith, StatsPeriod, vietnamDay } from './rules/stats-period';
import { StatsAccess, StatsSubject } from './stats-access.service';
import type { StatsScope } from './stats-scope';
import { INCOMING_FIGURES, OutgoingFigure, StatsWindow } from './stats-window';

/** How many periods the trend shows, ending with the one asked for. */
export const TREND_PERIODS = 12;

export interface PeriodInfo {
  kind: PeriodKind;
  key: string;
  firstDay: string;
  lastDay: string;
  /** Figures are taken at this instant: the period's end, or the moment of the request while it runs. */
  asOf: Date;
  complete: boolean;
}

export interface OutgoingCounts {
  drafted: number;
  issued: number;
  dispatched: number;
  byDocumentType: { documentType: string; drafted: number; issued: number; dispatched: number }[];
}

export interface PeriodFigures {
  period: PeriodInfo;
  incoming: IncomingCounts & {
    /** Received → closed, in working days, for the documents closed in the period. */
    handlingDays: Distribution;
    /** Urgent documents received in the period and assigned before its end: registration → first assignment, hours. */
    urgentRouting: { routed: number; hours: Distribution };
  };
  outgoing: OutgoingCounts;
}

export type UnitLine = { unitId: string | null; unitName: string | null } & Record<UnitFigure, number>;

/** The figures the trend follows, per period. */
export const TREND_FIGURES = ['received', 'closedOnTime', 'closedLate', 'openOverdue'] as const;

export type TrendPoint = Record<(typeof TREND_FIGURES)[number], number> & {
  period: PeriodInfo;
  outgoingIssued: number;
};

export interface StatsFigures {
  scope: StatsScope;
  /** What "due soon" means: due within this many working days, as the reminders say. */
  dueSoonWorkingDays: number;
  current: PeriodFigures;
  previous: PeriodFigures;
  byUnit: UnitLine[];
  trend: TrendPoint[];
}

/** A period asked for: `kind` and its key (`2026-W47`, `2026-11`). */
export interface PeriodRequest {
  kind: PeriodKind;
  key: string;
}

/**
 * Thống kê giao ban tuần / tháng (the Tây Ninh eOffice rules (2016) Điều 8): the figures of a week or a month for the
 * agency, a unit or a person, with the previous period and a trend, all read from the recorded
 * history as of each period's end (IncomingStatsRepository), so a past week reads the same
 * whenever it is asked for.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly access: StatsAccess,
    private readonly incoming: IncomingStatsRepository,
    private readonly outgoing: OutgoingStatsRepository,
    private readonly dueDates: DueDateService,
  ) {}

  /**
   * The asked period and the one before in full, the older periods of the trend with the trend's
   * figures only (each figure costs an index range over its period, so the request costs what
   * happened in these periods, never the years before).
   */
  async figures(actor: Actor, request: PeriodRequest, subject: StatsSubject): Promise<StatsFigures> {
    const { scope, windows } = await this.resolve(actor, request, subject);
    const last = windows.length - 1;
    const [current, previous, older, byUnit] = await Promise.all([
      this.periodFigures(scope, windows[last]),
      this.periodFigures(scope, windows[last - 1]),
      this.trendPoints(scope, windows.slice(0, last - 1)),
      scope.kind === 'person' ? [] : this.incoming.countsByUnit(scope, windows[last].window).then(unitLines),
    ]);
    const trend = [...older, pointOf(previous), pointOf(current)];
    return { scope, dueSoonWorkingDays: DUE_SOON_WORKING_DAYS, current, previous, byUnit, trend };
  }

  /** The scope and the windows of the trend's periods (the asked period last), checked for access and sense. */
  async resolve(actor: Actor, request: PeriodRequest, subject: StatsSubject): Promise<{ scope: StatsScope; windows: PeriodWindow[] }> {
    const now = new Date();
    const period = request.kind === 'week' ? parseIsoWeek(request.key) : parseMonth(request.key);
    periodAsOf(period, now);
    const scope = await this.access.scopeFor(actor, subject);
    return { scope, windows: periodsEndingWith(period, TREND_PERIODS).map((p) => this.window(p, now)) };
  }

  window(period: StatsPeriod, now: Date): PeriodWindow {
    const { asOf, complete } = periodAsOf(period, now);
    const today = vietnamDay(asOf).toString();
    const window: StatsWindow = { start: period.start, asOf, today, dueSoonUntil: dueSoonLimit(this.dueDates.calendar, today, DUE_SOON_WORKING_DAYS) };
    return { period: { kind: period.kind, key: period.key, firstDay: period.firstDay, lastDay: period.lastDay, asOf, complete }, window };
  }

  private async trendPoints(scope: StatsScope, periods: PeriodWindow[]): Promise<TrendPoint[]> {
    const windows = periods.map((p) => p.window);
    const [counts, issued] = await Promise.all([
      this.incoming.counts(scope, windows, TREND_FIGURES),
      this.outgoing.counts(scope, windows, 'outgoingIssued'),
    ]);
    return periods.map(({ period }, n) => ({ ...counts[n], period, outgoingIssued: issued[n] }));
  }

  private async periodFigures(scope: StatsScope, { period, window }: PeriodWindow): Promise<PeriodFigures> {
    const [[counts], outgoingByType, closed, routing] = await Promise.all([
      this.incoming.counts(scope, [window], INCOMING_FIGURES),
      this.outgoing.countsByType(scope, window),
      this.incoming.closed(scope, window),
      this.incoming.routing(scope, window),
    ]);
    const calendar = this.dueDates.calendar;
    const routed = routing.filter((r) => r.firstAssignedAt !== null);
    return {
      period,
      incoming: {
        ...counts,
        handlingDays: distribution(closed.map((c) => handlingWorkingDays(calendar, new Date(c.receivedAt), new Date(c.closedAt)))),
        urgentRouting: {
          routed: routed.length,
          hours: distribution(routed.map((r) => routingHours(new Date(r.registeredAt), new Date(r.firstAssignedAt!)))),
        },
      },
      outgoing: outgoingCounts(outgoingByType),
    };
  }
}

export interface PeriodWindow {
  period: PeriodInfo;
  window: StatsWindow;
}

const OUTGOING_KEYS: Record<OutgoingFigure, 'drafted' | 'issued' | 'dispatched'> = {
  outgoingDrafted: 'drafted',
  outgoingIssued: 'issued',
  outgoingDispatched: 'dispatched',
};

function pointOf({ period, incoming, outgoing }: PeriodFigures): TrendPoint {
  const { received, closedOnTime, closedLate, openOverdue } = incoming;
  return { period, received, closedOnTime, closedLate, openOverdue, outgoingIssued: outgoing.issued };
}

function outgoingCounts(rows: OutgoingTypeCount[]): OutgoingCounts {
  const byType = new Map<string, OutgoingCounts['byDocumentType'][number]>();
  const totals = { drafted: 0, issued: 0, dispatched: 0 };
  for (const row of rows) {
    const line = byType.get(row.documentType) ?? { documentType: row.documentType, drafted: 0, issued: 0, dispatched: 0 };
    line[OUTGOING_KEYS[row.figure]] += row.count;
    totals[OUTGOING_KEYS[row.figure]] += row.count;
    byType.set(row.documentType, line);
  }
  const byDocumentType = [...byType.values()].sort((a, b) => a.documentType.localeCompare(b.documentType, 'vi'));
  return { ...totals, byDocumentType };
}

/** One line per lead unit, units by name, the documents not yet assigned to anyone last. */
function unitLines(rows: UnitCountRow[]): UnitLine[] {
  const lines = new Map<string | null, UnitLine>();
  for (const row of rows) {
    const empty = Object.fromEntries(UNIT_FIGURES.map((f) => [f, 0])) as Record<UnitFigure, number>;
    const line = lines.get(row.unitId) ?? { unitId: row.unitId, unitName: row.unitName, ...empty };
    line[row.figure] = row.count;
    lines.set(row.unitId, line);
  }
  return [...lines.values()].sort((a, b) => (a.unitName === null ? 1 : b.unitName === null ? -1 : a.unitName.localeCompare(b.unitName, 'vi')));
}
