// Các cách ký số and where the signature stands (issue 19 item 4). The stored key signs at once; the
// remote way (ký số từ xa) waits for the signer's confirmation in the provider's app on the phone,
// so its state is shown from GET /outgoing/:id (`remoteSigning`, the newest request), and the page
// asks again every 5 s while it waits. The USB token (deferred: prepare, then complete) and the
// plug-in need software on the signer's computer: the page names them and says so.
import { Alert, Descriptions, Tag } from 'antd';
import type { OutgoingDetail } from '../../api/outgoing';
import { formatDateTime } from '../../dates';

type Remote = NonNullable<OutgoingDetail['remoteSigning']>;

const REMOTE_STATUS: Record<Remote['status'], { label: string; color: string }> = {
  sending: { label: 'Đang gửi yêu cầu ký', color: '#ad4e00' },
  pending: { label: 'Chờ xác nhận trên điện thoại', color: '#ad4e00' },
  signed: { label: 'Đã ký', color: '#237804' },
  rejected: { label: 'Người ký từ chối', color: '#a8071a' },
  expired: { label: 'Hết thời gian chờ xác nhận', color: '#a8071a' },
  failed: { label: 'Không ký được', color: '#a8071a' },
};

/** Still waiting for the phone: the page polls the document until the state changes. */
export const remoteSigningWaits = (d: OutgoingDetail) => d.remoteSigning?.status === 'sending' || d.remoteSigning?.status === 'pending';

export function RemoteSigningState({ remote }: { remote: Remote }) {
  const status = REMOTE_STATUS[remote.status];
  const waiting = remote.status === 'sending' || remote.status === 'pending';
  return (
    <div data-testid="remote-signing">
      <Alert
        type={waiting ? 'warning' : remote.status === 'signed' ? 'success' : 'error'}
        showIcon
        title={waiting ? `Đang chờ xác nhận trên điện thoại từ ${formatDateTime(remote.waitingSince)}` : remote.message}
        style={{ marginBottom: 8 }}
      />
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="Ký số từ xa">
          <Tag color={status.color} data-testid="remote-signing-status">
            {status.label}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="Mã văn bản trên ứng dụng ký">{remote.documentRef}</Descriptions.Item>
        <Descriptions.Item label="Gửi lúc">{formatDateTime(remote.waitingSince)}</Descriptions.Item>
        <Descriptions.Item label={waiting ? 'Hết hạn lúc' : 'Kết thúc lúc'}>{formatDateTime(waiting ? remote.expiresAt : remote.finishedAt) || '—'}</Descriptions.Item>
        {remote.failureCode && <Descriptions.Item label="Mã lỗi">{remote.failureCode}</Descriptions.Item>}
      </Descriptions>
    </div>
  );
}

/** The ways that need software on the signer's computer, named so the signer knows they exist. */
export function DesktopSigningNote() {
  return (
    <Alert
      type="info"
      showIcon
      title="Ký bằng USB token (ký hai bước) hoặc phần mềm ký (plug-in): cần cài phần mềm ký trên máy tính của người ký, chưa dùng được từ trang web này."
    />
  );
}
