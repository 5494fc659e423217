import type { Drilldown, PeriodInfo, StatsFigures, StatsScope, TrackingBook } from '@eoffice/statistics';
import type { DrilldownDto, PeriodDto, StatsDto, StatsScopeDto, TrackingBookDto } from './dto/stats-responses.dto';

function scopeDto(scope: StatsScope): StatsScopeDto {
  return {
    kind: scope.kind,
    agency: scope.agency,
    unit: scope.unit,
    includeSubunits: scope.includeSubunits,
    person: scope.person,
  };
}

function periodDto(period: PeriodInfo): PeriodDto {
  return { kind: period.kind, key: period.key, firstDay: period.firstDay, lastDay: period.lastDay, asOf: period.asOf, complete: period.complete };
}

/** The figures as data; the XLSX and PDF show the same numbers. */
export function toStatsDto(figures: StatsFigures): StatsDto {
  return {
    scope: scopeDto(figures.scope),
    definitions: {
      dueSoonWorkingDays: figures.dueSoonWorkingDays,
      overdue: 'assigned or in progress at the period end, due before the day the period ends on',
      handlingDays: 'working days from the day received to the day closed, documents closed in the period',
    },
    current: { ...figures.current, period: periodDto(figures.current.period) },
    previous: { ...figures.previous, period: periodDto(figures.previous.period) },
    byUnit: figures.byUnit.map((line) => ({ ...line })),
    trend: figures.trend.map((point) => ({ ...point, period: periodDto(point.period) })),
  };
}

export function toDrilldownDto(drilldown: Drilldown): DrilldownDto {
  return {
    figure: drilldown.figure,
    period: periodDto(drilldown.period),
    scope: scopeDto(drilldown.scope),
    items: drilldown.items.map((item) => ({ ...item })),
    total: drilldown.total,
    page: drilldown.page,
    pageSize: drilldown.pageSize,
  };
}

export function toTrackingBookDto({ period, scope, report }: TrackingBook): TrackingBookDto {
  const [view] = report.views;
  return {
    period: periodDto(period),
    scope: scopeDto(scope),
    title: [...report.title],
    subtitle: [...report.subtitle],
    columns: view.columns.map(({ key, header, kind }) => ({ key, header, kind })),
    rows: view.rows.map((row) => ({ ...row })),
  };
}
