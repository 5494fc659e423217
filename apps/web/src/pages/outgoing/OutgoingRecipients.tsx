// Nơi nhận with the state of each copy: received as an incoming document (in this installation),
// e-mail sent or failed, paper copy sent — and, for the clerk, "paper copy sent" once it left.
import { Button, Table, Tag } from 'antd';
import { markPaperSent, type OutgoingDetail, type OutgoingRecipient } from '../../api/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DELIVERY_LABELS, RECIPIENT_KIND_LABELS } from '../../components/outgoing-labels';
import { formatDateTime } from '../../dates';
import { hasRole, useProfile } from '../../session/SessionContext';
import { useOutgoingAction } from './actions/useOutgoingAction';

const DELIVERY_COLORS: Record<string, string> = { delivered: '#237804', sent: '#237804', paper_sent: '#237804', failed: '#a8071a', pending: '#ad4e00', not_sent: '#434343' };

export function OutgoingRecipients({ document }: { document: OutgoingDetail }) {
  const profile = useProfile();
  const { busy, error, run } = useOutgoingAction('Đã ghi nhận gửi bản giấy');
  const canMarkPaper = hasRole(profile, 'clerk') && document.status === 'dispatched';
  return (
    <>
      <ErrorAlert error={error} />
      <Table<OutgoingRecipient>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={document.recipients}
        // No sideways scroll (a scrolling table is a region the keyboard cannot reach: axe-core's
        // scrollable-region-focusable): on a phone the form of sending folds away, the rest fits.
        data-testid="outgoing-recipients"
        columns={[
          { title: 'Nơi nhận', dataIndex: 'name', render: (name: string, r) => (r.email ? `${name} (${r.email})` : name) },
          { title: 'Hình thức', dataIndex: 'kind', width: 130, responsive: ['sm'], render: (k: string) => RECIPIENT_KIND_LABELS[k] ?? k },
          {
            title: 'Tình trạng',
            dataIndex: 'delivery',
            width: 150,
            render: (d: string, r) => (
              <>
                <Tag color={DELIVERY_COLORS[d]}>{DELIVERY_LABELS[d] ?? d}</Tag>
                {r.deliveredAt && <div>{formatDateTime(r.deliveredAt)}</div>}
                {r.lastError && d === 'failed' && <div>{r.lastError}</div>}
                {canMarkPaper && r.kind === 'paper' && d !== 'paper_sent' && (
                  <Button size="small" loading={busy} onClick={() => void run(() => markPaperSent(document.id, r.id))}>
                    Đã gửi bản giấy
                  </Button>
                )}
              </>
            ),
          },
        ]}
      />
    </>
  );
}
