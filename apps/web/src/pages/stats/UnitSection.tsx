// Đúng hạn và quá hạn theo đơn vị: a bar chart of the lead units' closings, and the same figures in
// a table whose numbers open the documents behind them.
import { Button, Card, Table } from 'antd';
import type { Figure, Stats, UnitLine } from '../../api/stats';
import { BarChart } from '../../components/charts/BarChart';
import { ScrollRegion } from '../../components/ScrollRegion';
import type { Drill } from './DrilldownTable';

export const ON_TIME_COLOR = '#237804';
export const LATE_COLOR = '#a8071a';
export const OVERDUE_COLOR = '#ad4e00';

const NO_UNIT = 'Chưa giao đơn vị';

export function UnitSection({ stats, onOpen }: { stats: Stats; onOpen: (drill: Drill) => void }) {
  const lines = stats.byUnit;
  const name = (line: UnitLine) => line.unitName ?? NO_UNIT;
  const open = (line: UnitLine, figure: Figure) => onOpen({ figure, unitId: line.unitId ?? undefined, unitName: name(line) });
  // A number opens its list only for a unit (the lines without a lead unit have no unit to ask for).
  const cell = (figure: Figure) => (value: number, line: UnitLine) =>
    value > 0 && line.unitId ? (
      <Button type="link" size="small" style={{ padding: 0 }} aria-label={`${name(line)}: ${value}, xem danh sách`} onClick={() => open(line, figure)}>
        {value}
      </Button>
    ) : (
      value
    );
  const total = (figure: 'closedOnTime' | 'closedLate') => lines.reduce((sum, l) => sum + l[figure], 0);
  return (
    <Card title="Đúng hạn và quá hạn theo đơn vị" size="small" style={{ marginTop: 16 }}>
      {lines.length > 0 && (
        <BarChart
          title="Văn bản hoàn thành đúng hạn và quá hạn theo đơn vị chủ trì"
          description={`${lines.length} đơn vị; tổng cộng ${total('closedOnTime')} văn bản đúng hạn, ${total('closedLate')} quá hạn. Số liệu từng đơn vị ở bảng dưới.`}
          categories={lines.map(name)}
          series={[
            { name: 'Đúng hạn', color: ON_TIME_COLOR, values: lines.map((l) => l.closedOnTime) },
            { name: 'Quá hạn', color: LATE_COLOR, values: lines.map((l) => l.closedLate) },
          ]}
          onBar={(c, s) => lines[c].unitId && open(lines[c], s === 0 ? 'closedOnTime' : 'closedLate')}
        />
      )}
      <ScrollRegion label="Bảng đúng hạn và quá hạn theo đơn vị, cuộn ngang để xem đủ các cột" minWidth={600}>
        <Table<UnitLine>
          rowKey={(l) => l.unitId ?? 'none'}
          size="small"
          pagination={false}
          dataSource={lines}
          locale={{ emptyText: 'Không có văn bản nào trong kỳ' }}
          data-testid="stats-by-unit"
          columns={[
            { title: 'Đơn vị chủ trì', key: 'unit', render: (_, l) => name(l) },
            { title: 'Nhận', dataIndex: 'received', width: 80, render: cell('received') },
            { title: 'Đúng hạn', dataIndex: 'closedOnTime', width: 90, render: cell('closedOnTime') },
            { title: 'Quá hạn', dataIndex: 'closedLate', width: 90, render: cell('closedLate') },
            { title: 'Đang quá hạn', dataIndex: 'openOverdue', width: 110, render: cell('openOverdue') },
            { title: 'Sắp đến hạn', dataIndex: 'openDueSoon', width: 110, render: cell('openDueSoon') },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
