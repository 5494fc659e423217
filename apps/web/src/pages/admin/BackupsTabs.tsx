import { Alert, Button, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { operationCalls, useBackups, useDrills, useRefreshOperations, type BackupRun, type RestoreDrill } from '../../api/operations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../dates';
import { formatBytes, formatDuration, TRIGGER_LABELS } from './operation-labels';
import { RunStatus } from './RunStatus';
import { useAdminAction } from './useAdminAction';
import { EmptyText } from '../../components/EmptyText';

/** Sao lưu: every run, newest first; "Sao lưu ngay" queues one for the worker (docs/backups.md). */
export function BackupsTab() {
  const [page, setPage] = useState(1);
  const backups = useBackups(page);
  const action = useAdminAction('Đã yêu cầu sao lưu; hệ thống sẽ chạy trong giây lát', { refresh: useRefreshOperations() });
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        <Button type="primary" loading={action.busy} onClick={() => void action.run(operationCalls.backupNow)}>
          Sao lưu ngay
        </Button>
      </Space>
      <ErrorAlert error={action.error ?? backups.error} />
      <Table<BackupRun>
        rowKey="id"
        loading={backups.isFetching && !backups.data}
        dataSource={backups.data?.items}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyText>{'Chưa có lần sao lưu nào'}</EmptyText> }}
        pagination={{ current: page, pageSize: 20, total: backups.data?.total, onChange: setPage }}
        columns={[
          { title: 'Thời điểm', key: 'at', render: (_, r) => <Link to={`/admin/backups/${r.id}`}>{formatDateTime(r.startedAt ?? r.createdAt)}</Link> },
          { title: 'Trạng thái', key: 'status', render: (_, r) => <RunStatus status={r.status} /> },
          { title: 'Kiểm tra', key: 'verified', render: (_, r) => (r.status === 'succeeded' ? <Verified ok={r.verified} /> : null) },
          { title: 'Cách chạy', key: 'trigger', render: (_, r) => TRIGGER_LABELS[r.trigger] },
          { title: 'Thời gian', key: 'duration', render: (_, r) => formatDuration(r.durationMs) },
          { title: 'Dung lượng mới', key: 'added', render: (_, r) => formatBytes(r.sizeAddedBytes) },
          { title: 'Tổng dung lượng', key: 'total', render: (_, r) => formatBytes(r.totalSizeBytes) },
        ]}
      />
    </>
  );
}

export function Verified({ ok }: { ok: boolean }) {
  return ok ? <Tag color="#237804">Đã kiểm tra</Tag> : <Tag color="#a8071a">Chưa kiểm tra được</Tag>;
}

/** Diễn tập khôi phục: the latest backup restored into a scratch database and compared with its manifest. */
export function DrillsTab() {
  const drills = useDrills();
  const action = useAdminAction('Đã yêu cầu diễn tập khôi phục', { refresh: useRefreshOperations() });
  return (
    <>
      <Typography.Paragraph>Khôi phục bản sao lưu gần nhất vào một cơ sở dữ liệu tạm và đối chiếu với bản kê của nó.</Typography.Paragraph>
      <Button type="primary" style={{ marginBottom: 16 }} loading={action.busy} onClick={() => void action.run(operationCalls.drillNow)}>
        Diễn tập ngay
      </Button>
      <ErrorAlert error={action.error ?? drills.error} />
      <Table<RestoreDrill>
        rowKey="id"
        loading={drills.isFetching && !drills.data}
        dataSource={drills.data?.items}
        pagination={false}
        locale={{ emptyText: <EmptyText>{'Chưa có lần diễn tập nào'}</EmptyText> }}
        columns={[
          { title: 'Thời điểm', key: 'at', render: (_, d) => formatDateTime(d.createdAt) },
          { title: 'Kết quả', key: 'status', render: (_, d) => <RunStatus status={d.status} /> },
          { title: 'Bản sao lưu', key: 'backup', render: (_, d) => (d.backupRunId ? <Link to={`/admin/backups/${d.backupRunId}`}>Xem</Link> : '') },
          { title: 'Thời gian', key: 'duration', render: (_, d) => formatDuration(d.durationMs) },
          {
            title: 'Khác biệt',
            key: 'differences',
            render: (_, d) => (d.error ? <Alert type="error" title={d.error} /> : d.differences.length > 0 ? <ul>{d.differences.map((x) => <li key={x}>{x}</li>)}</ul> : d.status === 'passed' ? 'Không có' : ''),
          },
        ]}
      />
    </>
  );
}
