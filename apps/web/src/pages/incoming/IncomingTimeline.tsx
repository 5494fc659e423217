import { Timeline, Typography } from 'antd';
import type { IncomingDetail } from '../../api/incoming';
import { ACTION_LABELS, STATUS_LABELS } from '../../components/labels';
import { formatDateTime } from '../../dates';

/** Each step of the document, oldest first: when, what, the status it led to, the note. */
export function IncomingTimeline({ events }: { events: IncomingDetail['timeline'] }) {
  if (events.length === 0) return <Typography.Text type="secondary">Chưa có.</Typography.Text>;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: i,
        content: (
          <>
            <Typography.Text strong>{ACTION_LABELS[e.action.replace(/^incoming\./, '')] ?? e.action}</Typography.Text>
            {' · '}
            {formatDateTime(e.at)}
            {' → '}
            {STATUS_LABELS[e.toStatus] ?? e.toStatus}
            {e.note && <div>{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
