// Soạn văn bản đi (officer, leader): the draft file (type and size checked before upload, a progress
// bar), recipients and signer; the new draft opens on its own page, where it is submitted for review.
import { Card, Progress, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { createDraft, outgoingKeys, type DraftMetadata } from '../../api/outgoing';
import { ErrorAlert } from '../../components/ErrorAlert';
import { DraftForm } from './DraftForm';

export function NewOutgoingPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [progress, setProgress] = useState<number>();
  const [error, setError] = useState<unknown>();
  // "Soạn văn bản trả lời" from an incoming document's close form: the draft answers it.
  const replyTo = useSearchParams()[0].get('replyTo') ?? undefined;

  const submit = async (metadata: DraftMetadata, draft: File) => {
    setError(undefined);
    setProgress(0);
    try {
      const created = await createDraft(metadata, draft, setProgress);
      await queryClient.invalidateQueries({ queryKey: outgoingKeys.all });
      navigate(`/outgoing/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Card>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {replyTo ? 'Soạn văn bản trả lời' : 'Soạn văn bản đi'}
      </Typography.Title>
      <ErrorAlert error={error} />
      {progress !== undefined && <Progress percent={progress} aria-label="Tiến độ tải lên" />}
      <DraftForm busy={progress !== undefined} replyTo={replyTo} onSubmit={submit} />
    </Card>
  );
}
