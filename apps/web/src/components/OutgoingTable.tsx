// The list of outgoing documents (văn bản đi): number once issued, type, subject, status, dates;
// mật documents carry a red tag on every list, as for the incoming ones.
import { Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Outgoing, OutgoingPage } from '../api/outgoing';
import { formatDate } from '../dates';
import { CONFIDENTIAL_COLOR, CONFIDENTIALITY_LABELS, URGENCY_LABELS, URGENT_COLOR } from './labels';
import { OUTGOING_STATUS_COLORS, OUTGOING_STATUS_LABELS, REVIEW_STAGE_LABELS } from './outgoing-labels';

interface Props {
  data: OutgoingPage | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function OutgoingTable({ data, loading, onPage }: Props) {
  return (
    <Table<Outgoing>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      scroll={{ x: 800 }}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showTotal: (total) => `${total.toLocaleString('vi-VN')} văn bản`,
        onChange: onPage,
      }}
      columns={[
        { title: 'Số, ký hiệu', dataIndex: 'numberSymbol', width: 150, render: (v: string | null) => v ?? <Typography.Text type="secondary">Chưa cấp số</Typography.Text> },
        { title: 'Loại', dataIndex: 'documentType', width: 120 },
        {
          title: 'Trích yếu',
          dataIndex: 'subject',
          render: (subject: string, item) => (
            <>
              {item.confidentiality !== 'normal' && <Tag color={CONFIDENTIAL_COLOR}>{CONFIDENTIALITY_LABELS[item.confidentiality]}</Tag>}
              {item.urgency !== 'normal' && <Tag color={URGENT_COLOR}>{URGENCY_LABELS[item.urgency]}</Tag>}
              <Link to={`/outgoing/${item.id}`}>{subject}</Link>
            </>
          ),
        },
        { title: 'Ngày tạo', dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v) },
        {
          title: 'Trạng thái',
          dataIndex: 'status',
          width: 200,
          render: (s: string, item) => (
            <>
              <Tag color={OUTGOING_STATUS_COLORS[s]}>{OUTGOING_STATUS_LABELS[s] ?? s}</Tag>
              {item.reviewStage && <div>{REVIEW_STAGE_LABELS[item.reviewStage]}</div>}
            </>
          ),
        },
      ]}
    />
  );
}
