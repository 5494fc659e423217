// The list of outgoing documents (văn bản đi): number once issued, type, subject, status, dates;
// mật documents carry a red tag on every list, as for the incoming ones.
import { Grid, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import type { Outgoing, OutgoingPage } from '../api/outgoing';
import { formatDate } from '../dates';
import { CONFIDENTIAL_COLOR, CONFIDENTIALITY_LABELS, URGENCY_LABELS, URGENT_COLOR } from './labels';
import { OUTGOING_STATUS_COLORS, OUTGOING_STATUS_LABELS, REVIEW_STAGE_LABELS } from './outgoing-labels';

interface Props {
  data: OutgoingPage | undefined;
  loading: boolean;
  onPage: (page: number, pageSize: number) => void;
  /** Rows that can be ticked (ký hàng loạt: the drafts waiting for my signature), and the ticked ids. */
  selection?: { selectable: (item: Outgoing) => boolean; selected: string[]; onChange: (ids: string[]) => void };
}

/** The status, and the review stage while in review. */
function StatusCell({ item }: { item: Outgoing }) {
  return (
    <>
      <Tag color={OUTGOING_STATUS_COLORS[item.status]}>{OUTGOING_STATUS_LABELS[item.status] ?? item.status}</Tag>
      {item.reviewStage && <div>{REVIEW_STAGE_LABELS[item.reviewStage]}</div>}
    </>
  );
}

export function OutgoingTable({ data, loading, onPage, selection }: Props) {
  // On a phone (390 px) only the number and the subject with the status under it; no sideways scroll.
  const phone = Grid.useBreakpoint().sm === false;
  return (
    <Table<Outgoing>
      rowKey="id"
      size="middle"
      loading={loading}
      dataSource={data?.items ?? []}
      scroll={phone ? undefined : { x: 800 }}
      rowSelection={
        selection && {
          selectedRowKeys: selection.selected,
          onChange: (keys) => selection.onChange(keys.map(String)),
          getCheckboxProps: (item) => ({ disabled: !selection.selectable(item), 'aria-label': `Chọn: ${item.subject}` }),
          // No "select all" in the header: the table copies header cells into an aria-hidden row to
          // measure them, and a checkbox there is focusable inside aria-hidden (axe: aria-hidden-focus).
          hideSelectAll: true,
        }
      }
      pagination={{
        current: data?.page ?? 1,
        pageSize: data?.pageSize ?? 20,
        total: data?.total ?? 0,
        showTotal: (total) => `${total.toLocaleString('vi-VN')} văn bản`,
        onChange: onPage,
      }}
      columns={[
        { title: 'Số, ký hiệu', dataIndex: 'numberSymbol', width: phone ? 96 : 150, render: (v: string | null) => v ?? <Typography.Text type="secondary">Chưa cấp số</Typography.Text> },
        { title: 'Loại', dataIndex: 'documentType', width: 120, responsive: ['md'] },
        {
          title: 'Trích yếu',
          dataIndex: 'subject',
          render: (subject: string, item) => (
            <>
              {item.confidentiality !== 'normal' && <Tag color={CONFIDENTIAL_COLOR}>{CONFIDENTIALITY_LABELS[item.confidentiality]}</Tag>}
              {item.urgency !== 'normal' && <Tag color={URGENT_COLOR}>{URGENCY_LABELS[item.urgency]}</Tag>}
              <Link to={`/outgoing/${item.id}`}>{subject}</Link>
              {phone && (
                <div>
                  <StatusCell item={item} />
                </div>
              )}
            </>
          ),
        },
        { title: 'Ngày tạo', dataIndex: 'createdAt', width: 110, render: (v: string) => formatDate(v), responsive: ['md'] },
        { title: 'Trạng thái', dataIndex: 'status', width: 200, responsive: ['sm'], render: (_: string, item) => <StatusCell item={item} /> },
      ]}
    />
  );
}
