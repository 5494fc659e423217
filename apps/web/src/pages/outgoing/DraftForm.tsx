// The draft's file and metadata (CreateOutgoingDto): type, subject, recipients — agencies of this
// installation, agencies of the directory (by e-mail, else on paper), organisations by e-mail —
// urgency, confidentiality, the signer; a reply names the incoming document it answers.
import { Alert, Button, Checkbox, Col, DatePicker, Form, Input, Row, Select, Space, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { agencyRecipient, type Agency } from '../../api/agencies';
import { DRAFT_EXTENSIONS, type DraftMetadata } from '../../api/outgoing';
import { AgencyPicker } from '../../components/AgencyPicker';
import { MAX_UPLOAD_BYTES } from '../../api/upload';
import { CONFIDENTIALITY_LABELS, DOCUMENT_TYPES, options, URGENCY_LABELS } from '../../components/labels';
import { PersonPicker } from '../../components/PersonPicker';
import { UnitPicker } from '../../components/UnitPicker';
import { DATE_FORMAT, dayjs, toCalendarDate } from '../../dates';


interface Values extends Omit<DraftMetadata, 'recipients' | 'validUntil'> {
  validUntil?: Dayjs;
  unitIds?: string[];
  agencies?: Agency[];
  external?: { name: string; email: string }[];
  paper?: { name: string }[];
}

/** Refused in the browser before any byte is sent: not a PDF or office file, empty, or over the API's limit. */
export function draftProblem(file: File): string | undefined {
  const name = file.name.toLowerCase();
  if (!DRAFT_EXTENSIONS.some((ext) => name.endsWith(ext))) return 'Chỉ nhận tệp PDF, Word (.docx, .doc) hoặc OpenDocument (.odt).';
  if (file.size === 0) return 'Tệp rỗng.';
  if (file.size > MAX_UPLOAD_BYTES) return `Tệp lớn hơn ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`;
  return undefined;
}

/** The file picker of a draft or of a new version, with the browser-side check. */
export function DraftFileItem({ file, error, onFile }: { file?: File; error?: string; onFile: (file: File | undefined, error?: string) => void }) {
  return (
    <Form.Item label="Tệp dự thảo (PDF, Word, ODT)" required validateStatus={error ? 'error' : undefined} help={error}>
      <Upload
        accept={DRAFT_EXTENSIONS.join(',')}
        maxCount={1}
        fileList={file ? [{ uid: 'draft', name: file.name, status: 'done' }] : []}
        beforeUpload={(picked) => {
          const problem = draftProblem(picked);
          onFile(problem ? undefined : picked, problem);
          return problem ? Upload.LIST_IGNORE : false;
        }}
        onRemove={() => onFile(undefined)}
      >
        <Button>Chọn tệp dự thảo</Button>
      </Upload>
    </Form.Item>
  );
}

/** Thời gian hiệu lực of a draft: it will be dated the day it is issued, so no day before today (the API refuses one too). */
export function ValidUntilItem() {
  return (
    <Form.Item label="Hiệu lực đến ngày" name="validUntil" tooltip="Khi văn bản có quy định thời gian hiệu lực: người soạn thảo và văn thư được nhắc trước khi hết hiệu lực">
      <DatePicker format={DATE_FORMAT} style={{ width: 220 }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
    </Form.Item>
  );
}

export function DraftForm({ busy, replyTo, onSubmit }: { busy: boolean; replyTo?: string; onSubmit: (metadata: DraftMetadata, draft: File) => Promise<void> }) {
  const [draft, setDraft] = useState<File>();
  const [fileError, setFileError] = useState<string>();
  const finish = (values: Values) => {
    if (!draft) {
      setFileError('Chọn tệp dự thảo.');
      return;
    }
    const { unitIds = [], agencies = [], external = [], paper = [], signingTitle, closesIncoming, validUntil, ...rest } = values;
    const fromDirectory = agencies.map((a) => agencyRecipient(a, rest.confidentiality !== 'normal'));
    const recipients = {
      unitIds,
      external: [...external, ...fromDirectory.flatMap((r) => (r.kind === 'external' ? [{ name: r.name, email: r.email }] : []))],
      paper: [...paper, ...fromDirectory.flatMap((r) => (r.kind === 'paper' ? [{ name: r.name }] : []))],
    };
    const reply = replyTo ? { replyToIncomingId: replyTo, closesIncoming: closesIncoming === true } : {};
    const until = validUntil ? { validUntil: toCalendarDate(validUntil) } : {};
    void onSubmit({ ...rest, ...reply, ...until, signingTitle: signingTitle?.trim() || undefined, recipients }, draft);
  };
  return (
    <Form<Values> layout="vertical" onFinish={finish} initialValues={{ urgency: 'normal', confidentiality: 'normal', documentType: 'Công văn', unitIds: [] }}>
      <DraftFileItem file={draft} error={fileError} onFile={(file, error) => (setDraft(file), setFileError(error))} />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <Form.Item label="Loại văn bản" name="documentType" rules={[{ required: true, max: 100, message: 'Chọn loại văn bản' }]}>
            <Select options={DOCUMENT_TYPES.map((t) => ({ value: t, label: t }))} showSearch />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Độ khẩn" name="urgency">
            <Select options={options(URGENCY_LABELS)} />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item label="Độ mật" name="confidentiality">
            <Select options={options(CONFIDENTIALITY_LABELS)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="Trích yếu" name="subject" rules={[{ required: true, whitespace: true, max: 1000, message: 'Nhập trích yếu' }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      {replyTo && (
        <>
          <Alert type="info" showIcon title="Văn bản này trả lời một văn bản đến." style={{ marginBottom: 16 }} />
          <Form.Item name="closesIncoming" valuePropName="checked">
            <Checkbox>Kết thúc văn bản đến khi gửi văn bản trả lời này</Checkbox>
          </Form.Item>
        </>
      )}
      <Form.Item label="Nơi nhận trong hệ thống" name="unitIds">
        <UnitPicker multiple />
      </Form.Item>
      <Form.Item label="Nơi nhận trong danh bạ cơ quan" name="agencies" extra="Cơ quan có địa chỉ thư nhận qua thư điện tử, cơ quan khác nhận bản giấy; văn bản mật luôn gửi bản giấy.">
        <AgencyPicker />
      </Form.Item>
      <Form.List name="external">
        {(fields, { add, remove }) => (
          <Form.Item label="Nơi nhận qua thư điện tử">
            {fields.map((field) => (
              <Space key={field.key} align="baseline" wrap>
                <Form.Item name={[field.name, 'name']} rules={[{ required: true, whitespace: true, max: 200, message: 'Nhập tên cơ quan' }]}>
                  <Input placeholder="Tên cơ quan" aria-label="Tên cơ quan nhận" />
                </Form.Item>
                <Form.Item name={[field.name, 'email']} rules={[{ required: true, type: 'email', message: 'Địa chỉ thư không hợp lệ' }]}>
                  <Input placeholder="vanthu@coquan.gov.vn" aria-label="Thư điện tử của cơ quan nhận" />
                </Form.Item>
                <Button onClick={() => remove(field.name)}>Bỏ</Button>
              </Space>
            ))}
            <Button onClick={() => add()}>Thêm nơi nhận qua thư</Button>
          </Form.Item>
        )}
      </Form.List>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label="Người ký" name="signerId" rules={[{ required: true, message: 'Chọn lãnh đạo ký' }]}>
            <PersonPicker placeholder="Gõ tên lãnh đạo ký" />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label="Quyền hạn, chức vụ người ký" name="signingTitle" rules={[{ max: 100, message: 'Tối đa 100 ký tự' }]}>
            <Input placeholder="KT. GIÁM ĐỐC" />
          </Form.Item>
        </Col>
      </Row>
      <ValidUntilItem />
      <Button type="primary" htmlType="submit" loading={busy}>
        Tạo dự thảo
      </Button>
    </Form>
  );
}
