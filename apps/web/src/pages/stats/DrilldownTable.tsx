// The documents behind a number (GET /stats/{weekly|monthly}/drilldown): the same period, scope and
// SQL as the count, so the list adds up to the figure. A mật document the reader is not named on
// still counts, but shows only its number (redacted by the API).
import { Card, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { DRILL_PAGE_SIZE, FIGURE_LABELS, useDrilldown, type DrillItem, type Figure, type StatsRequest } from '../../api/stats';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CONFIDENTIAL_COLOR, CONFIDENTIALITY_LABELS, STATUS_LABELS } from '../../components/labels';
import { OUTGOING_STATUS_LABELS } from '../../components/outgoing-labels';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDate, formatDateTime } from '../../dates';

export interface Drill {
  figure: Figure;
  unitId?: string;
  unitName?: string;
}

const numberOf = (item: DrillItem) =>
  item.kind === 'incoming' ? `${item.incomingNumber ?? ''}/${item.year ?? ''}${item.registerCode ? ` (${item.registerCode})` : ''}` : (item.numberSymbol ?? 'Chưa cấp số');

export function DrilldownTable({ request, drill }: { request: StatsRequest; drill: Drill }) {
  const [page, setPage] = useState(1);
  const found = useDrilldown({ ...request, unitId: drill.unitId ?? request.unitId }, drill.figure, page);
  const title = `${FIGURE_LABELS[drill.figure]}${drill.unitName ? ` — ${drill.unitName}` : ''}`;
  return (
    <Card title={<span data-testid="drilldown-title">{`Văn bản: ${title}`}</span>} size="small" style={{ marginTop: 16 }}>
      <ErrorAlert error={found.error} />
      <ScrollRegion label="Danh sách văn bản, cuộn ngang để xem đủ các cột" minWidth={720}>
        <Table<DrillItem>
          rowKey="id"
          size="small"
          loading={found.isFetching}
          dataSource={found.data?.items ?? []}
          data-testid="drilldown"
          pagination={{ current: page, pageSize: DRILL_PAGE_SIZE, total: found.data?.total ?? 0, onChange: setPage, showTotal: (total) => `${total} văn bản` }}
          columns={[
            { title: 'Số', key: 'number', width: 130, render: (_, item) => numberOf(item) },
            {
              title: 'Trích yếu',
              key: 'subject',
              render: (_, item) =>
                item.redacted ? (
                  <>
                    <Tag color={CONFIDENTIAL_COLOR}>Mật</Tag>
                    <Typography.Text type="secondary">Nội dung chỉ người có tên trên văn bản được xem</Typography.Text>
                  </>
                ) : (
                  <>
                    {item.confidentiality && item.confidentiality !== 'normal' && <Tag color={CONFIDENTIAL_COLOR}>{CONFIDENTIALITY_LABELS[item.confidentiality]}</Tag>}
                    <Link to={`/${item.kind}/${item.id}`}>{item.subject || item.documentType}</Link>
                  </>
                ),
            },
            { title: 'Thời điểm', dataIndex: 'at', width: 140, render: (v?: string) => formatDateTime(v) },
            {
              title: 'Chủ trì / soạn',
              key: 'lead',
              width: 200,
              render: (_, item) => (item.kind === 'incoming' ? [item.leadUserName, item.leadUnitName].filter(Boolean).join(' — ') : [item.authorName, item.draftingUnitName].filter(Boolean).join(' — ')),
            },
            { title: 'Hạn xử lý', dataIndex: 'dueDateThen', width: 100, render: (v?: string | null) => formatDate(v) },
            {
              title: 'Trạng thái',
              key: 'status',
              width: 130,
              render: (_, item) => (item.kind === 'incoming' ? STATUS_LABELS[item.statusThen ?? ''] : OUTGOING_STATUS_LABELS[item.status ?? '']) ?? item.statusThen ?? item.status,
            },
            { title: 'Số ngày xử lý', dataIndex: 'handlingDays', width: 100, render: (v?: number | null) => (v === null || v === undefined ? '' : v) },
          ]}
        />
      </ScrollRegion>
    </Card>
  );
}
