// What happened to a document, oldest first: when, what, the status it led to, the note (a review's
// comment, an instruction). One component for incoming and outgoing documents: their timelines are
// the same events (action, at, toStatus, note), named by each flow's own labels.
import { Timeline, Typography } from 'antd';
import { formatDateTime } from '../../dates';

export interface TimelineEvent {
  action: string;
  at: string;
  toStatus: string;
  note: string | null;
}

interface Props {
  events: TimelineEvent[];
  /** The flow's action names without their prefix (`incoming.assign` → `assign`). */
  actionLabels: Record<string, string>;
  statusLabels: Record<string, string>;
}

export function DocumentTimeline({ events, actionLabels, statusLabels }: Props) {
  if (events.length === 0) return <Typography.Text type="secondary">Chưa có.</Typography.Text>;
  return (
    <Timeline
      items={events.map((e, i) => ({
        key: i,
        content: (
          <>
            <Typography.Text strong>{actionLabels[e.action.replace(/^[a-z_]+\./, '')] ?? e.action}</Typography.Text>
            {' · '}
            {formatDateTime(e.at)}
            {' → '}
            {statusLabels[e.toStatus] ?? e.toStatus}
            {e.note && <div data-testid="timeline-note">{e.note}</div>}
          </>
        ),
      }))}
    />
  );
}
