// Ký số (the designated signer, once approved): with the leader's key stored on the server, the way
// a browser can use. A USB token and the signing plug-in need software on the leader's computer
// (docs/outgoing.md, "Signing"): the page says so instead of offering a button that cannot work.
import { Alert, Button, Space, Typography } from 'antd';
import { signOutgoing, type OutgoingDetail } from '../../../api/outgoing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOutgoingAction } from './useOutgoingAction';

export function SignAction({ document }: { document: OutgoingDetail }) {
  const { busy, error, run } = useOutgoingAction('Đã ký số');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} />
      <Typography.Paragraph>
        Ký bằng chứng thư số của bạn lưu trên máy chủ. Chữ ký và hình chữ ký được đặt vào ô ký của văn bản{document.signingTitle ? ` (${document.signingTitle})` : ''}.
      </Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void run(() => signOutgoing(document.id))}>
        Ký số
      </Button>
      <Alert type="info" showIcon title="Ký bằng USB token hoặc phần mềm ký: cần cài phần mềm ký trên máy tính, chưa dùng được từ trang web này." />
    </Space>
  );
}
