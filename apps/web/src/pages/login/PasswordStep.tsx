import { Button, Form, Input } from 'antd';
import { useState } from 'react';
import { signIn, type SignInResult } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';

export function PasswordStep({ onResult }: { onResult: (result: SignInResult) => Promise<void> | void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      await onResult(await signIn(values.username.trim(), values.password));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false}>
      <ErrorAlert error={error} />
      <Form.Item label="Tên đăng nhập" name="username" rules={[{ required: true, message: 'Nhập tên đăng nhập' }]}>
        <Input autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item label="Mật khẩu" name="password" rules={[{ required: true, message: 'Nhập mật khẩu' }]}>
        <Input.Password autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        Đăng nhập
      </Button>
    </Form>
  );
}
