// Sổ văn bản: the registers of the administrator's agency (each with its own yearly number series)
// and opening a new one for an agency, e.g. a separate series for an advisory body. The API offers no
// change or closing of a register, so neither does the page.
import { Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { openRegister, useRefreshBooks, useRegisters, type OpenRegister, type Register } from '../../api/books';
import { useUnits } from '../../api/directory';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CONFIDENTIAL_COLOR } from '../../components/labels';
import { useAdminAction } from './useAdminAction';
import { EmptyText } from '../../components/EmptyText';

const KIND_LABELS: Record<Register['kind'], string> = { incoming: 'Văn bản đến', outgoing: 'Văn bản đi' };

export function RegistersPage() {
  const registers = useRegisters();
  const units = useUnits();
  const [opening, setOpening] = useState(false);
  const agencyName = (id: string) => units.data?.items.find((u) => u.id === id)?.name ?? '';
  return (
    <>
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          Sổ văn bản
        </Typography.Title>
        <Button type="primary" onClick={() => setOpening(true)}>
          Mở sổ mới
        </Button>
      </Space>
      <Typography.Paragraph>Các sổ đăng ký của cơ quan bạn; mỗi sổ có dãy số riêng, bắt đầu lại từ số 1 mỗi năm.</Typography.Paragraph>
      <ErrorAlert error={registers.error} />
      <Table<Register>
        rowKey="id"
        loading={registers.isFetching && !registers.data}
        dataSource={registers.data}
        pagination={false}
        locale={{ emptyText: <EmptyText>{'Chưa có sổ nào'}</EmptyText> }}
        columns={[
          { title: 'Mã sổ', dataIndex: 'code' },
          { title: 'Tên sổ', dataIndex: 'name' },
          { title: 'Loại', key: 'kind', render: (_, r) => KIND_LABELS[r.kind] },
          { title: 'Cơ quan', key: 'agency', render: (_, r) => agencyName(r.agencyId) },
          { title: 'Độ mật', key: 'confidential', render: (_, r) => (r.confidential ? <Tag color={CONFIDENTIAL_COLOR}>Mật</Tag> : 'Thường') },
          { title: 'Trạng thái', key: 'active', render: (_, r) => (r.active ? 'Đang dùng' : 'Ngừng dùng') },
        ]}
      />
      {opening && <OpenRegisterDialog onClose={() => setOpening(false)} />}
    </>
  );
}

const FIELDS = ['agencyId', 'kind', 'code', 'name', 'confidential'] as const;

function OpenRegisterDialog({ onClose }: { onClose: () => void }) {
  const [form] = Form.useForm<OpenRegister>();
  const units = useUnits();
  const action = useAdminAction('Đã mở sổ mới', { form, fields: FIELDS, refresh: useRefreshBooks() });
  const agencies = (units.data?.items ?? []).filter((u) => u.kind === 'agency');
  const finish = async (v: OpenRegister) => (await action.run(() => openRegister({ ...v, code: v.code.trim(), name: v.name.trim() }))) && onClose();
  return (
    <Modal open title="Mở sổ văn bản mới" okText="Mở sổ" cancelText="Hủy" onOk={() => form.submit()} okButtonProps={{ loading: action.busy }} onCancel={onClose}>
      <ErrorAlert error={action.error} />
      <Form<OpenRegister> form={form} layout="vertical" initialValues={{ kind: 'incoming', confidential: false }} onFinish={(v) => void finish(v)}>
        <Form.Item label="Cơ quan" name="agencyId" rules={[{ required: true, message: 'Chọn cơ quan' }]}>
          <Select loading={units.isFetching} options={agencies.map((a) => ({ value: a.id, label: a.name }))} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item label="Loại sổ" name="kind">
          <Radio.Group options={Object.entries(KIND_LABELS).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item label="Mã sổ" name="code" rules={[{ required: true, whitespace: true, max: 20, message: 'Nhập mã sổ (tối đa 20 ký tự)' }]}>
          <Input placeholder="DEN-HD" />
        </Form.Item>
        <Form.Item label="Tên sổ" name="name" rules={[{ required: true, whitespace: true, max: 200, message: 'Nhập tên sổ (tối đa 200 ký tự)' }]}>
          <Input placeholder="Sổ văn bản đến của Hội đồng thi đua" />
        </Form.Item>
        <Form.Item name="confidential" valuePropName="checked">
          <Checkbox>Sổ văn bản mật</Checkbox>
        </Form.Item>
      </Form>
    </Modal>
  );
}
