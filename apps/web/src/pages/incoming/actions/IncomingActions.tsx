// What this person may do with the document now, by status and role (docs/incoming.md, "Flow"). The
// API decides in the end: a refusal shows its Vietnamese message.
import { Typography } from 'antd';
import type { IncomingDetail } from '../../../api/incoming';
import { hasRole, useProfile } from '../../../session/SessionContext';
import { AssignAction } from './AssignAction';
import { CloseAction } from './CloseAction';
import { ProgressAction } from './ProgressAction';
import { SubmitAction } from './SubmitAction';

export function IncomingActions({ document }: { document: IncomingDetail }) {
  const profile = useProfile();
  const mine = document.assignments.filter((a) => a.userId === profile.id);
  const isLead = mine.some((a) => a.role === 'lead');
  // A unit leads and nobody in it is named yet: its head (or delegate) names the person.
  const unitToStaff = document.assignments.some(
    (a) => a.role === 'lead' && a.unitId && !a.userId && (profile.managedUnitIds.includes(a.unitId) || profile.handledUnitIds.includes(a.unitId)),
  );
  const named = document.assignments.some((a) => a.role === 'lead' && a.userId);
  const actions = [];
  if (hasRole(profile, 'clerk') && document.status === 'registered') actions.push(<SubmitAction key="submit" document={document} />);
  if (hasRole(profile, 'leader') && document.status === 'submitted') actions.push(<AssignAction key="assign" document={document} />);
  if (document.status === 'assigned' && unitToStaff && !named) actions.push(<AssignAction key="name" document={document} personOnly />);
  if ((document.status === 'assigned' || document.status === 'in_progress') && mine.length > 0) actions.push(<ProgressAction key="progress" document={document} />);
  if ((document.status === 'assigned' || document.status === 'in_progress') && (isLead || hasRole(profile, 'leader')))
    actions.push(<CloseAction key="close" document={document} />);
  if (actions.length === 0) return <Typography.Text type="secondary">Không có việc cần làm với văn bản này.</Typography.Text>;
  return <>{actions}</>;
}
