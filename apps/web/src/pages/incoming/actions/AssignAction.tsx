import { Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { assignIncoming, type AssignInput, type IncomingDetail } from '../../../api/incoming';
import { ErrorAlert } from '../../../components/ErrorAlert';
import { PeoplePicker } from '../../../components/PeoplePicker';
import { PersonPicker } from '../../../components/PersonPicker';
import { UnitPicker } from '../../../components/UnitPicker';
import { DATE_FORMAT, dayjs, toCalendarDate } from '../../../dates';
import { useAction } from './useAction';

interface Values {
  leadKind: 'person' | 'unit';
  leadUserId?: string;
  leadUnitId?: string;
  coordinatorUserIds?: string[];
  coordinatorUnitIds?: string[];
  informedUserIds?: string[];
  informedUnitIds?: string[];
  dueKind: 'date' | 'workingDays';
  dueDate?: Dayjs;
  dueInWorkingDays?: number;
  instruction?: string;
}

type Target = AssignInput['coordinators'][number];
const targets = (userIds: string[] = [], unitIds: string[] = []): Target[] => [...userIds.map((userId) => ({ userId })), ...unitIds.map((unitId) => ({ unitId }))];

/**
 * Phân công (leader): who leads (chủ trì: a person or a unit), who works with them (phối hợp) and who
 * is kept informed (để biết) — people or units —, the deadline as a date or in working days (the API
 * counts them on the agency's calendar), the instruction (ý kiến chỉ đạo). `personOnly`: the head of
 * the leading unit names the person who handles it.
 */
export function AssignAction({ document, personOnly = false }: { document: IncomingDetail; personOnly?: boolean }) {
  const { busy, error, run } = useAction('Đã phân công');
  const [form] = Form.useForm<Values>();
  const leadKind = Form.useWatch('leadKind', form) ?? 'person';
  const dueKind = Form.useWatch('dueKind', form) ?? 'date';
  const finish = (v: Values) =>
    run(() =>
      // Naming the person in the leading unit keeps the leader's deadline and instruction.
      personOnly ? assignIncoming(document.id, { lead: { userId: v.leadUserId }, coordinators: [], informed: [] }) : assignIncoming(document.id, {
        // A unit as lead: its head (or delegate) then names the person (docs/incoming.md).
        lead: v.leadKind === 'unit' ? { unitId: v.leadUnitId } : { userId: v.leadUserId },
        coordinators: targets(v.coordinatorUserIds, v.coordinatorUnitIds),
        informed: targets(v.informedUserIds, v.informedUnitIds),
        dueDate: v.dueKind === 'date' && v.dueDate ? toCalendarDate(v.dueDate) : undefined,
        dueInWorkingDays: v.dueKind === 'workingDays' ? v.dueInWorkingDays : undefined,
        instruction: v.instruction?.trim() || undefined,
      }),
    );
  return (
    <Form
      form={form}
      name="assign"
      layout="vertical"
      onFinish={finish}
      initialValues={{ leadKind: 'person', dueKind: 'date', dueDate: document.dueDate ? dayjs(document.dueDate) : undefined }}
    >
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
      {!personOnly && (
        <>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="Cá nhân phối hợp" name="coordinatorUserIds">
                <PeoplePicker placeholder="Gõ tên cán bộ phối hợp" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Đơn vị phối hợp" name="coordinatorUnitIds">
                <UnitPicker multiple />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item label="Cá nhân để biết" name="informedUserIds">
                <PeoplePicker placeholder="Gõ tên người nhận để biết" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item label="Đơn vị để biết" name="informedUnitIds">
                <UnitPicker multiple />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item label="Hạn xử lý tính theo" name="dueKind">
            <Radio.Group options={[{ value: 'date', label: 'Ngày cụ thể' }, { value: 'workingDays', label: 'Số ngày làm việc' }]} />
          </Form.Item>
          {dueKind === 'date' ? (
            <Form.Item label="Hạn xử lý" name="dueDate">
              <DatePicker format={DATE_FORMAT} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
          ) : (
            <Form.Item label="Số ngày làm việc" name="dueInWorkingDays" rules={[{ required: true, type: 'integer', min: 1, max: 365, message: 'Nhập từ 1 đến 365 ngày làm việc' }]}>
              <InputNumber min={1} max={365} precision={0} />
            </Form.Item>
          )}
          <Form.Item label="Ý kiến chỉ đạo" name="instruction" rules={[{ max: 2000 }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      <Button type="primary" htmlType="submit" loading={busy}>
        {personOnly ? 'Giao cán bộ xử lý' : 'Phân công'}
      </Button>
    </Form>
  );
}
