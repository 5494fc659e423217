// Ký số (the designated signer, once approved): with the leader's key stored on the server, or
// remotely (the CA's service asks for confirmation on the leader's phone; the state then shows on
// the page, SigningWays.tsx). A USB token and the signing plug-in need software on the leader's
// computer (docs/outgoing.md, "Signing"): the page says so instead of offering a button that cannot work.
import { Button, Space, Typography } from 'antd';
import { signOutgoing, signOutgoingRemotely, type OutgoingDetail } from '../../../api/outgoing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { DesktopSigningNote, remoteSigningWaits } from '../SigningWays';
import { useOutgoingAction } from './useOutgoingAction';

export function SignAction({ document }: { document: OutgoingDetail }) {
  const stored = useOutgoingAction('Đã ký số');
  const remote = useOutgoingAction('Đã gửi yêu cầu ký đến điện thoại của bạn');
  const waiting = remoteSigningWaits(document);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={stored.error ?? remote.error} />
      <Typography.Paragraph>
        Ký bằng chứng thư số của bạn lưu trên máy chủ. Chữ ký và hình chữ ký được đặt vào ô ký của văn bản{document.signingTitle ? ` (${document.signingTitle})` : ''}.
      </Typography.Paragraph>
      <Space wrap>
        <Button type="primary" loading={stored.busy} disabled={waiting} onClick={() => void stored.run(() => signOutgoing(document.id))}>
          Ký số
        </Button>
        <Button loading={remote.busy} disabled={waiting} onClick={() => void remote.run(() => signOutgoingRemotely(document.id))}>
          Ký số từ xa (xác nhận trên điện thoại)
        </Button>
      </Space>
      <DesktopSigningNote />
    </Space>
  );
}
