// The versions of the draft (each kept, office files converted to PDF by the worker). The timeline
// with the reviewers' comments is the shared DocumentTimeline (pages/document).
import { List, Tag, Typography } from 'antd';
import type { OutgoingDetail } from '../../api/outgoing';
import { CONVERSION_LABELS } from '../../components/outgoing-labels';
import { formatDateTime } from '../../dates';

export function OutgoingVersions({ versions }: { versions: OutgoingDetail['versions'] }) {
  return (
    <List
      size="small"
      dataSource={versions}
      renderItem={(v) => (
        <List.Item>
          Phiên bản {v.versionNumber} · {formatDateTime(v.createdAt)} · <Tag color={v.conversion === 'failed' ? '#a8071a' : '#434343'}>{CONVERSION_LABELS[v.conversion] ?? v.conversion}</Tag>
          {v.conversionError && <Typography.Text type="danger">{v.conversionError}</Typography.Text>}
        </List.Item>
      )}
    />
  );
}
