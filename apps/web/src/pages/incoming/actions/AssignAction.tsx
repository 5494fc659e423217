import { Button, DatePicker, Form, Input } from 'antd';
import type { Dayjs } from 'dayjs';
import { assignIncoming, type IncomingDetail } from '../../../api/incoming';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PersonPicker } from '../../../components/PersonPicker';
import { DATE_FORMAT, dayjs, toCalendarDate } from '../../../dates';
import { useAction } from './useAction';

interface Values {
  leadUserId: string;
  dueDate?: Dayjs;
  instruction?: string;
}

/** Phân công (leader): who leads (chủ trì), the deadline, the instruction (ý kiến chỉ đạo). */
export function AssignAction({ document }: { document: IncomingDetail }) {
  const { busy, error, run } = useAction('Đã phân công');
  const finish = (v: Values) =>
    run(() =>
      assignIncoming(document.id, {
        lead: { userId: v.leadUserId },
        coordinators: [],
        informed: [],
        dueDate: v.dueDate ? toCalendarDate(v.dueDate) : undefined,
        instruction: v.instruction?.trim() || undefined,
      }),
    );
  return (
    <Form name="assign" layout="vertical" onFinish={finish} initialValues={{ dueDate: document.dueDate ? dayjs(document.dueDate) : undefined }}>
      <ErrorAlert error={error} />
      <Form.Item label="Người chủ trì" name="leadUserId" rules={[{ required: true, message: 'Chọn người chủ trì' }]}>
        <PersonPicker placeholder="Gõ tên cán bộ" />
      </Form.Item>
      <Form.Item label="Hạn xử lý" name="dueDate">
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label="Ý kiến chỉ đạo" name="instruction" rules={[{ max: 2000 }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        Phân công
      </Button>
    </Form>
  );
}
