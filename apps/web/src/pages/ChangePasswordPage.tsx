// Đổi mật khẩu: required at the first sign-in and after a reset (the API refuses everything else
// with PASSWORD_CHANGE_REQUIRED until then); the API answers a fresh session for this device.
import { Button, Card, Form, Input, Layout, Typography } from 'antd';
import { useState } from 'react';
import { changePassword } from '../api/auth';
import { ErrorAlert } from '../components/ErrorAlert';
import { useSession } from '../session/SessionContext';

const POLICY = 'Ít nhất 8 ký tự, có chữ hoa, chữ thường, chữ số và ký tự đặc biệt.';

export function ChangePasswordPage() {
  const { begin, signOut } = useSession();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { currentPassword: string; newPassword: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const pair = await changePassword(values.currentPassword, values.newPassword);
      await begin(pair.accessToken);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Layout style={{ minHeight: '100vh', alignItems: 'center', justifyContent: 'center', padding: 16 }}>
      <main>
        <Card style={{ width: 420, maxWidth: '100%' }}>
          <Typography.Title level={1} style={{ fontSize: 24 }}>
            Đổi mật khẩu
          </Typography.Title>
          <Typography.Paragraph>Mật khẩu hiện tại là mật khẩu dùng một lần: hãy đặt mật khẩu mới. {POLICY}</Typography.Paragraph>
          <Form layout="vertical" onFinish={submit} requiredMark={false}>
            <ErrorAlert error={error} />
            <Form.Item label="Mật khẩu hiện tại" name="currentPassword" rules={[{ required: true, message: 'Nhập mật khẩu hiện tại' }]}>
              <Input.Password autoComplete="current-password" />
            </Form.Item>
            <Form.Item
              label="Mật khẩu mới"
              name="newPassword"
              rules={[{ required: true, pattern: /^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)(?=.*[^A-Za-z0-9]).{8,}$/, message: POLICY }]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Form.Item
              label="Nhập lại mật khẩu mới"
              name="confirm"
              dependencies={['newPassword']}
              rules={[
                { required: true, message: 'Nhập lại mật khẩu mới' },
                ({ getFieldValue }) => ({
                  validator: (_, value) => (value === getFieldValue('newPassword') ? Promise.resolve() : Promise.reject(new Error('Hai mật khẩu không khớp'))),
                }),
              ]}
            >
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} block>
              Đổi mật khẩu
            </Button>
            <Button type="link" block onClick={() => void signOut()}>
              Đăng xuất
            </Button>
          </Form>
        </Card>
      </main>
    </Layout>
  );
}
