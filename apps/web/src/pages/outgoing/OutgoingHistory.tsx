// The versions of the draft (each kept, office files converted to PDF by the worker) and the
// timeline with the reviewers' comments, oldest first.
import { List, Tag, Timeline, Typography } from 'antd';
import type { OutgoingDetail } from '../../api/outgoing';
import { CONVERSION_LABELS, OUTGOING_ACTION_LABELS, OUTGOING_STATUS_LABELS } from '../../components/outgoing-labels';
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

export function OutgoingTimeline({ events }: { events: OutgoingDetail['timeline'] }) {
  if (events.length === 0) return <Typography.Text type="secondary">Chưa có.</Typography.Text>;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: i,
        content: (
          <>
            <Typography.Text strong>{OUTGOING_ACTION_LABELS[e.action.replace(/^outgoing\./, '')] ?? e.action}</Typography.Text>
            {' · '}
            {formatDateTime(e.at)}
            {' → '}
            {OUTGOING_STATUS_LABELS[e.toStatus] ?? e.toStatus}
            {e.note && <div data-testid="timeline-note">{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
