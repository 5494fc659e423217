// The fields of an incoming document's header (số và ký hiệu, ngày, loại, cơ quan ban hành, trích
// yếu, độ khẩn, độ mật, hạn xử lý, hiệu lực): one definition for the register form and the intake's
// "vào sổ" dialog, so a rule or a label changes in one place. The limits are the API's.
import { DatePicker, Form, Input, Select } from 'antd';
import type { CSSProperties } from 'react';
import type { Dayjs } from 'dayjs';
import { CONFIDENTIALITY_LABELS, DOCUMENT_TYPES, options, URGENCY_LABELS } from '../../components/labels';
import { DATE_FORMAT, dayjs } from '../../dates';

const FULL_WIDTH: CSSProperties = { width: '100%' };

/** A date field that may not fall before another of the form (the API refuses it too: 400 VALIDATION_FAILED). */
export function notBefore(other: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator(_: unknown, value: Dayjs | undefined) {
      const start = getFieldValue(other) as Dayjs | undefined;
      return value && start && value.isBefore(start, 'day') ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });
}

export function NumberSymbolField({ placeholder }: { placeholder?: string }) {
  return (
    <Form.Item label="Số, ký hiệu" name="sourceNumberSymbol" rules={[{ required: true, whitespace: true, max: 50, message: 'Nhập số, ký hiệu (tối đa 50 ký tự)' }]}>
      <Input placeholder={placeholder} />
    </Form.Item>
  );
}

export function SourceDateField() {
  return (
    <Form.Item label="Ngày văn bản" name="sourceDate" rules={[{ required: true, message: 'Chọn ngày văn bản' }]}>
      <DatePicker format={DATE_FORMAT} style={FULL_WIDTH} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
    </Form.Item>
  );
}

export function DocumentTypeField() {
  return (
    <Form.Item label="Loại văn bản" name="documentType" rules={[{ required: true, max: 100, message: 'Chọn loại văn bản' }]}>
      <Select options={DOCUMENT_TYPES.map((t) => ({ value: t, label: t }))} showSearch />
    </Form.Item>
  );
}

export function IssuingAuthorityField({ placeholder }: { placeholder?: string }) {
  return (
    <Form.Item label="Cơ quan ban hành" name="issuingAuthority" rules={[{ required: true, whitespace: true, max: 200, message: 'Nhập cơ quan ban hành' }]}>
      <Input placeholder={placeholder} />
    </Form.Item>
  );
}

export function SubjectField() {
  return (
    <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, whitespace: true, max: 1000, message: 'Nhập trích yếu' }]}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );
}

export function UrgencyField() {
  return (
    <Form.Item label="Độ khẩn" name="urgency">
      <Select options={options(URGENCY_LABELS)} />
    </Form.Item>
  );
}

export function ConfidentialityField() {
  return (
    <Form.Item label="Độ mật" name="confidentiality">
      <Select options={options(CONFIDENTIALITY_LABELS)} />
    </Form.Item>
  );
}

export function DueDateField() {
  return (
    <Form.Item label="Hạn xử lý" name="dueDate">
      <DatePicker format={DATE_FORMAT} style={FULL_WIDTH} />
    </Form.Item>
  );
}

/** Thời gian hiệu lực: not before the document's date. */
export function ValidUntilField({ style = FULL_WIDTH }: { style?: CSSProperties }) {
  return (
    <Form.Item
      label="Hiệu lực đến ngày"
      name="validUntil"
      tooltip="Thời gian hiệu lực, khi văn bản có quy định: người xử lý được nhắc trước khi hết hiệu lực"
      dependencies={['sourceDate']}
      rules={[notBefore('sourceDate', 'Ngày hết hiệu lực không được trước ngày văn bản')]}
    >
      <DatePicker format={DATE_FORMAT} style={style} />
    </Form.Item>
  );
}
