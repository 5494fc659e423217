// Văn bản chờ vào sổ (clerk, docs/intake.md): scans and e-mails waiting in the agency's queue, newest
// first, with the sender, the files and their flags (an unsigned or altered PDF is flagged at receipt).
// "Vào sổ" registers an item with one call from its proposal; "Trả lại" returns it with a reason.
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { INTAKE_CHANNEL_LABELS, INTAKE_FLAG_LABELS, INTAKE_STATE_LABELS, intakeKeys, returnIntake, useIntake, type IntakeItem, type IntakeState } from '../../api/intake';
import { incomingKeys } from '../../api/incoming';
import { ErrorAlert } from '../../components/ErrorAlert';
import { options } from '../../components/labels';
import { ScrollRegion } from '../../components/ScrollRegion';
import { formatDateTime } from '../../dates';
import { IntakeRegisterDialog } from './IntakeRegisterDialog';

export function IntakePage() {
  const queryClient = useQueryClient();
  const [state, setState] = useState<IntakeState>('waiting');
  const [page, setPage] = useState(1);
  const [registering, setRegistering] = useState<IntakeItem>();
  const [returning, setReturning] = useState<IntakeItem>();
  const [registered, setRegistered] = useState<{ number: number; id: string }>();
  const list = useIntake({ state, page, pageSize: 20 });
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: intakeKeys.all }), queryClient.invalidateQueries({ queryKey: incomingKeys.all })]);

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        Văn bản chờ vào sổ
      </Typography.Title>
      <Form layout="inline" style={{ marginBottom: 12 }}>
        <Form.Item label="Trạng thái" htmlFor="intake-state">
          <Select id="intake-state" style={{ width: 200 }} value={state} onChange={(v: IntakeState) => (setState(v), setPage(1))} options={options(INTAKE_STATE_LABELS)} />
        </Form.Item>
      </Form>
      {registered && (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setRegistered(undefined)}
          style={{ marginBottom: 12 }}
          title={<span data-testid="intake-registered">Đã vào sổ: số đến {registered.number}</span>}
          description={<Link to={`/incoming/${registered.id}`}>Mở văn bản</Link>}
        />
      )}
      <ErrorAlert error={list.error} />
      <ScrollRegion label="Văn bản chờ vào sổ, cuộn ngang để xem đủ các cột" minWidth={760}>
        <Table<IntakeItem>
          rowKey="id"
          size="middle"
          loading={list.isFetching}
          dataSource={list.data?.items ?? []}
          data-testid="intake-list"
          locale={{ emptyText: 'Không có văn bản nào' }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage, showTotal: (t) => `${t} văn bản` }}
          columns={[
            { title: 'Nhận lúc', dataIndex: 'receivedAt', width: 140, render: (v: string) => formatDateTime(v) },
            { title: 'Nguồn', dataIndex: 'channel', width: 130, render: (c: IntakeItem['channel']) => INTAKE_CHANNEL_LABELS[c] },
            {
              title: 'Văn bản',
              key: 'title',
              render: (_, item) => (
                <>
                  <div>{item.title ?? item.proposal.subject ?? '(không có tiêu đề)'}</div>
                  {(item.senderName || item.sender) && <Typography.Text type="secondary">{item.senderName ?? item.sender}</Typography.Text>}
                  <div>
                    {item.files.length} tệp
                    {[...new Set([...item.flags, ...item.files.flatMap((f) => f.flags)])].map((f) => (
                      <Tag key={f} color="#ad4e00" style={{ marginLeft: 4 }}>
                        {INTAKE_FLAG_LABELS[f] ?? f}
                      </Tag>
                    ))}
                  </div>
                </>
              ),
            },
            {
              title: 'Trạng thái',
              key: 'state',
              width: 150,
              render: (_, item) =>
                item.document ? <Link to={`/incoming/${item.document.id}`}>Số đến {item.document.incomingNumber}</Link> : INTAKE_STATE_LABELS[item.state],
            },
            {
              title: 'Xử lý',
              key: 'actions',
              width: 180,
              render: (_, item) =>
                item.state === 'waiting' || item.state === 'not_a_document' ? (
                  <Space wrap>
                    <Button size="small" type="primary" onClick={() => setRegistering(item)} aria-label={`Vào sổ: ${item.title ?? item.id}`}>
                      Vào sổ
                    </Button>
                    <Button size="small" onClick={() => setReturning(item)} aria-label={`Trả lại: ${item.title ?? item.id}`}>
                      Trả lại
                    </Button>
                  </Space>
                ) : (
                  item.reason ?? '—'
                ),
            },
          ]}
        />
      </ScrollRegion>
      {registering && (
        <IntakeRegisterDialog
          item={registering}
          onClose={() => setRegistering(undefined)}
          onRegistered={(number, id) => {
            setRegistering(undefined);
            setRegistered({ number, id });
            void refresh();
          }}
        />
      )}
      {returning && <ReturnDialog item={returning} onClose={() => setReturning(undefined)} onReturned={() => (setReturning(undefined), void refresh())} />}
    </Card>
  );
}

function ReturnDialog({ item, onClose, onReturned }: { item: IntakeItem; onClose: () => void; onReturned: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const finish = async ({ reason }: { reason: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await returnIntake(item.id, reason.trim());
      onReturned();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="Trả lại văn bản" okText="Trả lại" cancelText="Đóng" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={error} />
      <Form form={form} name="intake-return" layout="vertical" onFinish={(v) => void finish(v)}>
        <Form.Item label="Lý do trả lại" name="reason" rules={[{ required: true, whitespace: true, max: 500, message: 'Nhập lý do trả lại (tối đa 500 ký tự)' }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
