// Một văn bản đến: its metadata, the PDF, what happened to it, and what this person may do next.
// A document the person may not see is a 404 from the API, shown as "not found / no access".
import { Card, Col, Descriptions, Row, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useIncoming } from '../../api/incoming';
import { ApiError } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CONFIDENTIAL_COLOR, CONFIDENTIALITY_LABELS, RECEIVED_VIA_LABELS, STATUS_COLORS, STATUS_LABELS, URGENCY_LABELS } from '../../components/labels';
import { storedFileUrl } from '../../api/upload';
import { PdfViewer } from '../../components/PdfViewer';
import { formatDate, formatDateTime } from '../../dates';
import { NotFoundPage } from '../NotFoundPage';
import { IncomingActions } from './actions/IncomingActions';
import { IncomingTimeline } from './IncomingTimeline';

export function IncomingDetailPage() {
  const { id = '' } = useParams();
  const doc = useIncoming(id);
  if (doc.error instanceof ApiError && (doc.error.status === 404 || doc.error.code === 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (doc.error) return <ErrorAlert error={doc.error} />;
  if (!doc.data) return <Spin />;
  const d = doc.data;
  return (
    <>
      <Typography.Title level={1} style={{ fontSize: 22 }}>
        {d.confidentiality !== 'normal' && <Tag color={CONFIDENTIAL_COLOR}>{CONFIDENTIALITY_LABELS[d.confidentiality]}</Tag>}
        {d.subject}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card title="Thông tin văn bản" size="small">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label="Số đến">
                <span data-testid="detail-number">{d.incomingNumber}</span>/{d.year}
              </Descriptions.Item>
              <Descriptions.Item label="Trạng thái">
                <Tag color={STATUS_COLORS[d.status]} data-testid="detail-status">{STATUS_LABELS[d.status]}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label="Số, ký hiệu">{d.sourceNumberSymbol}</Descriptions.Item>
              <Descriptions.Item label="Ngày văn bản">{formatDate(d.sourceDate)}</Descriptions.Item>
              <Descriptions.Item label="Cơ quan ban hành">{d.issuingAuthority}</Descriptions.Item>
              <Descriptions.Item label="Loại văn bản">{d.documentType}</Descriptions.Item>
              <Descriptions.Item label="Ngày đến">{formatDateTime(d.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="Hình thức nhận">{RECEIVED_VIA_LABELS[d.receivedVia]}</Descriptions.Item>
              <Descriptions.Item label="Độ khẩn">{URGENCY_LABELS[d.urgency]}</Descriptions.Item>
              <Descriptions.Item label="Hạn xử lý">{formatDate(d.dueDate) || '—'}</Descriptions.Item>
              {d.instruction && <Descriptions.Item label="Ý kiến chỉ đạo" span={2}>{d.instruction}</Descriptions.Item>}
              {d.resultNote && <Descriptions.Item label="Kết quả" span={2}>{d.resultNote}</Descriptions.Item>}
            </Descriptions>
          </Card>
          <Card title="Xử lý" size="small" style={{ marginTop: 16 }}>
            <IncomingActions document={d} />
          </Card>
          <Card title="Quá trình xử lý" size="small" style={{ marginTop: 16 }}>
            <IncomingTimeline events={d.timeline} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="Tệp văn bản" size="small">
            <PdfViewer url={storedFileUrl(d.scanFileId)} title={`Tệp văn bản số đến ${d.incomingNumber}`} />
          </Card>
        </Col>
      </Row>
    </>
  );
}
