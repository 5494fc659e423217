// Sổ văn bản đến: every incoming document the person may see, with filters on status, words
// (diacritics-insensitive, also inside the file) and received dates.
import { DatePicker, Form, Input, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useIncomingList, type ListQuery } from '../../api/incoming';
import { ErrorAlert } from '../../components/ErrorAlert';
import { IncomingTable } from '../../components/IncomingTable';
import { options, STATUS_LABELS } from '../../components/labels';
import { DATE_FORMAT, toCalendarDate } from '../../dates';

export function IncomingListPage() {
  const [query, setQuery] = useState<ListQuery>({ page: 1, pageSize: 20 });
  const list = useIncomingList(query);
  const change = (patch: Partial<ListQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }));
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Văn bản đến
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="Tìm kiếm" htmlFor="incoming-search">
          <Input.Search id="incoming-search" allowClear placeholder="Trích yếu, số ký hiệu, nội dung…" onSearch={(q) => change({ q: q.trim() || undefined })} style={{ width: 300 }} />
        </Form.Item>
        <Form.Item label="Trạng thái" htmlFor="incoming-status">
          <Select
            id="incoming-status"
            allowClear
            placeholder="Tất cả"
            style={{ width: 180 }}
            options={options(STATUS_LABELS)}
            onChange={(status?: ListQuery['status']) => change({ status })}
          />
        </Form.Item>
        <Form.Item label="Ngày đến">
          <Space>
            <DatePicker.RangePicker
              format={DATE_FORMAT}
              placeholder={['Từ ngày', 'Đến ngày']}
              onChange={(range: [Dayjs | null, Dayjs | null] | null) =>
                change({ from: range?.[0] ? toCalendarDate(range[0]) : undefined, to: range?.[1] ? toCalendarDate(range[1]) : undefined })
              }
            />
          </Space>
        </Form.Item>
      </Form>
      <ErrorAlert error={list.error} />
      <IncomingTable data={list.data} loading={list.isFetching && (list.isPlaceholderData || !list.data)} onPage={(page, pageSize) => setQuery((q) => ({ ...q, page, pageSize }))} />
    </>
  );
}
