// The author's draft: submit it for review (to the drafting unit's head), upload a new version
// (every version is kept; the review comments stay on the timeline), or change its validity end.
import { Button, Divider, Form, Input, Progress } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { setOutgoingValidUntil, submitOutgoing, uploadVersion, type OutgoingDetail } from '../../../api/outgoing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { dayjs, toCalendarDate } from '../../../dates';
import { DraftFileItem, ValidUntilItem } from '../DraftForm';
import { useOutgoingAction } from './useOutgoingAction';

export function SubmitDraftAction({ document }: { document: OutgoingDetail }) {
  const { busy, error, run } = useOutgoingAction('Đã trình duyệt');
  return (
    <Form name="submit-draft" layout="vertical" onFinish={(v: { comment?: string }) => run(() => submitOutgoing(document.id, v.comment?.trim() || undefined))}>
      <ErrorAlert error={error} />
      <Form.Item label="Ghi chú khi trình" name="comment" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        Trình duyệt
      </Button>
    </Form>
  );
}

export function NewVersionAction({ document }: { document: OutgoingDetail }) {
  const { busy, error, run } = useOutgoingAction('Đã tải phiên bản mới');
  const [file, setFile] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const [progress, setProgress] = useState<number>();
  const send = (v: { comment?: string }) => {
    if (!file) return setFileError('Chọn tệp dự thảo.');
    return run(async () => {
      setProgress(0);
      try {
        await uploadVersion(document.id, file, v.comment?.trim() || undefined, setProgress);
        setFile(undefined);
      } finally {
        setProgress(undefined);
      }
    });
  };
  return (
    <>
      <Divider titlePlacement="start">Phiên bản mới</Divider>
      <Form name="new-version" layout="vertical" onFinish={send}>
        <ErrorAlert error={error} />
        <DraftFileItem file={file} error={fileError} onFile={(f, e) => (setFile(f), setFileError(e))} />
        {progress !== undefined && <Progress percent={progress} aria-label="Tiến độ tải lên" />}
        <Form.Item label="Nội dung sửa đổi" name="comment" rules={[{ max: 2000, message: 'Tối đa 2000 ký tự' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button htmlType="submit" loading={busy}>
          Tải lên phiên bản mới
        </Button>
      </Form>
    </>
  );
}

/** Thời gian hiệu lực: set, changed or taken away (an empty date) while the document is a draft. */
export function ValidUntilAction({ document }: { document: OutgoingDetail }) {
  const { busy, error, run } = useOutgoingAction('Đã lưu thời gian hiệu lực');
  const save = (v: { validUntil?: Dayjs | null }) => run(() => setOutgoingValidUntil(document.id, v.validUntil ? toCalendarDate(v.validUntil) : null));
  return (
    <>
      <Divider titlePlacement="start">Thời gian hiệu lực</Divider>
      <Form name="valid-until" layout="vertical" onFinish={save} initialValues={{ validUntil: document.validUntil ? dayjs(document.validUntil, 'YYYY-MM-DD') : undefined }}>
        <ErrorAlert error={error} />
        <ValidUntilItem />
        <Button htmlType="submit" loading={busy}>
          Lưu thời gian hiệu lực
        </Button>
      </Form>
    </>
  );
}
