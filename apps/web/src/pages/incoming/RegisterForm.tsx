import { Button, Col, Form, InputNumber, Radio, Row, Select, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ScanResult } from '../../api/scans';
import { MAX_UPLOAD_BYTES, type RegisterMetadata } from '../../api/upload';
import { options, RECEIVED_VIA_LABELS } from '../../components/labels';
import { toCalendarDate } from '../../dates';
import { ConfidentialityField, DocumentTypeField, DueDateField, IssuingAuthorityField, NumberSymbolField, SourceDateField, SubjectField, UrgencyField, ValidUntilField } from './header-fields';
import { ScanPanel } from './scan/ScanPanel';

interface Values extends Omit<RegisterMetadata, 'sourceDate' | 'dueDate' | 'validUntil'> {
  sourceDate: Dayjs;
  dueDate?: Dayjs;
  validUntil?: Dayjs;
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
          <NumberSymbolField placeholder="125/UBND-VX" />
        </Col>
        <Col xs={24} md={8}>
          <SourceDateField />
        </Col>
        <Col xs={24} md={8}>
          <DocumentTypeField />
        </Col>
      </Row>
      <IssuingAuthorityField placeholder="UBND tỉnh Tây Ninh" />
      <SubjectField />
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <UrgencyField />
        </Col>
        <Col xs={24} md={6}>
          <ConfidentialityField />
        </Col>
        <Col xs={24} md={6}>
          <Form.Item label="Hình thức nhận" name="receivedVia">
            <Select options={options(RECEIVED_VIA_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <DueDateField />
        </Col>
      </Row>
      <Row gutter={16}>
        <Col xs={24} md={6}>
          <Form.Item label="Số trang" name="pageCount">
            <InputNumber min={1} max={10000} />
          </Form.Item>
        </Col>
        <Col xs={24} md={6}>
          <ValidUntilField />
        </Col>
      </Row>
      <Button type="primary" htmlType="submit" loading={busy}>
        Vào sổ
      </Button>
    </Form>
  );
}
