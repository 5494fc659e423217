// Thống kê giao ban (leadership, leaders, the clerk's office): the week's or month's figures with the
// previous period, on time vs late per unit, the 12-period trend, the documents behind any number,
// and the same figures as XLSX/PDF (docs/statistics.md). The API decides whose figures the person gets.
import { DatePicker, Form, Radio, Spin, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useRef, useState } from 'react';
import { statsFileUrl, useStats, type PeriodKind, type StatsRequest } from '../../api/stats';
import { DownloadButtons } from '../../components/DownloadButtons';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dayjs, formatDate, formatDateTime, toCalendarDate } from '../../dates';
import { DrilldownTable, type Drill } from './DrilldownTable';
import { FigureCards } from './FigureCards';
import { currentPeriodKey, periodKeyOfDay, periodLabel } from './periods';
import { TrendSection } from './TrendSection';
import { UnitSection } from './UnitSection';

export function DashboardPage() {
  const [request, setRequest] = useState<StatsRequest>({ kind: 'week', key: currentPeriodKey('week') });
  // The day picked in the period's calendar (today at first): the picker shows the period it falls in.
  const [picked, setPicked] = useState<Dayjs>(() => dayjs());
  const [drill, setDrill] = useState<Drill>();
  const drillRef = useRef<HTMLDivElement>(null);
  const stats = useStats(request);

  const choose = (next: StatsRequest) => {
    setRequest(next);
    setDrill(undefined);
  };
  const open = (next: Drill) => {
    setDrill(next);
    // The list shows below the figures: bring it into view (a phone would not see it appear).
    requestAnimationFrame(() => drillRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };
  const period = stats.data?.current.period;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Thống kê giao ban
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="Kỳ báo cáo">
          <Radio.Group
            optionType="button"
            value={request.kind}
            onChange={(e) => {
              setPicked(dayjs());
              choose({ kind: e.target.value as PeriodKind, key: currentPeriodKey(e.target.value as PeriodKind) });
            }}
            options={[
              { value: 'week', label: 'Tuần' },
              { value: 'month', label: 'Tháng' },
            ]}
          />
        </Form.Item>
        <Form.Item label={request.kind === 'week' ? 'Tuần' : 'Tháng'} htmlFor="stats-period">
          <DatePicker
            id="stats-period"
            picker={request.kind}
            allowClear={false}
            value={picked}
            format={request.kind === 'week' ? (d) => periodLabel(periodKeyOfDay('week', toCalendarDate(d))) : 'MM/YYYY'}
            disabledDate={(d) => d.isAfter(dayjs(), 'day')}
            onChange={(d) => {
              if (!d) return;
              setPicked(d);
              choose({ ...request, key: periodKeyOfDay(request.kind, toCalendarDate(d)) });
            }}
          />
        </Form.Item>
        <DownloadButtons target={(format) => ({ url: statsFileUrl(request, format), fallbackName: `thong-ke-${request.key}.${format}` })} />
      </Form>
      <ErrorAlert error={stats.error} />
      {!stats.data && !stats.error && <Spin />}
      {stats.data && period && (
        <>
          <Typography.Paragraph data-testid="stats-period">
            <strong>{periodLabel(period.key)}</strong> ({formatDate(period.firstDay)} – {formatDate(period.lastDay)})
            {' · '}
            {stats.data.scope.unit?.name ?? stats.data.scope.person?.fullName ?? stats.data.scope.agency.name}
            {' · '}
            {period.complete ? 'đã kết thúc' : `số liệu đến ${formatDateTime(period.asOf)}`}
          </Typography.Paragraph>
          <FigureCards stats={stats.data} onOpen={(figure) => open({ figure })} />
          <div ref={drillRef}>{drill && <DrilldownTable key={`${request.key}-${drill.figure}-${drill.unitId ?? ''}`} request={request} drill={drill} />}</div>
          <UnitSection stats={stats.data} onOpen={open} />
          <TrendSection trend={stats.data.trend} />
        </>
      )}
    </>
  );
}
