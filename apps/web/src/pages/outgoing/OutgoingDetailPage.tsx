// Một văn bản đi: metadata, the current PDF (the draft, then signed, then issued with number and seal),
// recipients with the state of each copy, versions, the timeline, and what this person may do next.
// A document the person may not see is the API's 404, shown as "not found".
import { Descriptions, Spin, Tag } from 'antd';
import { useParams } from 'react-router';
import { useOutgoing } from '../../api/outgoing';
import { URGENCY_LABELS } from '../../components/labels';
import { OUTGOING_ACTION_LABELS, OUTGOING_STATUS_COLORS, OUTGOING_STATUS_LABELS, REVIEW_STAGE_LABELS } from '../../components/outgoing-labels';
import { PdfViewer } from '../../components/PdfViewer';
import { formatDate, formatDateTime } from '../../dates';
import { DocumentFrame, documentPageState, FrameCard } from '../document/DocumentFrame';
import { DocumentTimeline } from '../document/DocumentTimeline';
import { OutgoingActions } from './actions/OutgoingActions';
import { OutgoingVersions } from './OutgoingHistory';
import { OutgoingRecipients } from './OutgoingRecipients';
import { RemoteSigningState } from './SigningWays';

export function OutgoingDetailPage() {
  const { id = '' } = useParams();
  const doc = useOutgoing(id);
  const waiting = documentPageState(doc);
  if (waiting || !doc.data) return waiting;
  const d = doc.data;
  const converting = d.versions.some((v) => v.conversion === 'pending');
  const file = converting ? (
    <Spin tip="Đang chuyển tệp sang PDF…">
      <div style={{ height: 120 }} />
    </Spin>
  ) : (
    // A new key after each step (signature, number, seal) loads the PDF again.
    <PdfViewer key={d.updatedAt} url={`/api/v1/outgoing/${encodeURIComponent(d.id)}/pdf`} title={`Tệp văn bản đi: ${d.subject}`} />
  );
  return (
    <DocumentFrame subject={d.subject} confidentiality={d.confidentiality} file={file}>
      <FrameCard title="Thông tin văn bản" first>
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
          <Descriptions.Item label="Hiệu lực đến ngày">
            <span data-testid="outgoing-valid-until">{formatDate(d.validUntil) || '—'}</span>
          </Descriptions.Item>
        </Descriptions>
      </FrameCard>
      <FrameCard title="Xử lý">
        <OutgoingActions document={d} />
      </FrameCard>
      {d.remoteSigning && (
        <FrameCard title="Ký số từ xa">
          <RemoteSigningState remote={d.remoteSigning} />
        </FrameCard>
      )}
      <FrameCard title="Nơi nhận">
        <OutgoingRecipients document={d} />
      </FrameCard>
      <FrameCard title="Phiên bản dự thảo">
        <OutgoingVersions versions={d.versions} />
      </FrameCard>
      <FrameCard title="Quá trình xử lý">
        <DocumentTimeline events={d.timeline} actionLabels={OUTGOING_ACTION_LABELS} statusLabels={OUTGOING_STATUS_LABELS} />
      </FrameCard>
    </DocumentFrame>
  );
}
