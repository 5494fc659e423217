// Hồ sơ (docs/records.md): the records the person may see — a year, a state, only one's own —, each
// opened on its page; "Mở hồ sơ" opens one off the file list (officers, leaders, clerks).
import { Button, Card, Checkbox, Form, InputNumber, Select, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { RECORD_STATUS_LABELS, recordKeys, useRecords, type RecordSummary, type RecordsQuery } from '../../api/records';
import { ErrorAlert } from '../../components/ErrorAlert';
import { options } from '../../components/labels';
import { ScrollRegion } from '../../components/ScrollRegion';
import { dayjs, formatDate } from '../../dates';
import { hasRole, useProfile } from '../../session/SessionContext';
import { OpenRecordDialog } from './OpenRecordDialog';

export function RecordsPage() {
  const profile = useProfile();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [query, setQuery] = useState<RecordsQuery>({ year: dayjs().year(), page: 1, pageSize: 20 });
  const [opening, setOpening] = useState(false);
  const records = useRecords(query);
  const change = (next: Partial<RecordsQuery>) => setQuery((q) => ({ ...q, ...next, page: 1 }));
  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Hồ sơ
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="Năm" htmlFor="records-year">
          <InputNumber id="records-year" min={2000} max={2200} value={query.year} onChange={(v) => change({ year: v ?? undefined })} />
        </Form.Item>
        <Form.Item label="Trạng thái" htmlFor="records-status">
          <Select id="records-status" allowClear style={{ width: 160 }} placeholder="Tất cả" value={query.status} onChange={(v) => change({ status: v })} options={options(RECORD_STATUS_LABELS)} />
        </Form.Item>
        <Form.Item>
          <Checkbox checked={query.mine === true} onChange={(e) => change({ mine: e.target.checked || undefined })}>
            Hồ sơ của tôi
          </Checkbox>
        </Form.Item>
        {hasRole(profile, 'officer', 'leader', 'clerk') && (
          <Button type="primary" onClick={() => setOpening(true)}>
            Mở hồ sơ
          </Button>
        )}
      </Form>
      <ErrorAlert error={records.error} />
      <ScrollRegion label="Danh sách hồ sơ, cuộn ngang để xem đủ các cột" minWidth={720}>
        <Table<RecordSummary>
          rowKey="id"
          size="middle"
          loading={records.isFetching}
          dataSource={records.data?.items ?? []}
          data-testid="records"
          locale={{ emptyText: 'Không có hồ sơ nào' }}
          pagination={{ current: query.page, pageSize: 20, total: records.data?.total ?? 0, onChange: (page) => setQuery((q) => ({ ...q, page })), showTotal: (t) => `${t} hồ sơ` }}
          columns={[
            { title: 'Mã hồ sơ', dataIndex: 'fileCode', width: 200 },
            { title: 'Tiêu đề', key: 'title', render: (_, r) => <Link to={`/records/${r.id}`}>{r.title}</Link> },
            { title: 'Số văn bản', dataIndex: 'documentCount', width: 100 },
            { title: 'Thời gian', key: 'dates', width: 190, render: (_, r) => (r.startDate ? `${formatDate(r.startDate)} – ${formatDate(r.endDate)}` : '—') },
            { title: 'Trạng thái', dataIndex: 'status', width: 120, render: (s: RecordSummary['status']) => <Tag>{RECORD_STATUS_LABELS[s]}</Tag> },
          ]}
        />
      </ScrollRegion>
      {opening && (
        <OpenRecordDialog
          onClose={() => setOpening(false)}
          onOpened={(record) => {
            setOpening(false);
            void queryClient.invalidateQueries({ queryKey: recordKeys.all });
            navigate(`/records/${record.id}`);
          }}
        />
      )}
    </Card>
  );
}
