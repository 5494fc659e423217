// Thống kê giao ban tuần, tháng (docs/statistics.md): the figures, the documents behind a number,
// the XLSX/PDF downloads. The API answers the figures as open records; their fields are named here.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import { withQuery } from './download';
import type { components, operations } from './schema';

export type Stats = components['schemas']['StatsDto'];
export type UnitLine = components['schemas']['UnitLineDto'];
export type TrendPoint = components['schemas']['TrendPointDto'];
export type Period = components['schemas']['PeriodDto'];
export type PeriodKind = Period['kind'];
export type Figure = operations['StatsController_weeklyDrilldown']['parameters']['query']['figure'];

/** The incoming figures a period has (PeriodFigures of libs/statistics), as numbers. */
export const INCOMING_FIGURES = ['received', 'assigned', 'closedOnTime', 'closedLate', 'openOverdue', 'openDueSoon', 'reopened', 'urgentReceived'] as const;
export const OUTGOING_FIGURES = ['drafted', 'issued', 'dispatched'] as const;

export const FIGURE_LABELS: Record<Figure, string> = {
  received: 'Văn bản đến',
  assigned: 'Đã phân công',
  closedOnTime: 'Hoàn thành đúng hạn',
  closedLate: 'Hoàn thành quá hạn',
  openOverdue: 'Đang quá hạn',
  openDueSoon: 'Sắp đến hạn',
  reopened: 'Mở lại',
  urgentReceived: 'Văn bản khẩn',
  outgoingDrafted: 'Văn bản đi đã soạn',
  outgoingIssued: 'Văn bản đi đã phát hành',
  outgoingDispatched: 'Văn bản đi đã gửi',
};

/** The drill-down figure of an outgoing count (`issued` → `outgoingIssued`). */
export const outgoingFigure = (name: (typeof OUTGOING_FIGURES)[number]): Figure =>
  `outgoing${name[0].toUpperCase()}${name.slice(1)}` as Figure;

/** A count of a period's figures, 0 when the API has none. */
export function count(figures: Record<string, unknown> | undefined, name: string): number {
  const value = figures?.[name];
  return typeof value === 'number' ? value : 0;
}

/** A document behind a number (StatsDrilldownService): a hidden mật document shows only its number. */
export interface DrillItem {
  kind: 'incoming' | 'outgoing';
  id: string;
  redacted?: boolean;
  incomingNumber?: number;
  year?: number;
  registerCode?: string | null;
  numberSymbol?: string | null;
  sourceNumberSymbol?: string | null;
  issuingAuthority?: string | null;
  documentType: string;
  subject?: string | null;
  urgency?: string;
  confidentiality?: string;
  at?: string;
  statusThen?: string;
  status?: string;
  dueDateThen?: string | null;
  leadUnitName?: string | null;
  leadUserName?: string | null;
  draftingUnitName?: string;
  authorName?: string;
  handlingDays?: number | null;
}

/** Who the figures are about: the widest the person may see, or one unit (its subunits included). */
export interface StatsRequest {
  kind: PeriodKind;
  /** `2026-W47` or `2026-11`. */
  key: string;
  unitId?: string;
}

const periodParam = (request: StatsRequest) => (request.kind === 'week' ? { week: request.key } : { month: request.key });

export const statsKeys = {
  figures: (request: StatsRequest) => ['stats', request] as const,
  drilldown: (request: StatsRequest, figure: Figure, page: number) => ['stats', 'drilldown', request, figure, page] as const,
};

/** The figures of a period, as the dashboard reads them (and as routing/prefetch.ts fetches them early). */
export const statsQuery = (request: StatsRequest) => ({
  queryKey: statsKeys.figures(request),
  // The route also answers XLSX/PDF (a string to the generated types); asked for JSON, it is the figures.
  queryFn: async (): Promise<Stats> =>
    (request.kind === 'week'
      ? await answer(api.GET('/api/v1/stats/weekly', { params: { query: { week: request.key, unitId: request.unitId }, header: { accept: 'application/json' } } }))
      : await answer(api.GET('/api/v1/stats/monthly', { params: { query: { month: request.key, unitId: request.unitId }, header: { accept: 'application/json' } } }))) as Stats,
  staleTime: 30_000,
});

export function useStats(request: StatsRequest) {
  return useQuery({ ...statsQuery(request), placeholderData: keepPreviousData });
}

export const DRILL_PAGE_SIZE = 20;

export function useDrilldown(request: StatsRequest, figure: Figure | undefined, page: number) {
  return useQuery({
    queryKey: statsKeys.drilldown(request, figure ?? 'received', page),
    enabled: figure !== undefined,
    queryFn: async () => {
      const query = { unitId: request.unitId, figure: figure!, page, pageSize: DRILL_PAGE_SIZE };
      const found =
        request.kind === 'week'
          ? await answer(api.GET('/api/v1/stats/weekly/drilldown', { params: { query: { ...query, week: request.key } } }))
          : await answer(api.GET('/api/v1/stats/monthly/drilldown', { params: { query: { ...query, month: request.key } } }));
      return { ...found, items: found.items as unknown as DrillItem[] };
    },
    placeholderData: keepPreviousData,
  });
}

/** The address of the figures as a file (`format` wins over Accept, docs/statistics.md). */
export function statsFileUrl(request: StatsRequest, format: 'xlsx' | 'pdf'): string {
  return withQuery(`/api/v1/stats/${request.kind === 'week' ? 'weekly' : 'monthly'}`, { ...periodParam(request), unitId: request.unitId, format });
}
