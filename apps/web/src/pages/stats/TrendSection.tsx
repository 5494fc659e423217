// Xu hướng 12 kỳ: received, closed on time and late, overdue at the end, outgoing issued — a line chart
// and the same figures in a table.
import { Card, Table } from 'antd';
import type { TrendPoint } from '../../api/stats';
import { LineChart } from '../../components/charts/LineChart';
import { ScrollRegion } from '../../components/ScrollRegion';
import { LATE_COLOR, ON_TIME_COLOR, OVERDUE_COLOR } from './UnitSection';
import { periodLabel } from './periods';

/** `2026-W47` → `T47`, `2026-11` → `11/26`: short enough for twelve labels on a phone. */
const shortLabel = (key: string) => key.replace(/^\d{4}-W(\d{2})$/, 'T$1').replace(/^\d{2}(\d{2})-(\d{2})$/, '$2/$1');

export function TrendSection({ trend }: { trend: TrendPoint[] }) {
  const series = [
    { name: 'Văn bản đến', color: '#0050b3', values: trend.map((t) => t.received) },
    { name: 'Đúng hạn', color: ON_TIME_COLOR, values: trend.map((t) => t.closedOnTime), dashed: true },
    { name: 'Quá hạn', color: LATE_COLOR, values: trend.map((t) => t.closedLate) },
    { name: 'Đang quá hạn', color: OVERDUE_COLOR, values: trend.map((t) => t.openOverdue), dashed: true },
  ];
  const first = trend[0]?.period.key;
  const last = trend[trend.length - 1]?.period.key;
  return (
    <Card title={`Xu hướng ${trend.length} kỳ`} size="small" style={{ marginTop: 16 }}>
      <LineChart
        title={`Xu hướng ${trend.length} kỳ gần nhất`}
        description={first && last ? `Từ ${periodLabel(first)} đến ${periodLabel(last)}: văn bản đến, hoàn thành đúng hạn, quá hạn và đang quá hạn cuối kỳ. Số liệu ở bảng dưới.` : 'Chưa có số liệu.'}
        labels={trend.map((t) => shortLabel(t.period.key))}
        series={series}
      />
      <ScrollRegion label="Bảng xu hướng 12 kỳ, cuộn ngang để xem đủ các cột" minWidth={560}>
        <Table<TrendPoint>
          rowKey={(t) => t.period.key}
          size="small"
          pagination={false}
          dataSource={[...trend].reverse()}
          columns={[
            { title: 'Kỳ', key: 'period', render: (_, t) => periodLabel(t.period.key) },
            { title: 'Văn bản đến', dataIndex: 'received', width: 100 },
            { title: 'Đúng hạn', dataIndex: 'closedOnTime', width: 90 },
            { title: 'Quá hạn', dataIndex: 'closedLate', width: 90 },
            { title: 'Đang quá hạn', dataIndex: 'openOverdue', width: 110 },
            { title: 'Văn bản đi phát hành', dataIndex: 'outgoingIssued', width: 150 },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
