// @eoffice/statistics — weekly and monthly statistics (issue 7): figures, drill-down, meeting report,
// tracking book. The read side of document flow; imports documents (its entry point), reports,
// accounts, vietnamese and core; only the API imports it.
export { StatisticsModule } from './statistics.module';
export { STATS_ROLES, StatsAccess } from './stats-access.service';
export type { StatsSubject } from './stats-access.service';
export type { StatsScope, StatsScopeKind } from './stats-scope';
export { INCOMING_FIGURES, OUTGOING_FIGURES, STATS_FIGURES } from './stats-window';
export type { IncomingFigure, OutgoingFigure, StatsFigure } from './stats-window';
export { StatsService, TREND_PERIODS } from './stats.service';
export type { OutgoingCounts, PeriodFigures, PeriodInfo, PeriodRequest, StatsFigures, TrendPoint, UnitLine } from './stats.service';
export { StatsDrilldownService } from './stats-drilldown.service';
export type { Drilldown, DrilldownQuery, IncomingDrillItem, OutgoingDrillItem, RedactedIncomingDrillItem, RedactedOutgoingDrillItem } from './stats-drilldown.service';
export { StatsReportService } from './stats-report.service';
export { TrackingBookService } from './tracking-book.service';
export type { TrackingBook } from './tracking-book.service';
export type { Distribution } from './rules/distribution';
export type { PeriodKind } from './rules/stats-period';
export { ExchangeTimelinessStatsService } from './exchange-timeliness.service';
export type { ExchangeTimeliness } from './exchange-timeliness.service';
