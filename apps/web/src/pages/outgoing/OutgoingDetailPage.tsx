// Một văn bản đi: metadata, the current PDF (the draft, then signed, then issued with number and seal),
// recipients with the state of each copy, versions, the timeline, and what this person may do next.
// A document the person may not see is the API's 404, shown as "not found".
import { Card, Col, Descriptions, Row, Spin, Tag, Typography } from 'antd';
import { useParams } from 'react-router';
import { useOutgoing } from '../../api/outgoing';
import { ApiError } from '../../api/problem';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CONFIDENTIAL_COLOR, CONFIDENTIALITY_LABELS, URGENCY_LABELS } from '../../components/labels';
import { OUTGOING_STATUS_COLORS, OUTGOING_STATUS_LABELS, REVIEW_STAGE_LABELS } from '../../components/outgoing-labels';
import { PdfViewer } from '../../components/PdfViewer';
import { formatDate, formatDateTime } from '../../dates';
import { NotFoundPage } from '../NotFoundPage';
import { OutgoingActions } from './actions/OutgoingActions';
import { OutgoingTimeline, OutgoingVersions } from './OutgoingHistory';
import { OutgoingRecipients } from './OutgoingRecipients';

export function OutgoingDetailPage() {
  const { id = '' } = useParams();
  const doc = useOutgoing(id);
  if (doc.error instanceof ApiError && (doc.error.status === 404 || doc.error.code === 'VALIDATION_FAILED')) return <NotFoundPage />;
  if (doc.error) return <ErrorAlert error={doc.error} />;
  if (!doc.data) return <Spin />;
  const d = doc.data;
  const converting = d.versions.some((v) => v.conversion === 'pending');
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
              <Descriptions.Item label="Số, ký hiệu">
                <span data-testid="outgoing-number">{d.numberSymbol ?? 'Chưa cấp số'}</span>
              </Descriptions.Item>
              <Descriptions.Item label="Trạng thái">
                <Tag color={OUTGOING_STATUS_COLORS[d.status]} data-testid="outgoing-status">
                  {OUTGOING_STATUS_LABELS[d.status]}
                </Tag>
                {d.reviewStage && <span data-testid="outgoing-stage">{REVIEW_STAGE_LABELS[d.reviewStage]}</span>}
              </Descriptions.Item>
              <Descriptions.Item label="Loại văn bản">{d.documentType}</Descriptions.Item>
              <Descriptions.Item label="Độ khẩn">{URGENCY_LABELS[d.urgency]}</Descriptions.Item>
              <Descriptions.Item label="Người ký">{d.signingTitle ?? '—'}</Descriptions.Item>
              <Descriptions.Item label="Ngày ký">{formatDateTime(d.signedAt) || '—'}</Descriptions.Item>
              <Descriptions.Item label="Ngày phát hành">{formatDate(d.issuedAt) || '—'}</Descriptions.Item>
              <Descriptions.Item label="Ngày gửi">{formatDateTime(d.dispatchedAt) || '—'}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card title="Xử lý" size="small" style={{ marginTop: 16 }}>
            <OutgoingActions document={d} />
          </Card>
          <Card title="Nơi nhận" size="small" style={{ marginTop: 16 }}>
            <OutgoingRecipients document={d} />
          </Card>
          <Card title="Phiên bản dự thảo" size="small" style={{ marginTop: 16 }}>
            <OutgoingVersions versions={d.versions} />
          </Card>
          <Card title="Quá trình xử lý" size="small" style={{ marginTop: 16 }}>
            <OutgoingTimeline events={d.timeline} />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="Tệp văn bản" size="small">
            {converting ? (
              <Spin tip="Đang chuyển tệp sang PDF…">
                <div style={{ height: 120 }} />
              </Spin>
            ) : (
              // A new key after each step (signature, number, seal) loads the PDF again.
              <PdfViewer key={d.updatedAt} url={`/api/v1/outgoing/${encodeURIComponent(d.id)}/pdf`} title={`Tệp văn bản đi: ${d.subject}`} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
