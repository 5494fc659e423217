// One backup run: its outcome, each destination's snapshot and verification (restic check: the
// structure, or every pack with BACKUP_VERIFY_READ_DATA), the steps' times and the manifest.
import { Alert, Descriptions, Table, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useBackup, type BackupRun } from '../../api/operations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../dates';
import { PageLoading } from '../../routing/lazy-page';
import { NotFoundPage } from '../NotFoundPage';
import { formatBytes, formatDuration, TRIGGER_LABELS } from './operation-labels';
import { Verified } from './BackupsTabs';
import { RunStatus } from './RunStatus';
import { EmptyText } from '../../components/EmptyText';

type Destination = BackupRun['destinations'][number];

/** The run's steps (stepsMs): the manifest and the streamed pg_dump. */
const STEP_LABELS: Record<string, string> = { manifest: 'lập bản kê', dump: 'pg_dump' };

const VERIFICATION_LABELS: Record<string, string> = { structure: 'cấu trúc kho', 'read-data': 'đọc toàn bộ dữ liệu' };

export function BackupPage() {
  const { id = '' } = useParams();
  const backup = useBackup(id);
  if (backup.isLoading) return <PageLoading />;
  if (backup.error && (backup.error as { status?: number }).status === 404) return <NotFoundPage />;
  if (!backup.data) return <ErrorAlert error={backup.error} />;
  const run = backup.data;
  const steps = Object.entries(run.stepsMs ?? {});
  return (
    <>
      <Link to="/admin/operations">← Vận hành hệ thống</Link>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Bản sao lưu {formatDateTime(run.startedAt ?? run.createdAt)}
      </Typography.Title>
      {run.error && <Alert type="error" showIcon title="Sao lưu thất bại" description={run.error} style={{ marginBottom: 16 }} />}
      {run.prunedAt && <Alert type="warning" showIcon title={`Đã bị xóa theo chính sách lưu giữ lúc ${formatDateTime(run.prunedAt)}: không khôi phục được nữa.`} style={{ marginBottom: 16 }} />}
      <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 24 }}>
        <Descriptions.Item label="Trạng thái">
          <RunStatus status={run.status} />
        </Descriptions.Item>
        <Descriptions.Item label="Kiểm tra">{run.status === 'succeeded' ? <Verified ok={run.verified} /> : '—'}</Descriptions.Item>
        <Descriptions.Item label="Cách chạy">{TRIGGER_LABELS[run.trigger]}</Descriptions.Item>
        <Descriptions.Item label="Yêu cầu lúc">{formatDateTime(run.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="Kết thúc lúc">{formatDateTime(run.finishedAt)}</Descriptions.Item>
        <Descriptions.Item label="Thời gian">{formatDuration(run.durationMs)}</Descriptions.Item>
        <Descriptions.Item label="Dung lượng mới">{formatBytes(run.sizeAddedBytes)}</Descriptions.Item>
        <Descriptions.Item label="Tổng dung lượng kho">{formatBytes(run.totalSizeBytes)}</Descriptions.Item>
        {steps.map(([step, ms]) => (
          <Descriptions.Item key={step} label={`Bước ${STEP_LABELS[step] ?? step}`}>
            {formatDuration(ms)}
          </Descriptions.Item>
        ))}
      </Descriptions>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        Nơi lưu
      </Typography.Title>
      <Table<Destination>
        rowKey="destination"
        size="small"
        pagination={false}
        dataSource={run.destinations}
        scroll={{ x: 800 }}
        locale={{ emptyText: <EmptyText>{'Chưa có'}</EmptyText> }}
        columns={[
          { title: 'Kho', dataIndex: 'destination' },
          { title: 'Bản chụp (snapshot)', dataIndex: 'snapshotId', ellipsis: true },
          { title: 'Kiểm tra', key: 'verified', render: (_, d) => (d.error ? null : <Verified ok={d.verified} />) },
          { title: 'Cách kiểm tra', key: 'verification', render: (_, d) => (d.verification ? VERIFICATION_LABELS[d.verification] : '') },
          { title: 'Dung lượng mới', key: 'added', render: (_, d) => formatBytes(d.sizeAddedBytes) },
          { title: 'Lỗi', dataIndex: 'error' },
        ]}
      />
      {run.manifest && (
        <>
          <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
            Bản kê
          </Typography.Title>
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Số tệp lưu trữ">{run.manifest.blobCount.toLocaleString('vi-VN')}</Descriptions.Item>
            <Descriptions.Item label="PostgreSQL">{run.manifest.serverMajorVersion}</Descriptions.Item>
            <Descriptions.Item label="Mã băm cuối của nhật ký">{run.manifest.auditLastHash ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="Số dòng theo bảng">
              {Object.entries(run.manifest.tableCounts)
                .map(([table, count]) => `${table}: ${count.toLocaleString('vi-VN')}`)
                .join('; ')}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </>
  );
}
