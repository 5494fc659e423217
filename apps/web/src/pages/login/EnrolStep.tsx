import { Button, Form, Input, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { confirmEnrolment, startEnrolment, type EnrolmentConfirmed, type EnrolmentStarted } from '../../api/auth';
import { ErrorAlert } from '../../components/ErrorAlert';

/** First sign-in of a role that needs a second factor: scan the QR code, give the first code. */
export function EnrolStep({ mfaToken, onConfirmed, onRestart }: { mfaToken: string; onConfirmed: (c: EnrolmentConfirmed) => void; onRestart: () => void }) {
  const [started, setStarted] = useState<EnrolmentStarted>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    startEnrolment(mfaToken).then(setStarted, setError);
  }, [mfaToken]);
  const submit = async (values: { code: string }) => {
    setBusy(true);
    setError(undefined);
    try {
      onConfirmed(await confirmEnrolment(mfaToken, values.code.trim()));
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  if (!started) return error ? <><ErrorAlert error={error} /><Button onClick={onRestart}>Đăng nhập lại</Button></> : <Spin />;
  return (
    <Form layout="vertical" onFinish={submit} requiredMark={false}>
      <Typography.Paragraph>
        Vai trò của bạn cần xác thực hai lớp. Quét mã QR bằng ứng dụng xác thực (Google Authenticator, Microsoft Authenticator…) hoặc nhập khoá bí mật, rồi nhập mã 6 số ứng dụng hiển thị.
      </Typography.Paragraph>
      <img src={started.qrCodeDataUrl} alt="Mã QR để thêm tài khoản vào ứng dụng xác thực" width={200} height={200} />
      <Typography.Paragraph>
        Khoá bí mật: <Typography.Text code copyable data-testid="mfa-secret">{started.secret}</Typography.Text>
      </Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form.Item label="Mã xác thực" name="code" rules={[{ required: true, pattern: /^\d{6}$/, message: 'Mã gồm 6 chữ số' }]}>
        <Input autoComplete="one-time-code" inputMode="numeric" maxLength={6} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} block>
        Kích hoạt
      </Button>
    </Form>
  );
}
