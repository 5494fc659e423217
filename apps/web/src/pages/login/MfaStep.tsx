import { Button, Form, Input, Space, Typography } from 'antd';
import { useState } from 'react';
import { verifyCode, verifyRecoveryCode, type TokenPair } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Xác thực hai lớp: the 6-digit code of the authenticator app, or one recovery code. */
export function MfaStep({ mfaToken, onSignedIn, onRestart }: { mfaToken: string; onSignedIn: (pair: TokenPair) => Promise<void>; onRestart: () => void }) {
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [recovery, setRecovery] = useState(false);
  const submit = async (values: { code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      const code = values.code.trim();
      await onSignedIn(recovery ? await verifyRecoveryCode(mfaToken, code) : await verifyCode(mfaToken, code));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false}>
      <Typography.Paragraph>
        {recovery ? 'Nhập một mã khôi phục (mỗi mã dùng được một lần).' : 'Nhập mã 6 số trên ứng dụng xác thực của bạn.'}
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form.Item
        label={recovery ? 'Mã khôi phục' : 'Mã xác thực'}
        name="code"
        rules={recovery ? [{ required: true, message: 'Nhập mã khôi phục' }] : [{ required: true, pattern: /^\d{6}$/, message: 'Mã gồm 6 chữ số' }]}
      >
        <Input autoComplete="one-time-code" inputMode={recovery ? 'text' : 'numeric'} maxLength={recovery ? 40 : 6} autoFocus />
      </Form.Item>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" loading={busy} block>
          Xác nhận
        </Button>
        <Button type="link" onClick={() => setRecovery(!recovery)}>
          {recovery ? 'Dùng mã trên ứng dụng' : 'Dùng mã khôi phục'}
        </Button>
        <Button type="link" onClick={onRestart}>
          Đăng nhập lại
        </Button>
      </Space>
    </Form>
  );
}
