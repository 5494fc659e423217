// Mở hồ sơ ngoài danh mục (POST /records): notation, title and retention (permanent or a number of
// years); the unit is the opener's and the year this one, as the API defaults them.
import { Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useState } from 'react';
import { openRecord, type RecordSummary } from '../../api/records';
import { ErrorAlert } from '../../components/ErrorAlert';

interface Values {
  notation: string;
  title: string;
  retentionKind: 'permanent' | 'years';
  retentionYears?: number;
  description?: string;
}

export function OpenRecordDialog({ onClose, onOpened }: { onClose: () => void; onOpened: (record: RecordSummary) => void }) {
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('retentionKind', form) ?? 'years';
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const finish = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      onOpened(
        await openRecord({
          notation: v.notation.trim(),
          title: v.title.trim(),
          includeDrafts: false,
          ...(v.retentionKind === 'permanent' ? { permanent: true } : { retentionYears: v.retentionYears }),
          description: v.description?.trim() || undefined,
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title="Mở hồ sơ" okText="Mở hồ sơ" cancelText="Đóng" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose}>
      <ErrorAlert error={error} />
      <Form<Values> form={form} name="open-record" layout="vertical" onFinish={(v) => void finish(v)} initialValues={{ retentionKind: 'years', retentionYears: 10 }}>
        <Form.Item
          label="Ký hiệu hồ sơ"
          name="notation"
          rules={[{ required: true, whitespace: true, max: 30, pattern: /^[\p{L}\p{N}]+([./-][\p{L}\p{N}]+)*$/u, message: 'Chữ và số, nối bằng . - / (tối đa 30 ký tự)' }]}
        >
          <Input placeholder="15.GDTRH" />
        </Form.Item>
        <Form.Item label="Tiêu đề hồ sơ" name="title" rules={[{ required: true, whitespace: true, max: 500, message: 'Nhập tiêu đề (tối đa 500 ký tự)' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Thời hạn bảo quản" name="retentionKind">
          <Radio.Group options={[{ value: 'years', label: 'Số năm' }, { value: 'permanent', label: 'Vĩnh viễn' }]} />
        </Form.Item>
        {kind === 'years' && (
          <Form.Item label="Số năm bảo quản" name="retentionYears" rules={[{ required: true, type: 'integer', min: 1, max: 100, message: 'Từ 1 đến 100 năm' }]}>
            <InputNumber min={1} max={100} precision={0} />
          </Form.Item>
        )}
        <Form.Item label="Mô tả" name="description" rules={[{ max: 2000 }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
