// Hộp thư tiếp nhận of one agency: what is set and how the worker's last poll went, the settings
// changed (the API tests the connection first and answers why it failed: server, login or folder),
// or the mailbox removed. The password is never typed here: only the name of the environment
// variable that holds it on the servers (INTAKE_IMAP_PASSWORD_<NAME>).
import { Alert, Button, Checkbox, Col, Descriptions, Form, Input, InputNumber, Modal, Popconfirm, Row, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { clearIntakeMailbox, intakeMailboxKeys, setIntakeMailbox, useIntakeMailbox, type IntakeMailbox, type IntakeMailboxInput } from '../../api/intake-mailbox';
import type { Unit } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../dates';
import { useAdminAction } from './useAdminAction';

const FIELDS = ['host', 'port', 'tls', 'username', 'mailbox', 'passwordEnv'] as const;
/** The API's rule: only this family of variables may be named (docs/intake.md). */
const PASSWORD_ENV = /^INTAKE_IMAP_PASSWORD_[A-Z0-9_]{1,60}$/;

function LastPoll({ mailbox }: { mailbox: IntakeMailbox }) {
  if (!mailbox.lastPolledAt) return <Tag>Chưa đọc lần nào</Tag>;
  const when = formatDateTime(mailbox.lastPolledAt);
  if (!mailbox.lastPollError) return <Tag color="#237804" data-testid="mailbox-last-poll">{`Đọc được lúc ${when}`}</Tag>;
  return <Alert type="error" showIcon data-testid="mailbox-last-poll" title={`Lần đọc lúc ${when} bị lỗi`} description={mailbox.lastPollError} />;
}

function Current({ mailbox }: { mailbox: IntakeMailbox }) {
  return (
    <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }} data-testid="mailbox-current">
      <Descriptions.Item label="Máy chủ">{`${mailbox.host}:${mailbox.port}${mailbox.tls ? ' (TLS)' : ''}`}</Descriptions.Item>
      <Descriptions.Item label="Tài khoản">{mailbox.username}</Descriptions.Item>
      <Descriptions.Item label="Thư mục">{mailbox.mailbox}</Descriptions.Item>
      <Descriptions.Item label="Biến chứa mật khẩu">{mailbox.passwordEnv}</Descriptions.Item>
      <Descriptions.Item label="Cập nhật">{formatDateTime(mailbox.updatedAt)}</Descriptions.Item>
      <Descriptions.Item label="Lần đọc gần nhất">
        <LastPoll mailbox={mailbox} />
      </Descriptions.Item>
    </Descriptions>
  );
}

export function IntakeMailboxDialog({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const [form] = Form.useForm<IntakeMailboxInput>();
  const current = useIntakeMailbox(unit.id);
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: intakeMailboxKeys.of(unit.id) });
  const saving = useAdminAction('Đã kiểm tra kết nối và lưu hộp thư', { form, fields: FIELDS, refresh });
  const removing = useAdminAction('Đã bỏ hộp thư tiếp nhận', { refresh });
  const save = (v: IntakeMailboxInput) =>
    void saving.run(() => setIntakeMailbox(unit.id, { ...v, host: v.host.trim(), username: v.username.trim(), mailbox: v.mailbox?.trim() || undefined, port: v.port ?? undefined }));
  const mailbox = current.data;
  return (
    <Modal
      open
      width={720}
      title={`Hộp thư tiếp nhận: ${unit.name}`}
      onCancel={onClose}
      footer={
        <Space>
          {mailbox && (
            <Popconfirm title="Ngừng đọc hộp thư này?" okText="Bỏ hộp thư" cancelText="Không" onConfirm={() => void removing.run(() => clearIntakeMailbox(unit.id))}>
              <Button danger loading={removing.busy}>
                Bỏ hộp thư
              </Button>
            </Popconfirm>
          )}
          <Button onClick={onClose}>Đóng</Button>
          <Button type="primary" loading={saving.busy} onClick={() => form.submit()}>
            Kiểm tra kết nối và lưu
          </Button>
        </Space>
      }
    >
      <ErrorAlert error={current.error ?? saving.error ?? removing.error} />
      {mailbox ? <Current mailbox={mailbox} /> : !current.isFetching && <Alert type="info" showIcon title="Cơ quan chưa có hộp thư riêng." style={{ marginBottom: 16 }} />}
      <Form<IntakeMailboxInput>
        form={form}
        name="intake-mailbox"
        layout="vertical"
        onFinish={save}
        // Filled from what is set; a new key once it changes, so the form starts again from the stored settings.
        key={mailbox?.updatedAt ?? 'new'}
        initialValues={mailbox ? { host: mailbox.host, port: mailbox.port, tls: mailbox.tls, username: mailbox.username, mailbox: mailbox.mailbox, passwordEnv: mailbox.passwordEnv } : { tls: true, mailbox: 'INBOX' }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="Máy chủ IMAP" name="host" rules={[{ required: true, whitespace: true, max: 255, message: 'Nhập tên máy chủ thư' }]}>
              <Input placeholder="mail.sotuphap.tayninh.gov.vn" />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="Cổng" name="port" extra="Để trống: 993 (TLS), 143">
              <InputNumber min={1} max={65535} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col xs={12} md={6}>
            <Form.Item label="Mã hóa" name="tls" valuePropName="checked">
              <Checkbox>TLS (imaps)</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="Tài khoản" name="username" rules={[{ required: true, whitespace: true, max: 320, message: 'Nhập tài khoản hộp thư' }]}>
              <Input placeholder="vanthu@sotuphap.tayninh.gov.vn" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Thư mục" name="mailbox" rules={[{ max: 300, message: 'Tối đa 300 ký tự' }]}>
              <Input placeholder="INBOX" />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="Biến môi trường chứa mật khẩu"
          name="passwordEnv"
          extra="Mật khẩu không nhập ở đây: đặt nó trong biến môi trường này trên máy chủ ứng dụng và máy chủ xử lý nền."
          rules={[{ required: true, pattern: PASSWORD_ENV, message: 'Dạng INTAKE_IMAP_PASSWORD_<TÊN>, chữ in hoa, chữ số, gạch dưới' }]}
        >
          <Input placeholder="INTAKE_IMAP_PASSWORD_STP" autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
