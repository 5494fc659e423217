import { Button, DatePicker, Form, Input, Radio } from 'antd';
import type { Dayjs } from 'dayjs';
import { assignIncoming, type IncomingDetail } from '../../../api/incoming';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PersonPicker } from '../../../components/PersonPicker';
import { UnitPicker } from '../../../components/UnitPicker';
import { DATE_FORMAT, dayjs, toCalendarDate } from '../../../dates';
import { useAction } from './useAction';

interface Values {
  leadKind: 'person' | 'unit';
  leadUserId?: string;
  leadUnitId?: string;
  dueDate?: Dayjs;
  instruction?: string;
}

/**
 * Phân công (leader): who leads (chủ trì: a person or a unit), the deadline, the instruction (ý kiến
 * chỉ đạo). `personOnly`: the head of the leading unit names the person who handles it.
 */
export function AssignAction({ document, personOnly = false }: { document: IncomingDetail; personOnly?: boolean }) {
  const { busy, error, run } = useAction('Đã phân công');
  const [form] = Form.useForm<Values>();
  const leadKind = Form.useWatch('leadKind', form) ?? 'person';
  const finish = (v: Values) =>
    run(() =>
      // Naming the person in the leading unit keeps the leader's deadline and instruction.
      personOnly ? assignIncoming(document.id, { lead: { userId: v.leadUserId }, coordinators: [], informed: [] }) : assignIncoming(document.id, {
        // A unit as lead: its head (or delegate) then names the person (docs/incoming.md).
        lead: v.leadKind === 'unit' ? { unitId: v.leadUnitId } : { userId: v.leadUserId },
        coordinators: [],
        informed: [],
        dueDate: v.dueDate ? toCalendarDate(v.dueDate) : undefined,
        instruction: v.instruction?.trim() || undefined,
      }),
    );
  return (
    <Form form={form} name="assign" layout="vertical" onFinish={finish} initialValues={{ leadKind: 'person', dueDate: document.dueDate ? dayjs(document.dueDate) : undefined }}>
      <ErrorAlert error={error} />
      <Form.Item label="Chủ trì là" name="leadKind" hidden={personOnly}>
        <Radio.Group options={[{ value: 'person', label: 'Cá nhân' }, { value: 'unit', label: 'Đơn vị' }]} />
      </Form.Item>
      {leadKind === 'person' ? (
        <Form.Item label="Người chủ trì" name="leadUserId" rules={[{ required: true, message: 'Chọn người chủ trì' }]}>
          <PersonPicker placeholder="Gõ tên cán bộ" />
        </Form.Item>
      ) : (
        <Form.Item label="Đơn vị chủ trì" name="leadUnitId" rules={[{ required: true, message: 'Chọn đơn vị chủ trì' }]}>
          <UnitPicker />
        </Form.Item>
      )}
      <Form.Item label="Hạn xử lý" name="dueDate" hidden={personOnly}>
        <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
      </Form.Item>
      <Form.Item label="Ý kiến chỉ đạo" name="instruction" rules={[{ max: 2000 }]} hidden={personOnly}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {personOnly ? 'Giao cán bộ xử lý' : 'Phân công'}
      </Button>
    </Form>
  );
}
