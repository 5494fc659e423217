import type { ReportColumn, ReportRow, TableReport, TableView } from '@eoffice/reports';
import type { StatsScope } from './stats-scope';
import type { PeriodFigures, PeriodInfo, StatsFigures } from './stats.service';

type Value = number | null;

/** The summary's lines: Vietnamese label, and how to read the figure from a period's figures. */
const SUMMARY_LINES: readonly [string, (f: PeriodFigures) => Value][] = [
  ['Văn bản đến tiếp nhận', (f) => f.incoming.received],
  ['Văn bản đến được phân công xử lý', (f) => f.incoming.assigned],
  ['Giải quyết đúng hạn', (f) => f.incoming.closedOnTime],
  ['Giải quyết quá hạn', (f) => f.incoming.closedLate],
  ['Đang xử lý, quá hạn (cuối kỳ)', (f) => f.incoming.openOverdue],
  ['Đang xử lý, sắp đến hạn (cuối kỳ)', (f) => f.incoming.openDueSoon],
  ['Văn bản mở lại', (f) => f.incoming.reopened],
  ['Thời gian giải quyết, trung vị (ngày làm việc)', (f) => f.incoming.handlingDays.median],
  ['Thời gian giải quyết, phân vị 90 (ngày làm việc)', (f) => f.incoming.handlingDays.p90],
  ['Văn bản khẩn tiếp nhận', (f) => f.incoming.urgentReceived],
  ['Văn bản khẩn đã chuyển xử lý', (f) => f.incoming.urgentRouting.routed],
  ['Thời gian chuyển văn bản khẩn, trung vị (giờ)', (f) => f.incoming.urgentRouting.hours.median],
  ['Thời gian chuyển văn bản khẩn, phân vị 90 (giờ)', (f) => f.incoming.urgentRouting.hours.p90],
  ['Văn bản đi dự thảo', (f) => f.outgoing.drafted],
  ['Văn bản đi ban hành (cấp số)', (f) => f.outgoing.issued],
  ['Văn bản đi phát hành', (f) => f.outgoing.dispatched],
];

const num = (key: string, header: string, width = 12): ReportColumn => ({ key, header, width, kind: 'number' });
const text = (key: string, header: string, width: number): ReportColumn => ({ key, header, width, kind: 'text' });
const date = (key: string, header: string): ReportColumn => ({ key, header, width: 12, kind: 'date' });

/**
 * The meeting report as tables (one sheet each in XLSX): the summary against the previous
 * period, the breakdown by lead unit with the on-time/late bar chart, the twelve-period trend
 * with its line chart, and outgoing documents by type. Plain numbers, no formulas.
 */
export function statsReport(figures: StatsFigures, generatedAt: Date): TableReport {
  return {
    title: ['BÁO CÁO THỐNG KÊ TÌNH HÌNH XỬ LÝ VĂN BẢN', periodTitle(figures.current.period)],
    subtitle: [scopeLine(figures.scope), asOfLine(figures.current.period), `Lập lúc ${vietnamTime(generatedAt)}`],
    views: [summaryView(figures), unitView(figures), trendView(figures), outgoingView(figures)],
  };
}

export function statsFileName(figures: StatsFigures): string {
  const { period } = figures.current;
  return `Thống kê ${period.kind === 'week' ? 'tuần' : 'tháng'} ${period.key} - ${scopeName(figures.scope)}`;
}

function summaryView(figures: StatsFigures): TableView {
  const rows: ReportRow[] = SUMMARY_LINES.map(([label, read], index) => {
    const now = read(figures.current);
    const before = read(figures.previous);
    return { order: index + 1, label, current: now, previous: before, change: now === null || before === null ? null : round(now - before) };
  });
  return {
    name: 'Tổng hợp',
    heading: 'I. Tổng hợp',
    columns: [
      num('order', 'STT', 5),
      text('label', 'Chỉ tiêu', 48),
      num('current', `Kỳ này (${figures.current.period.key})`, 16),
      num('previous', `Kỳ trước (${figures.previous.period.key})`, 16),
      num('change', 'Tăng (+) / giảm (−)', 14),
    ],
    rows,
  };
}

