// Vào sổ từ văn bản chờ (POST /intake/:id/register): the proposal fills the form, the clerk corrects
// or completes it, one call registers it and gives the number. Only what differs from the proposal
// or was not proposed is sent (the API keeps the rest and records the corrections).
import { Col, Form, Modal, Row } from 'antd';
import type { Dayjs } from 'dayjs';
import { registerIntake, type IntakeItem, type IntakeRegisterInput } from '../../api/intake';
import { ErrorAlert } from '../../components/ErrorAlert';
import { dayjs, toCalendarDate } from '../../dates';
import { ConfidentialityField, DocumentTypeField, DueDateField, IssuingAuthorityField, NumberSymbolField, SourceDateField, SubjectField, UrgencyField, ValidUntilField } from '../incoming/header-fields';
import { useState } from 'react';

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
            <NumberSymbolField />
          </Col>
          <Col xs={24} md={12}>
            <SourceDateField />
          </Col>
        </Row>
        <IssuingAuthorityField />
        <SubjectField />
        <Row gutter={16}>
          <Col xs={24} md={6}>
            <DocumentTypeField />
          </Col>
          <Col xs={24} md={6}>
            <UrgencyField />
          </Col>
          <Col xs={24} md={6}>
            <ConfidentialityField />
          </Col>
          <Col xs={24} md={6}>
            <DueDateField />
          </Col>
        </Row>
        <ValidUntilField style={{ width: 220 }} />
      </Form>
    </Modal>
  );
}
