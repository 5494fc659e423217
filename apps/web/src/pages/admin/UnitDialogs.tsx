import { Form, Input, Modal, Radio, Select } from 'antd';
import { useState } from 'react';
import { peopleCalls, usePeople, useRefreshPeople, type Unit } from '../../api/people';
import { ErrorAlert } from '../../components/ErrorAlert';
import { UnitPicker } from '../../components/UnitPicker';
import { useAdminAction } from './useAdminAction';

interface UnitValues {
  kind: Unit['kind'];
  parentId?: string;
  code: string;
  name: string;
  placeName?: string;
}

const UNIT_FIELDS = ['kind', 'parentId', 'code', 'name', 'placeName'] as const;
/** The API's rule for a code: letters (Vietnamese too), digits, dot, underscore, hyphen. */
const CODE_PATTERN = /^[\p{L}\p{N}._-]+$/u;

/** A new unit (under `parent` when given), or `unit` renamed. */
export function UnitDialog({ unit, parent, onClose }: { unit?: Unit; parent?: Unit; onClose: () => void }) {
  const [form] = Form.useForm<UnitValues>();
  const kind = Form.useWatch('kind', form) ?? unit?.kind ?? 'department';
  const action = useAdminAction(unit ? 'Đã lưu đơn vị' : 'Đã thêm đơn vị', { form, fields: UNIT_FIELDS, refresh: useRefreshPeople() });
  const finish = async (v: UnitValues) => {
    const placeName = v.placeName?.trim() || undefined;
    const done = unit
      ? await action.run(() => peopleCalls.renameUnit(unit.id, { code: v.code.trim(), name: v.name.trim(), placeName }))
      : await action.run(() => peopleCalls.createUnit({ kind: v.kind, parentId: v.parentId, code: v.code.trim(), name: v.name.trim(), placeName: v.kind === 'agency' ? placeName : undefined }));
    if (done) onClose();
  };
  return (
    <Modal open title={unit ? `Sửa đơn vị: ${unit.name}` : 'Thêm đơn vị'} okText={unit ? 'Lưu' : 'Thêm'} cancelText="Hủy" onOk={() => form.submit()} okButtonProps={{ loading: action.busy }} onCancel={onClose}>
      <ErrorAlert error={action.error} />
      <Form<UnitValues>
        form={form}
        layout="vertical"
        onFinish={(v) => void finish(v)}
        initialValues={unit ? { kind: unit.kind, code: unit.code, name: unit.name, placeName: unit.placeName ?? undefined } : { kind: 'department', parentId: parent?.id }}
      >
        {!unit && (
          <>
            <Form.Item label="Loại đơn vị" name="kind">
              <Radio.Group options={[{ value: 'department', label: 'Phòng, ban' }, { value: 'agency', label: 'Cơ quan trực thuộc' }]} />
            </Form.Item>
            <Form.Item label="Trực thuộc" name="parentId" rules={[{ required: true, message: 'Chọn đơn vị cấp trên' }]}>
              <UnitPicker />
            </Form.Item>
          </>
        )}
        <Form.Item label="Tên đơn vị" name="name" rules={[{ required: true, whitespace: true, max: 200, message: 'Nhập tên đơn vị (tối đa 200 ký tự)' }]}>
          <Input placeholder="Phòng Giáo dục Trung học" />
        </Form.Item>
        <Form.Item
          label="Mã đơn vị"
          name="code"
          extra="Chữ cái, chữ số, dấu chấm, gạch dưới, gạch ngang; dùng làm hộp thư của đơn vị"
          rules={[
            { required: true, max: 20, message: 'Nhập mã (tối đa 20 ký tự)' },
            { pattern: CODE_PATTERN, message: 'Mã chỉ gồm chữ cái, chữ số, . _ -' },
          ]}
        >
          <Input placeholder="GDTRH" />
        </Form.Item>
        {kind === 'agency' && (
          <Form.Item label="Địa danh" name="placeName" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]} extra="Ghi ở dòng ngày tháng của văn bản cơ quan ban hành">
            <Input placeholder="Tây Ninh" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

/** Người đứng đầu: one of the unit's own people, or nobody. */
export function UnitHeadDialog({ unit, onClose }: { unit: Unit; onClose: () => void }) {
  const [headId, setHeadId] = useState<string | null>(unit.headUserId);
  const members = usePeople({ unitId: unit.id, active: true, page: 1, pageSize: 200 });
  const action = useAdminAction('Đã cập nhật người đứng đầu', { refresh: useRefreshPeople() });
  const save = async () => (await action.run(() => peopleCalls.setHead(unit.id, headId))) && onClose();
  return (
    <Modal open title={`Người đứng đầu: ${unit.name}`} okText="Lưu" cancelText="Hủy" onOk={() => void save()} okButtonProps={{ loading: action.busy }} onCancel={onClose}>
      <ErrorAlert error={action.error ?? members.error} />
      <Form layout="vertical">
        <Form.Item label="Người đứng đầu" htmlFor="unit-head">
          <Select
            id="unit-head"
            allowClear
            value={headId ?? undefined}
            onChange={(v?: string) => setHeadId(v ?? null)}
            loading={members.isFetching}
            placeholder="Để trống: chưa có người đứng đầu"
            options={(members.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.fullName}${p.position ? ` — ${p.position}` : ''}` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
