// Ký hàng loạt: the leader ticks the drafts waiting for their signature in "chờ tôi xử lý" and signs
// them with the stored key in one action; each draft's result is listed (signed, or why not).
import { Alert, Button, Space } from 'antd';
import { useState } from 'react';
import { signBatch, type Outgoing, type SignBatch } from '../../api/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useOutgoingAction } from './actions/useOutgoingAction';

/** A draft I can sign in a batch: approved and waiting for my signature. */
export const waitsForMySignature = (item: Outgoing, userId: string) => item.status === 'approved' && item.signerId === userId;

export function SignBatchBar({ selected, subjects, onDone }: { selected: string[]; subjects: Map<string, string>; onDone: () => void }) {
  const { busy, error, run } = useOutgoingAction('Đã ký hàng loạt');
  const [result, setResult] = useState<SignBatch>();
  const sign = () =>
    run(async () => {
      setResult(await signBatch(selected));
      onDone();
    });
  const failed = result?.items.filter((i) => i.status === 'failed') ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%', marginBottom: 16 }}>
      <ErrorAlert error={error} />
      {result && (
        <Alert
          type={failed.length > 0 ? 'warning' : 'success'}
          data-testid="sign-batch-result"
          message={`Đã ký ${result.counts.signed} văn bản${failed.length > 0 ? `, ${failed.length} văn bản chưa ký được` : ''}`}
          description={
            failed.length > 0 && (
              <ul>
                {failed.map((i) => (
                  <li key={i.documentId}>
                    {subjects.get(i.documentId) ?? i.documentId}: {i.failureMessage ?? i.failureCode}
                  </li>
                ))}
              </ul>
            )
          }
        />
      )}
      <Button type="primary" disabled={selected.length === 0} loading={busy} onClick={() => void sign()}>
        Ký hàng loạt{selected.length > 0 ? ` (${selected.length})` : ''}
      </Button>
    </Space>
  );
}
