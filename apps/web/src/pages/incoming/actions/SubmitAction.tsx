import { Button, Form } from 'antd';
import { submitIncoming, type IncomingDetail } from '../../../api/incoming';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PersonPicker } from '../../../components/PersonPicker';
import { useAction } from './useAction';

/** Trình lãnh đạo (clerk): the leader who will assign it. */
export function SubmitAction({ document }: { document: IncomingDetail }) {
  const { busy, error, run } = useAction('Đã trình lãnh đạo');
  return (
    <Form name="submit" layout="vertical" onFinish={(v: { leaderId: string }) => run(() => submitIncoming(document.id, v.leaderId))}>
      <ErrorAlert error={error} />
      <Form.Item label="Trình lãnh đạo" name="leaderId" rules={[{ required: true, message: 'Chọn lãnh đạo' }]}>
        <PersonPicker placeholder="Gõ tên lãnh đạo" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        Trình
      </Button>
    </Form>
  );
}