function unitView(figures: StatsFigures): TableView {
  const name = (unitName: string | null) => unitName ?? 'Chưa phân công';
  return {
    name: 'Theo đơn vị',
    heading: 'II. Theo đơn vị chủ trì',
    columns: [
      text('unit', 'Đơn vị chủ trì', 40),
      num('received', 'Nhận chủ trì'),
      num('closedOnTime', 'Giải quyết đúng hạn'),
      num('closedLate', 'Giải quyết quá hạn'),
      num('openOverdue', 'Đang xử lý, quá hạn'),
      num('openDueSoon', 'Đang xử lý, sắp đến hạn'),
    ],
    rows: figures.byUnit.map((line) => ({ ...line, unit: name(line.unitName) })),
    charts: [
      {
        kind: 'bar',
        title: 'Văn bản giải quyết đúng hạn và quá hạn theo đơn vị',
        categories: figures.byUnit.map((line) => name(line.unitName)),
        series: [
          { name: 'Đúng hạn', colour: 'blue', values: figures.byUnit.map((line) => line.closedOnTime) },
          { name: 'Quá hạn', colour: 'red', values: figures.byUnit.map((line) => line.closedLate) },
        ],
      },
    ],
  };
}

function trendView(figures: StatsFigures): TableView {
  const { trend } = figures;
  const label = (p: PeriodInfo) => (p.kind === 'week' ? p.key.slice(5) : `${p.key.slice(5)}/${p.key.slice(0, 4)}`);
  return {
    name: `Xu hướng ${trend.length} kỳ`,
    heading: `III. Xu hướng ${trend.length} ${figures.current.period.kind === 'week' ? 'tuần' : 'tháng'}`,
    columns: [
      text('period', 'Kỳ', 10),
      date('firstDay', 'Từ ngày'),
      date('lastDay', 'Đến ngày'),
      num('received', 'Tiếp nhận'),
      num('closedOnTime', 'Đúng hạn'),
      num('closedLate', 'Quá hạn'),
      num('openOverdue', 'Tồn quá hạn cuối kỳ'),
      num('outgoingIssued', 'Văn bản đi ban hành'),
    ],
    rows: trend.map((point) => ({ ...point, period: point.period.key, firstDay: point.period.firstDay, lastDay: point.period.lastDay })),
    charts: [
      {
        kind: 'line',
        title: `Xu hướng ${trend.length} kỳ gần nhất`,
        categories: trend.map((point) => label(point.period)),
        series: [
          { name: 'Tiếp nhận', colour: 'blue', values: trend.map((p) => p.received) },
          { name: 'Giải quyết (đúng và quá hạn)', colour: 'green', values: trend.map((p) => p.closedOnTime + p.closedLate) },
          { name: 'Tồn quá hạn cuối kỳ', colour: 'red', values: trend.map((p) => p.openOverdue) },
        ],
      },
    ],
  };
}

function outgoingView(figures: StatsFigures): TableView {
  return {
    name: 'Văn bản đi theo loại',
    heading: 'IV. Văn bản đi theo loại văn bản',
    columns: [text('documentType', 'Loại văn bản', 40), num('drafted', 'Dự thảo'), num('issued', 'Ban hành'), num('dispatched', 'Phát hành')],
    rows: figures.current.outgoing.byDocumentType,
  };
}

export function periodTitle(period: PeriodInfo): string {
  const range = `từ ngày ${dmy(period.firstDay)} đến ngày ${dmy(period.lastDay)}`;
  if (period.kind === 'month') return `Tháng ${period.key.slice(5)}/${period.key.slice(0, 4)} (${range})`;
  return `Tuần ${Number(period.key.slice(6))} năm ${period.key.slice(0, 4)} (${range})`;
}

export function scopeLine(scope: StatsScope): string {
  if (scope.kind === 'person') return `${scope.agency.name} · Cá nhân: ${scope.person!.fullName}`;
  if (scope.kind === 'unit') return `${scope.agency.name} · Đơn vị: ${scope.unit!.name}${scope.includeSubunits ? ' (gồm đơn vị trực thuộc)' : ''}`;
  return scope.agency.name;
}

function scopeName(scope: StatsScope): string {
  return scope.person?.fullName ?? scope.unit?.name ?? scope.agency.name;
}

export function asOfLine(period: PeriodInfo): string {
  return period.complete ? `Số liệu tính đến hết ngày ${dmy(period.lastDay)}` : `Số liệu tạm tính đến ${vietnamTime(period.asOf)} (kỳ chưa kết thúc)`;
}

function vietnamTime(at: Date): string {
  const local = new Date(at.getTime() + 7 * 3600_000).toISOString();
  return `${local.slice(11, 16)} ngày ${dmy(local.slice(0, 10))}`;
}

function dmy(isoDay: string): string {
  return `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}/${isoDay.slice(0, 4)}`;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
