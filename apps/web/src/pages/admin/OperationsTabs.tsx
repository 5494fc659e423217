import { Alert, Button, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { operationCalls, useFailedJobs, useRefreshOperations, useSchedules, type AuditVerification, type FailedJob, type Schedule } from '../../api/operations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../dates';
import { useAdminAction } from './useAdminAction';
import { EmptyText } from '../../components/EmptyText';

/** Tác vụ nền: the worker's heartbeat, its scheduled jobs, the jobs that failed (retry), the queue dashboard. */
export function JobsTab() {
  const schedules = useSchedules();
  const failed = useFailedJobs();
  const refresh = useRefreshOperations();
  const retry = useAdminAction('Đã đưa tác vụ vào hàng đợi chạy lại', { refresh });
  const dashboard = useAdminAction('Đã mở bảng điều khiển hàng đợi');
  const worker = schedules.data?.worker;
  const openDashboard = async () => {
    const session = await dashboard.run(operationCalls.queueDashboard);
    if (session) window.open(session.dashboard, '_blank', 'noopener');
  };
  return (
    <>
      <ErrorAlert error={schedules.error ?? failed.error ?? retry.error ?? dashboard.error} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Typography.Text>Tiến trình xử lý nền:</Typography.Text>
        {worker && (worker.alive ? <Tag color="#237804">Đang chạy</Tag> : <Tag color="#a8071a">Không phản hồi</Tag>)}
        {worker?.lastBeatAt && <Typography.Text>lần báo gần nhất {formatDateTime(worker.lastBeatAt)}</Typography.Text>}
        <Button onClick={() => void openDashboard()} loading={dashboard.busy}>
          Mở bảng điều khiển hàng đợi
        </Button>
      </Space>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        Lịch chạy
      </Typography.Title>
      <Table<Schedule>
        rowKey={(s) => `${s.queue}-${s.id}`}
        size="small"
        loading={schedules.isFetching && !schedules.data}
        dataSource={schedules.data?.items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <EmptyText>{'Không có lịch nào'}</EmptyText> }}
        columns={[
          { title: 'Tác vụ', dataIndex: 'name' },
          { title: 'Hàng đợi', dataIndex: 'queue' },
          { title: 'Lịch (cron)', dataIndex: 'cron' },
          { title: 'Lần chạy gần nhất', key: 'last', render: (_, s) => formatDateTime(s.lastRunAt) },
          { title: 'Kết quả', key: 'result', render: (_, s) => (s.lastResult === 'failed' ? <Tag color="#a8071a">Lỗi: {s.lastError}</Tag> : s.lastResult === 'completed' ? 'Xong' : '') },
          { title: 'Lần chạy tới', key: 'next', render: (_, s) => formatDateTime(s.nextRunAt) },
        ]}
      />
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 24 }}>
        Tác vụ lỗi
      </Typography.Title>
      <Table<FailedJob>
        rowKey={(j) => `${j.queue}-${j.id}`}
        size="small"
        loading={failed.isFetching && !failed.data}
        dataSource={failed.data?.items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <EmptyText>{'Không có tác vụ lỗi'}</EmptyText> }}
        columns={[
          { title: 'Hàng đợi', dataIndex: 'queue' },
          { title: 'Tác vụ', dataIndex: 'name' },
          { title: 'Lý do', dataIndex: 'reason', ellipsis: true },
          { title: 'Số lần thử', dataIndex: 'attempts' },
          { title: 'Lỗi lúc', key: 'failedAt', render: (_, j) => formatDateTime(j.failedAt) },
          {
            title: 'Thao tác',
            key: 'retry',
            render: (_, j) => (
              <Button size="small" onClick={() => void retry.run(() => operationCalls.retryJob(j.queue, j.id))} aria-label={`Chạy lại ${j.name} ${j.id}`}>
                Chạy lại
              </Button>
            ),
          },
        ]}
      />
    </>
  );
}

/** Kiểm tra chuỗi nhật ký: the API re-computes the hash chain and holds it against the latest signed checkpoint. */
export function AuditTab() {
  const [result, setResult] = useState<AuditVerification>();
  const action = useAdminAction('Đã kiểm tra xong chuỗi nhật ký');
  const verify = async () => setResult(await action.run(operationCalls.verifyAudit));
  const checkpoint = useAdminAction('Đã tạo mốc ký số');
  const [published, setPublished] = useState<string>();
  const publish = async () => {
    const made = await checkpoint.run(operationCalls.checkpointAudit);
    if (made) setPublished(`${made.name}: ${made.count.toLocaleString('vi-VN')} mục, khóa ${made.keyId}${made.created ? '' : ' (mốc này đã có)'}`);
  };
  const last = result?.checkpoint;
  return (
    <>
      <Typography.Paragraph>Tính lại chuỗi băm của toàn bộ nhật ký kiểm toán và đối chiếu với mốc ký số gần nhất. Có thể mất một lúc với nhật ký lớn.</Typography.Paragraph>
      <Space style={{ marginBottom: 16 }} wrap>
        <Button type="primary" loading={action.busy} onClick={() => void verify()}>
          Kiểm tra chuỗi nhật ký
        </Button>
        <Button loading={checkpoint.busy} onClick={() => void publish()}>
          Tạo mốc ký số ngay
        </Button>
      </Space>
      <ErrorAlert error={action.error ?? checkpoint.error} />
      {published && <Alert type="info" showIcon title={`Mốc ký số: ${published}`} style={{ marginBottom: 16 }} />}
      {result && (
        <>
          <Alert
            type={result.intact ? 'success' : 'error'}
            showIcon
            data-testid="audit-verdict"
            title={result.intact ? 'Chuỗi nhật ký nguyên vẹn' : 'Chuỗi nhật ký bị thay đổi'}
            description={
              result.truncatedAfterCheckpoint ? 'Phần cuối của chuỗi đã bị xóa so với mốc ký số.' : result.firstBrokenId ? `Mục hỏng đầu tiên: ${result.firstBrokenId}` : undefined
            }
            style={{ marginBottom: 16 }}
          />
          <Descriptions bordered size="small" column={1}>
            <Descriptions.Item label="Số mục đã kiểm tra">{result.eventsChecked.toLocaleString('vi-VN')}</Descriptions.Item>
            <Descriptions.Item label="Mục ghi sau khi kiểm tra">{result.unsealed}</Descriptions.Item>
            <Descriptions.Item label="Mốc ký số gần nhất">
              {last
                ? `${last.name} (${formatDateTime(last.createdAt)}): ${last.matchesChain ? 'khớp chuỗi' : 'không khớp chuỗi'}, chữ ký ${
                    last.signatureValid === null ? 'không kiểm tra được (chưa cấu hình khóa)' : last.signatureValid ? 'hợp lệ' : 'không hợp lệ'
                  }`
                : 'Chưa có mốc nào'}
            </Descriptions.Item>
          </Descriptions>
        </>
      )}
    </>
  );
}
