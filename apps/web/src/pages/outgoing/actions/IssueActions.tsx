// Phát hành and gửi (clerk): the number and date written into the signed PDF with the agency's seal,
// then the copies sent — recipients in this installation receive it as an incoming document.
import { Button, Space, Typography } from 'antd';
import { dispatchOutgoing, issueOutgoing, type OutgoingDetail } from '../../../api/outgoing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useOutgoingAction } from './useOutgoingAction';

export function IssueAction({ document }: { document: OutgoingDetail }) {
  const { busy, error, run } = useOutgoingAction('Đã phát hành');
  return (
    <Space orientation="vertical">
      <ErrorAlert error={error} />
      <Typography.Paragraph>Cấp số trong sổ văn bản đi, ghi số và ngày vào văn bản và đóng dấu số của cơ quan.</Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void run(() => issueOutgoing(document.id))}>
        Cấp số và phát hành
      </Button>
    </Space>
  );
}

export function DispatchAction({ document }: { document: OutgoingDetail }) {
  const { busy, error, run } = useOutgoingAction('Đã gửi văn bản');
  return (
    <Space orientation="vertical">
      <ErrorAlert error={error} />
      <Typography.Paragraph>Gửi đến {document.recipients.length} nơi nhận: trong hệ thống thành văn bản đến, ngoài hệ thống qua thư điện tử.</Typography.Paragraph>
      <Button type="primary" loading={busy} onClick={() => void run(() => dispatchOutgoing(document.id))}>
        Gửi văn bản
      </Button>
    </Space>
  );
}
