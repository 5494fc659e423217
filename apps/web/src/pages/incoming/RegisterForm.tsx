import { Button, Col, DatePicker, Form, Input, InputNumber, Radio, Row, Select, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ScanResult } from '../../api/scans';
import { MAX_UPLOAD_BYTES, type RegisterMetadata } from '../../api/upload';
import { CONFIDENTIALITY_LABELS, options, RECEIVED_VIA_LABELS, URGENCY_LABELS } from '../../components/labels';
import { DATE_FORMAT, dayjs, toCalendarDate } from '../../dates';
import { ScanPanel } from './scan/ScanPanel';

const DOCUMENT_TYPES = ['Công văn', 'Quyết định', 'Thông báo', 'Kế hoạch', 'Báo cáo', 'Tờ trình', 'Giấy mời', 'Chỉ thị', 'Hướng dẫn'];

interface Values extends Omit<RegisterMetadata, 'sourceDate' | 'dueDate' | 'validUntil'> {
  sourceDate: Dayjs;
  dueDate?: Dayjs;
  validUntil?: Dayjs;
}

/** A date field that may not fall before another of the form (the API refuses it too: 400 VALIDATION_FAILED). */
export function notBefore(other: string, message: string) {
  return ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator(_: unknown, value: Dayjs | undefined) {
      const start = getFieldValue(other) as Dayjs | undefined;
      return value && start && value.isBefore(start, 'day') ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });
}

/** Refused in the browser, before any byte is sent: not a PDF, empty, or over the API's limit. */
export function scanProblem(file: File): string | undefined {
  if (file.type !== 'application/pdf' && !file.name.toLowerCase().endsWith('.pdf')) return 'Chỉ nhận tệp PDF.';
  if (file.size === 0) return 'Tệp rỗng.';
  if (file.size > MAX_UPLOAD_BYTES) return `Tệp lớn hơn ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
  return undefined;
}

export function RegisterForm({ busy, onSubmit }: { busy: boolean; onSubmit: (metadata: RegisterMetadata, scan: File | undefined) => Promise<void> }) {
  const [form] = Form.useForm<Values>();
  const [source, setSource] = useState<'file' | 'scan'>('file');
  const [scan, setScan] = useState<File>();
  const [scanned, setScanned] = useState<ScanResult>();
  const [scanError, setScanError] = useState<string>();
  const finish = (values: Values) => {
    if (source === 'file' && !scan) return setScanError('Chọn tệp PDF của văn bản.');
    if (source === 'scan' && !scanned) return setScanError('Số hóa các trang trước khi vào sổ.');
    const { sourceDate, dueDate, validUntil, ...rest } = values;
    const metadata = {
      ...rest,
      sourceDate: toCalendarDate(sourceDate),
      dueDate: dueDate ? toCalendarDate(dueDate) : undefined,
      validUntil: validUntil ? toCalendarDate(validUntil) : undefined,
    };
    void (source === 'scan' ? onSubmit({ ...metadata, scanFileId: scanned!.fileId }, undefined) : onSubmit(metadata, scan));
  };
  const useScan = (result: ScanResult | undefined) => {
    setScanned(result);
    if (result) {
      setScanError(undefined);
      if (result.pageCount > 0) form.setFieldValue('pageCount', result.pageCount);
    }
  };
  return (
    <Form<Values> form={form} layout="vertical" onFinish={finish} initialValues={{ urgency: 'normal', confidentiality: 'normal', receivedVia: 'paper', documentType: 'Công văn' }}>
      <Form.Item label="Tệp văn bản">
        <Radio.Group
          value={source}
          onChange={(e) => (setSource(e.target.value as 'file' | 'scan'), setScanError(undefined))}
          options={[{ value: 'file', label: 'Tải tệp PDF' }, { value: 'scan', label: 'Số hóa từ ảnh các trang' }]}
        />
      </Form.Item>
      {source === 'scan' ? (
        <>
          <ScanPanel onScanned={useScan} />
          {scanError && <Typography.Text type="danger" role="alert">{scanError}</Typography.Text>}
        </>
      ) : (
        <Form.Item label="Tệp văn bản (PDF)" required validateStatus={scanError ? 'error' : undefined} help={scanError}>
          <Upload
            accept="application/pdf,.pdf"
            maxCount={1}
            beforeUpload={(file) => {
              const problem = scanProblem(file);
              setScanError(problem);
              setScan(problem ? undefined : file);
              return problem ? Upload.LIST_IGNORE : false;
            }}
            onRemove={() => setScan(undefined)}
          >
            <Button>Chọn tệp PDF</Button>
          </Upload>
        </Form.Item>
      )}
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Số, ký hiệu" name="sourceNumberSymbol" rules={[{ required: true, whitespace: true, max: 50, message: 'Nhập số, ký hiệu (tối đa 50 ký tự)' }]}>
            <Input placeholder="125/UBND-VX" />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Ngày văn bản" name="sourceDate" rules={[{ required: true, message: 'Chọn ngày văn bản' }]}>
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} disabledDate={(d) => d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Loại văn bản" name="documentType" rules={[{ required: true, max: 100, message: 'Chọn loại văn bản' }]}>
            <Select options={DOCUMENT_TYPES.map((t) => ({ value: t, label: t }))} showSearch />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Cơ quan ban hành" name="issuingAuthority" rules={[{ required: true, whitespace: true, max: 200, message: 'Nhập cơ quan ban hành' }]}>
        <Input placeholder="UBND tỉnh Tây Ninh" />
      </Form.Item>
      <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, whitespace: true, max: 1000, message: 'Nhập trích yếu' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Row gutter={16}>
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
          <Form.Item label="Hình thức nhận" name="receivedVia">
            <Select options={options(RECEIVED_VIA_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="Hạn xử lý" name="dueDate">
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label="Số trang" name="pageCount">
            <InputNumber min={1} max={10000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <Form.Item
            label="Hiệu lực đến ngày"
            name="validUntil"
            tooltip="Thời gian hiệu lực, khi văn bản có quy định: người xử lý được nhắc trước khi hết hiệu lực"
            dependencies={['sourceDate']}
            rules={[notBefore('sourceDate', 'Ngày hết hiệu lực không được trước ngày văn bản')]}
          >
            <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>
        Vào sổ
      </Button>
    </Form>
  );
}
