import { Button, Form, Input, InputNumber } from 'antd';
import { reportProgress, type IncomingDetail } from '../../../api/incoming';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { useAction } from './useAction';

/** Cập nhật tiến độ (assignee): a note and how far it is. */
export function ProgressAction({ document }: { document: IncomingDetail }) {
  const { busy, error, run } = useAction('Đã cập nhật tiến độ');
  const [form] = Form.useForm();
  const finish = (v: { note: string; percent?: number }) => run(async () => {
    await reportProgress(document.id, v.note.trim(), v.percent ?? undefined);
    form.resetFields();
  });
  return (
    <Form form={form} name="progress" layout="vertical" onFinish={finish}>
      <ErrorAlert error={error} />
      <Form.Item label="Nội dung tiến độ" name="note" rules={[{ required: true, whitespace: true, message: 'Nhập nội dung' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item label="Hoàn thành (%)" name="percent">
        <InputNumber min={0} max={100} />
      </Form.Item>
      <Button htmlType="submit" loading={busy}>
        Cập nhật tiến độ
      </Button>
    </Form>
  );
}
