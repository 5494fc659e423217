import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { peopleCalls, useRefreshPeople, type AccountRole, type UserDetail } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { OneTimePassword } from './OneTimePassword';
import { RoleChoice } from './RoleChoice';
import { useAdminAction } from './useAdminAction';

export function RolesAction({ user }: { user: UserDetail }) {
  const [form] = Form.useForm<{ roles: AccountRole[] }>();
  const action = useAdminAction('Đã cập nhật vai trò', { form, fields: ['roles'], refresh: useRefreshPeople() });
  return (
    <>
      <ErrorAlert error={action.error} />
      <Form form={form} layout="vertical" initialValues={{ roles: user.roles }} onFinish={(v) => void action.run(() => peopleCalls.changeRoles(user.id, v.roles))} disabled={!user.active}>
        <Form.Item label="Các vai trò" name="roles" rules={[{ required: true, type: 'array', min: 1, message: 'Chọn ít nhất một vai trò' }]}>
          <RoleChoice label="Các vai trò" />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={action.busy}>
          Lưu vai trò
        </Button>
      </Form>
    </>
  );
}

export function TransferAction({ user }: { user: UserDetail }) {
  const [form] = Form.useForm<{ unitId: string; position?: string }>();
  const action = useAdminAction('Đã điều chuyển', { form, fields: ['unitId', 'position'], refresh: useRefreshPeople() });
  const finish = (v: { unitId: string; position?: string }) => {
    if (v.unitId === user.unit?.id) {
      form.setFields([{ name: 'unitId', errors: ['Người này đang ở đơn vị đó'] }]);
      return;
    }
    void action.run(() => peopleCalls.transfer(user.id, v.unitId, v.position?.trim() || undefined)).then((done) => done && form.resetFields());
  };
  return (
    <>
      <ErrorAlert error={action.error} />
      <Form form={form} layout="vertical" onFinish={finish} disabled={!user.active}>
        <Form.Item label="Đơn vị mới" name="unitId" rules={[{ required: true, message: 'Chọn đơn vị mới' }]}>
          <UnitPicker />
        </Form.Item>
        <Form.Item label="Chức vụ ở đơn vị mới" name="position" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]} extra="Để trống: giữ chức vụ hiện tại">
          <Input />
        </Form.Item>
        <Button htmlType="submit" loading={action.busy}>
          Điều chuyển
        </Button>
      </Form>
    </>
  );
}

/** Leave/return, a new one-time password, a new second factor: the answers with a password are shown once. */
export function AccessActions({ user }: { user: UserDetail }) {
  const refresh = useRefreshPeople();
  const [issued, setIssued] = useState<{ username: string; initialPassword: string }>();
  const [deactivating, setDeactivating] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const deactivate = useAdminAction('Đã khóa tài khoản', { form, fields: ['reason'], refresh });
  const reset = useAdminAction('Đã cấp mật khẩu mới', { refresh });
  const reactivate = useAdminAction('Đã mở lại tài khoản', { refresh });
  const mfa = useAdminAction('Đã hủy xác thực hai bước; người dùng sẽ đăng ký lại ở lần đăng nhập tới', { refresh });
  const show = (answer?: { username: string; initialPassword: string }) => answer && setIssued(answer);
  return (
    <>
      <ErrorAlert error={reset.error ?? reactivate.error ?? mfa.error} />
      <Space orientation="vertical">
        {user.active ? (
          <>
            <Popconfirm title="Cấp mật khẩu dùng một lần mới?" description="Mọi phiên đăng nhập của người này sẽ kết thúc." okText="Cấp" cancelText="Hủy" onConfirm={() => void reset.run(() => peopleCalls.resetPassword(user.id)).then(show)}>
              <Button loading={reset.busy}>Đặt lại mật khẩu</Button>
            </Popconfirm>
            <Popconfirm title="Hủy xác thực hai bước?" description="Dùng khi người dùng mất điện thoại." okText="Hủy xác thực" cancelText="Không" onConfirm={() => void mfa.run(() => peopleCalls.resetMfa(user.id))}>
              <Button loading={mfa.busy}>Đặt lại xác thực hai bước</Button>
            </Popconfirm>
            <Button danger onClick={() => setDeactivating(true)}>
              Khóa tài khoản
            </Button>
          </>
        ) : (
          <Popconfirm title="Mở lại tài khoản?" description="Người dùng nhận mật khẩu dùng một lần mới." okText="Mở lại" cancelText="Hủy" onConfirm={() => void reactivate.run(() => peopleCalls.reactivate(user.id)).then(show)}>
            <Button type="primary" loading={reactivate.busy}>
              Mở lại tài khoản
            </Button>
          </Popconfirm>
        )}
      </Space>
      <Modal
        open={deactivating}
        title="Khóa tài khoản (nghỉ việc, nghỉ hưu, nghỉ dài hạn)"
        okText="Khóa"
        okButtonProps={{ danger: true, loading: deactivate.busy }}
        cancelText="Hủy"
        onOk={() => form.submit()}
        onCancel={() => setDeactivating(false)}
        destroyOnHidden
      >
        <ErrorAlert error={deactivate.error} />
        <Form form={form} layout="vertical" onFinish={(v) => void deactivate.run(() => peopleCalls.deactivate(user.id, v.reason.trim())).then((done) => done && setDeactivating(false))}>
          <Form.Item label="Lý do" name="reason" rules={[{ required: true, whitespace: true, max: 500, message: 'Nhập lý do (tối đa 500 ký tự)' }]}>
            <Input.TextArea rows={2} placeholder="Nghỉ hưu theo Quyết định số …" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={issued !== undefined} title="Mật khẩu dùng một lần" onOk={() => setIssued(undefined)} onCancel={() => setIssued(undefined)} cancelButtonProps={{ style: { display: 'none' } }} okText="Xong">
        {issued && <OneTimePassword username={issued.username} password={issued.initialPassword} />}
      </Modal>
    </>
  );
}
