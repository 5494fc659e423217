// Ký hàng loạt: the leader ticks the drafts waiting for their signature in "chờ tôi xử lý" and signs
// them in one action, with the stored key (signed within the request) or remotely (ký số từ xa: the
// agency's provider asks for one confirmation on the phone; the page follows the batch with
// GET /outgoing/sign-batches/:id until every draft has its result). Each draft's result is listed.
import { Alert, Button, Space, Tag } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { outgoingKeys, signBatch, useSignBatch, type Outgoing, type SignBatch } from '../../api/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../dates';
import { useOutgoingAction } from './actions/useOutgoingAction';

/** A draft I can sign in a batch: approved and waiting for my signature. */
export const waitsForMySignature = (item: Outgoing, userId: string) => item.status === 'approved' && item.signerId === userId;

type Subjects = Map<string, string>;

const ITEM_STATUS: Record<SignBatch['items'][number]['status'], { label: string; color: string }> = {
  pending: { label: 'Chờ xác nhận', color: '#ad4e00' },
  signed: { label: 'Đã ký', color: '#237804' },
  failed: { label: 'Chưa ký được', color: '#a8071a' },
};

export function SignBatchBar({ selected, subjects, onDone }: { selected: string[]; subjects: Subjects; onDone: () => void }) {
  const stored = useOutgoingAction('Đã ký hàng loạt');
  const remote = useOutgoingAction('Đã gửi yêu cầu ký đến điện thoại của bạn');
  const [result, setResult] = useState<SignBatch>();
  const [remoteId, setRemoteId] = useState<string>();
  // The subjects as they were when signing: signed drafts leave the list the names came from.
  const [names, setNames] = useState<Subjects>(new Map());
  const followed = useSignBatch(remoteId);
  const queryClient = useQueryClient();
  const finished = followed.data?.status === 'completed';
  // Once the phone answered, the drafts signed remotely leave "chờ tôi xử lý": the lists are read again.
  useEffect(() => {
    if (finished) void queryClient.invalidateQueries({ queryKey: outgoingKeys.all, refetchType: 'active' });
  }, [finished, queryClient]);
  const sign = (method: SignBatch['method']) =>
    (method === 'remote' ? remote : stored).run(async () => {
      setNames(new Map(subjects));
      const batch = await signBatch(selected, method);
      setResult(method === 'stored' ? batch : undefined);
      setRemoteId(method === 'remote' ? batch.id : undefined);
      onDone();
    });
  const shown = remoteId ? followed.data : result;
  const busy = stored.busy || remote.busy || shown?.status === 'pending';
  return (
    <Space orientation="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <ErrorAlert error={stored.error ?? remote.error ?? followed.error} />
      {shown && <BatchState batch={shown} subjects={names} />}
      <Space wrap>
        <Button type="primary" disabled={selected.length === 0 || busy} loading={stored.busy} onClick={() => void sign('stored')}>
          Ký hàng loạt{selected.length > 0 ? ` (${selected.length})` : ''}
        </Button>
        <Button disabled={selected.length === 0 || busy} loading={remote.busy} onClick={() => void sign('remote')}>
          Ký hàng loạt từ xa (xác nhận trên điện thoại){selected.length > 0 ? ` (${selected.length})` : ''}
        </Button>
      </Space>
    </Space>
  );
}

/** Waiting for the phone (a remote batch), or how it ended: each draft with its result. */
function BatchState({ batch, subjects }: { batch: SignBatch; subjects: Subjects }) {
  const failed = batch.items.filter((i) => i.status === 'failed');
  const waiting = batch.status === 'pending';
  const title = waiting
    ? `Đang chờ xác nhận trên điện thoại: ${batch.counts.pending} văn bản${batch.expiresAt ? `, hết hạn lúc ${formatDateTime(batch.expiresAt)}` : ''}`
    : `Đã ký ${batch.counts.signed} văn bản${failed.length > 0 ? `, ${failed.length} văn bản chưa ký được` : ''}`;
  // A stored-key batch that signed everything needs no list; otherwise each draft says where it stands.
  const list = waiting || batch.method === 'remote' || failed.length > 0;
  return (
    <Alert
      type={waiting ? 'warning' : failed.length > 0 ? 'warning' : 'success'}
      showIcon
      data-testid={waiting ? 'sign-batch-waiting' : 'sign-batch-result'}
      title={title}
      description={
        list && (
          <ul data-testid="sign-batch-items">
            {batch.items.map((i) => (
              <li key={i.documentId}>
                <Tag color={ITEM_STATUS[i.status].color}>{ITEM_STATUS[i.status].label}</Tag>
                {subjects.get(i.documentId) ?? i.documentId}
                {i.status === 'failed' && `: ${i.failureMessage ?? i.failureCode}`}
              </li>
            ))}
          </ul>
        )
      }
    />
  );
}
