// Duyệt (the reviewer whose turn it is: the drafting unit's head for the content, the clerk for the
// format check — thể thức — and the signer): approve with an optional comment, or return it to the
// author with a required one.
import { Button, Form, Input, Space } from 'antd';
import { useState } from 'react';
import { approveOutgoing, rejectOutgoing, type OutgoingDetail } from '../../../api/outgoing';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { REVIEW_STAGE_LABELS } from '../../../components/outgoing-labels';
import { useOutgoingAction } from './useOutgoingAction';

export function ReviewAction({ document }: { document: OutgoingDetail }) {
  const [form] = Form.useForm<{ comment?: string }>();
  const { busy, error, run } = useOutgoingAction('Đã ghi ý kiến duyệt');
  const [returning, setReturning] = useState(false);
  const approve = () => run(() => approveOutgoing(document.id, form.getFieldValue('comment')?.trim() || undefined));
  const reject = async () => {
    setReturning(true);
    try {
      const { comment } = await form.validateFields();
      await run(() => rejectOutgoing(document.id, comment!.trim()));
    } catch {
      /* the form shows what is missing */
    } finally {
      setReturning(false);
    }
  };
  return (
    <Form form={form} name="review" layout="vertical">
      <ErrorAlert error={error} />
      <Form.Item
        label={`Ý kiến (${REVIEW_STAGE_LABELS[document.reviewStage ?? ''] ?? 'duyệt'})`}
        name="comment"
        rules={[{ required: returning, whitespace: true, message: 'Nhập lý do trả lại' }, { max: 2000, message: 'Tối đa 2000 ký tự' }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        <Button type="primary" loading={busy && !returning} onClick={() => void approve()}>
          Duyệt
        </Button>
        <Button danger loading={busy && returning} onClick={() => void reject()}>
          Trả lại
        </Button>
      </Space>
    </Form>
  );
}
