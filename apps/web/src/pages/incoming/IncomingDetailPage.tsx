// Một văn bản đến: its metadata, the PDF, what happened to it, and what this person may do next.
// A document the person may not see is a 404 from the API, shown as "not found / no access".
import { Descriptions, Tag } from 'antd';
import { useParams } from 'react-router';
import { useIncoming } from '../../api/incoming';
import { ACTION_LABELS, RECEIVED_VIA_LABELS, STATUS_COLORS, STATUS_LABELS, URGENCY_LABELS } from '../../components/labels';
import { storedFileUrl } from '../../api/upload';
import { PdfViewer } from '../../components/PdfViewer';
import { formatDate, formatDateTime } from '../../dates';
import { DocumentFrame, documentPageState, FrameCard } from '../document/DocumentFrame';
import { DocumentTimeline } from '../document/DocumentTimeline';
import { IncomingActions } from './actions/IncomingActions';

export function IncomingDetailPage() {
  const { id = '' } = useParams();
  const doc = useIncoming(id);
  const waiting = documentPageState(doc);
  if (waiting || !doc.data) return waiting;
  const d = doc.data;
  return (
    <DocumentFrame
      subject={d.subject}
      confidentiality={d.confidentiality}
      file={<PdfViewer url={storedFileUrl(d.scanFileId)} title={`Tệp văn bản số đến ${d.incomingNumber}`} />}
    >
      <FrameCard title="Thông tin văn bản" first>
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
          <Descriptions.Item label="Hiệu lực đến ngày">
            <span data-testid="detail-valid-until">{formatDate(d.validUntil) || '—'}</span>
          </Descriptions.Item>
          {d.instruction && <Descriptions.Item label="Ý kiến chỉ đạo" span={2}>{d.instruction}</Descriptions.Item>}
          {d.resultNote && <Descriptions.Item label="Kết quả" span={2}>{d.resultNote}</Descriptions.Item>}
        </Descriptions>
      </FrameCard>
      <FrameCard title="Xử lý">
        <IncomingActions document={d} />
      </FrameCard>
      <FrameCard title="Quá trình xử lý">
        <DocumentTimeline events={d.timeline} actionLabels={ACTION_LABELS} statusLabels={STATUS_LABELS} />
      </FrameCard>
    </DocumentFrame>
  );
}
