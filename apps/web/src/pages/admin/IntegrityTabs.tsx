import { Alert, Button, Descriptions, Form, InputNumber, Table, Typography } from 'antd';
import { useState } from 'react';
import { operationCalls, useFixityCheck, useRefreshOperations, useUnusedAccountReport, useUnusedAccountReports, type FixityCheck, type UnusedAccountReport } from '../../api/operations';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../dates';
import { EmptyText } from '../../components/EmptyText';
import { TRIGGER_LABELS } from './operation-labels';
import { RunStatus } from './RunStatus';
import { useAdminAction } from './useAdminAction';

type Mismatch = FixityCheck['mismatches'][number];

/** Kiểm tra toàn vẹn tệp: every stored file read again and its SHA-256 compared with the one recorded at upload. */
export function FixityTab() {
  const [id, setId] = useState<string>();
  const check = useFixityCheck(id);
  const action = useAdminAction('Đã yêu cầu kiểm tra toàn vẹn tệp');
  const start = async () => setId((await action.run(operationCalls.fixityCheckNow))?.id ?? id);
  const run = check.data;
  return (
    <>
      <Typography.Paragraph>Đọc lại mọi tệp đã lưu và so mã băm SHA-256 với mã ghi lúc tải lên. Kết quả của lần kiểm tra bắt đầu ở đây hiện bên dưới.</Typography.Paragraph>
      <Button type="primary" loading={action.busy} onClick={() => void start()} style={{ marginBottom: 16 }}>
        Kiểm tra toàn vẹn tệp
      </Button>
      <ErrorAlert error={action.error ?? check.error} />
      {run && (
        <>
          <Descriptions bordered size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
            <Descriptions.Item label="Trạng thái">
              <RunStatus status={run.status} />
            </Descriptions.Item>
            <Descriptions.Item label="Cách chạy">{TRIGGER_LABELS[run.trigger]}</Descriptions.Item>
            <Descriptions.Item label="Số tệp đã kiểm tra">{run.filesChecked.toLocaleString('vi-VN')}</Descriptions.Item>
            <Descriptions.Item label="Số tệp sai lệch">
              <span data-testid="fixity-mismatches">{run.mismatchCount}</span>
            </Descriptions.Item>
            <Descriptions.Item label="Bắt đầu">{formatDateTime(run.startedAt)}</Descriptions.Item>
            <Descriptions.Item label="Kết thúc">{formatDateTime(run.finishedAt)}</Descriptions.Item>
          </Descriptions>
          {run.error && <Alert type="error" showIcon title={run.error} style={{ marginBottom: 16 }} />}
          {run.mismatches.length > 0 && (
            <Table<Mismatch>
              rowKey="fileId"
              size="small"
              pagination={false}
              dataSource={run.mismatches}
              scroll={{ x: 800 }}
              columns={[
                { title: 'Tệp', dataIndex: 'fileId' },
                { title: 'Vấn đề', key: 'problem', render: (_, m) => (m.problem === 'missing' ? 'Mất tệp' : 'Nội dung bị thay đổi') },
                { title: 'Nơi lưu', dataIndex: 'storageKey', ellipsis: true },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}

type UnusedAccount = UnusedAccountReport['accounts'][number];

/** Tài khoản không sử dụng: accounts and unit mailboxes nobody signed in to for a number of months. */
export function UnusedAccountsTab() {
  const reports = useUnusedAccountReports();
  const [form] = Form.useForm<{ months: number }>();
  const action = useAdminAction('Đã yêu cầu lập báo cáo', { form, fields: ['months'], refresh: useRefreshOperations() });
  const latest = reports.data?.items[0];
  // The list carries the counts; the accounts themselves come with the report once it is done.
  const detail = useUnusedAccountReport(latest?.status === 'completed' ? latest.id : undefined);
  return (
    <>
      <ErrorAlert error={action.error ?? reports.error ?? detail.error} />
      <Form form={form} layout="inline" initialValues={{ months: 6 }} onFinish={(v) => void action.run(() => operationCalls.unusedAccountReport(v.months))} style={{ marginBottom: 16, rowGap: 8 }}>
        <Form.Item label="Không đăng nhập từ (tháng)" name="months" rules={[{ required: true, type: 'number', min: 0, max: 60, message: 'Từ 0 đến 60 tháng' }]}>
          <InputNumber min={0} max={60} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={action.busy}>
          Lập báo cáo
        </Button>
      </Form>
      {latest && (
        <>
          <Typography.Paragraph>
            Báo cáo gần nhất: {formatDateTime(latest.createdAt)} <RunStatus status={latest.status} /> — {latest.accountCount} tài khoản, {latest.unitCount} đơn vị không sử dụng từ{' '}
            {latest.months} tháng.
          </Typography.Paragraph>
          <Table<UnusedAccount>
            rowKey="userId"
            size="small"
            dataSource={detail.data?.accounts}
            loading={detail.isFetching && !detail.data}
            pagination={{ pageSize: 20 }}
            locale={{ emptyText: <EmptyText>Không có tài khoản nào</EmptyText> }}
            columns={[
              { title: 'Họ và tên', dataIndex: 'fullName' },
              { title: 'Tên đăng nhập', dataIndex: 'username' },
              { title: 'Đăng nhập gần nhất', key: 'last', render: (_, a) => formatDateTime(a.lastLoginAt) || 'Chưa đăng nhập' },
              { title: 'Ngày tạo', key: 'created', render: (_, a) => formatDateTime(a.createdAt) },
            ]}
          />
        </>
      )}
    </>
  );
}
