// What this person may do with the outgoing document now, by status, stage and role
// (docs/outgoing.md). The API decides in the end: a refusal shows its Vietnamese message.
import { Typography } from 'antd';
import type { OutgoingDetail } from '../../../api/outgoing';
import { hasRole, useProfile, type Profile } from '../../../session/SessionContext';
import { NewVersionAction, SubmitDraftAction, ValidUntilAction } from './DraftActions';
import { DispatchAction, IssueAction } from './IssueActions';
import { ReviewAction } from './ReviewAction';
import { SignAction } from './SignAction';

function myTurnToReview(document: OutgoingDetail, profile: Profile): boolean {
  if (document.status !== 'submitted') return false;
  switch (document.reviewStage) {
    case 'unit_head':
      return profile.managedUnitIds.includes(document.draftingUnitId) || profile.handledUnitIds.includes(document.draftingUnitId);
    case 'format_check':
      return hasRole(profile, 'clerk');
    case 'signer':
      return document.signerId === profile.id;
    default:
      return false;
  }
}

export function OutgoingActions({ document }: { document: OutgoingDetail }) {
  const profile = useProfile();
  const clerk = hasRole(profile, 'clerk');
  const actions = [];
  if (document.status === 'draft' && document.authorId === profile.id) {
    actions.push(
      <SubmitDraftAction key="submit" document={document} />,
      <NewVersionAction key="version" document={document} />,
      <ValidUntilAction key="valid-until" document={document} />,
    );
  }
  if (myTurnToReview(document, profile)) actions.push(<ReviewAction key="review" document={document} />);
  if (document.status === 'approved' && document.signerId === profile.id) actions.push(<SignAction key="sign" document={document} />);
  if (document.status === 'signed' && clerk) actions.push(<IssueAction key="issue" document={document} />);
  if (document.status === 'issued' && clerk) actions.push(<DispatchAction key="dispatch" document={document} />);
  if (actions.length === 0) return <Typography.Text type="secondary">Không có việc cần làm với văn bản này.</Typography.Text>;
  return <>{actions}</>;
}
