// The list of incoming documents (sổ đến, inbox): number, sender's number, sender, subject, deadline,
// status; mật documents carry a red tag. Paging is the API's (page, pageSize; total may be capped).
import { Grid, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { IncomingItem, IncomingPage } from '../api/incoming';
import { formatDate } from '../dates';
import { CONFIDENTIAL_COLOR, CONFIDENTIALITY_LABELS, STATUS_COLORS, STATUS_LABELS, URGENCY_LABELS, URGENT_COLOR } from './labels';

interface Props {
  data: IncomingPage | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
}

export function IncomingTable({ data, loading, onPage }: Props) {
  // On a phone (390 px) only the number, the subject (with the status under it) and the deadline.
  const phone = Grid.useBreakpoint().sm === false;
  return (
    <Table<IncomingItem>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showSizeChanger: true,
        showTotal: (total) => (data?.totalIsExact === false ? `Hơn ${total.toLocaleString('vi-VN')} văn bản` : `${total.toLocaleString('vi-VN')} văn bản`),
        onChange: onPage,
      }}
      columns={[
        { title: 'Số đến', dataIndex: 'incomingNumber', width: phone ? 60 : 90 },
        { title: 'Ngày đến', dataIndex: 'receivedAt', width: 110, render: (v: string) => formatDate(v), responsive: ['md'] },
        { title: 'Số, ký hiệu', dataIndex: 'sourceNumberSymbol', width: 150, responsive: ['md'] },
        { title: 'Cơ quan ban hành', dataIndex: 'issuingAuthority', width: 200, responsive: ['lg'] },
        {
          title: 'Trích yếu',
          dataIndex: 'subject',
          render: (subject: string, item) => (
            <>
              {item.confidentiality !== 'normal' && <Tag color={CONFIDENTIAL_COLOR}>{CONFIDENTIALITY_LABELS[item.confidentiality]}</Tag>}
              {item.urgency !== 'normal' && <Tag color={URGENT_COLOR}>{URGENCY_LABELS[item.urgency]}</Tag>}
              <Link to={`/incoming/${item.id}`}>{subject}</Link>
              {phone && (
                <div>
                  <Tag color={STATUS_COLORS[item.status]}>{STATUS_LABELS[item.status] ?? item.status}</Tag>
                </div>
              )}
            </>
          ),
        },
        { title: 'Hạn xử lý', dataIndex: 'dueDate', width: phone ? 96 : 110, render: (v: string | null) => formatDate(v) || <Typography.Text type="secondary">—</Typography.Text> },
        { title: 'Trạng thái', dataIndex: 'status', width: 140, responsive: ['sm'], render: (s: string) => <Tag color={STATUS_COLORS[s]}>{STATUS_LABELS[s] ?? s}</Tag> },
      ]}
    />
  );
}
