// Vào sổ từ văn bản chờ (POST /intake/:id/register): the proposal fills the form, the clerk corrects
// or completes it, one call registers it and gives the number. Only what differs from the proposal
// or was not proposed is sent (the API keeps the rest and records the corrections).
import { Col, DatePicker, Form, Input, Modal, Row, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { registerIntake, type IntakeItem, type IntakeRegisterInput } from '../../api/intake';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CONFIDENTIALITY_LABELS, options, URGENCY_LABELS } from '../../components/labels';
import { DATE_FORMAT, dayjs, toCalendarDate } from '../../dates';
import { notBefore } from '../incoming/RegisterForm';
import { useState } from 'react';

const DOCUMENT_TYPES = ['Công văn', 'Quyết định', 'Thông báo', 'Kế hoạch', 'Báo cáo', 'Tờ trình', 'Giấy mời', 'Chỉ thị', 'Hướng dẫn'];

interface Values {
  sourceNumberSymbol: string;
  sourceDate: Dayjs;
  issuingAuthority: string;
  documentType: string;
  subject: string;
  urgency: NonNullable<IntakeRegisterInput['urgency']>;
  confidentiality: NonNullable<IntakeRegisterInput['confidentiality']>;
  dueDate?: Dayjs;
  validUntil?: Dayjs;
}

export function IntakeRegisterDialog({ item, onClose, onRegistered }: { item: IntakeItem; onClose: () => void; onRegistered: (number: number, documentId: string) => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const p = item.proposal;
  const finish = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const done = await registerIntake(item.id, {
        sourceNumberSymbol: v.sourceNumberSymbol.trim(),
        sourceDate: toCalendarDate(v.sourceDate),
        issuingAuthority: v.issuingAuthority.trim(),
        documentType: v.documentType,
        subject: v.subject.trim(),
        urgency: v.urgency,
        confidentiality: v.confidentiality,
        dueDate: v.dueDate ? toCalendarDate(v.dueDate) : undefined,
        validUntil: v.validUntil ? toCalendarDate(v.validUntil) : undefined,
      });
      onRegistered(done.registration.incomingNumber, done.registration.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open title={`Vào sổ: ${item.title ?? 'văn bản chờ'}`} okText="Vào sổ" cancelText="Đóng" confirmLoading={busy} onOk={() => form.submit()} onCancel={onClose} width={720}>
      <ErrorAlert error={error} />
      <Form<Values>
        form={form}
        name="intake-register"
        layout="vertical"
        onFinish={(v) => void finish(v)}
        initialValues={{
          sourceNumberSymbol: p.sourceNumberSymbol,
          sourceDate: p.sourceDate ? dayjs(p.sourceDate) : undefined,
          issuingAuthority: p.issuingAuthority,
          documentType: p.documentType ?? 'Công văn',
          subject: p.subject,
          urgency: p.urgency ?? 'normal',
          confidentiality: p.confidentiality ?? 'normal',
        }}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item label="Số, ký hiệu" name="sourceNumberSymbol" rules={[{ required: true, whitespace: true, max: 50, message: 'Nhập số, ký hiệu (tối đa 50 ký tự)' }]}>
              <Input />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label="Ngày văn bản" name="sourceDate" rules={[{ required: true, message: 'Chọn ngày văn bản' }]}>
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="Cơ quan ban hành" name="issuingAuthority" rules={[{ required: true, whitespace: true, max: 200, message: 'Nhập cơ quan ban hành' }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, whitespace: true, max: 1000, message: 'Nhập trích yếu' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <Form.Item label="Loại văn bản" name="documentType" rules={[{ required: true, message: 'Chọn loại văn bản' }]}>
              <Select options={DOCUMENT_TYPES.map((t) => ({ value: t, label: t }))} showSearch />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="Độ khẩn" name="urgency">
              <Select options={options(URGENCY_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="Độ mật" name="confidentiality">
              <Select options={options(CONFIDENTIALITY_LABELS)} />
            </Form.Item>
          </Col>
          <Col xs={24} md={6}>
            <Form.Item label="Hạn xử lý" name="dueDate">
              <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          label="Hiệu lực đến ngày"
          name="validUntil"
          dependencies={['sourceDate']}
          rules={[notBefore('sourceDate', 'Ngày hết hiệu lực không được trước ngày văn bản')]}
        >
          <DatePicker format={DATE_FORMAT} style={{ width: 220 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
