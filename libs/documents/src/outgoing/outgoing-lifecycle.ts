import { AppError } from '@eoffice/core';

/**
 * The outgoing-document state machine of the API contract as one table (Decree 30 Art. 10–18):
 * draft → submitted → approved → signed → issued → dispatched → recalled; submitted or approved
 * → draft when a reviewer returns it. Without a stored seal key: signed → sealing → issued (or back
 * to signed with the number voided); on paper: approved → numbered → issued. While `submitted`, the review stage says whose turn it is:
 * the drafting unit's head (content), the office's format check (thể thức), then the signer.
 */
export const OutgoingStatus = {
  draft: 'draft',
  submitted: 'submitted',
  approved: 'approved',
  signed: 'signed',
  /** Number and date taken, the seal (token or remote e-seal) awaited: not issued yet. */
  sealing: 'sealing',
  /** Paper path: the paper original has its number and date; its scan is awaited. */
  numbered: 'numbered',
  issued: 'issued',
  dispatched: 'dispatched',
  recalled: 'recalled',
} as const;
export type OutgoingStatus = (typeof OutgoingStatus)[keyof typeof OutgoingStatus];

export const REVIEW_STAGES = ['unit_head', 'format_check', 'signer'] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export type OutgoingAction =
  | 'create' | 'revise' | 'submit' | 'approve' | 'reject' | 'sign' | 'issue' | 'dispatch' | 'recall'
  | 'seal_start' | 'seal' | 'seal_void' | 'issue_paper' | 'paper_seal';

interface Transition {
  from: readonly OutgoingStatus[];
  /** `null`: decided by the review stage (approve) or unchanged (revise). */
  to: OutgoingStatus | null;
}

export const OUTGOING_TRANSITIONS: Record<Exclude<OutgoingAction, 'create'>, Transition> = {
  revise: { from: ['draft'], to: null },
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: null },
  // The signer may still send an approved draft back before signing it.
  reject: { from: ['submitted', 'approved'], to: 'draft' },
  sign: { from: ['approved'], to: 'signed' },
  issue: { from: ['signed'], to: 'issued' },
  // The seal saga: the number taken with the prepared seal; then sealed, or the number voided.
  seal_start: { from: ['signed'], to: 'sealing' },
  seal: { from: ['sealing'], to: 'issued' },
  seal_void: { from: ['sealing'], to: 'signed' },
  // The paper path: a draft the signer approved and signed in ink gets its number, then its scan is sealed.
  issue_paper: { from: ['approved'], to: 'numbered' },
  paper_seal: { from: ['numbered'], to: 'issued' },
  dispatch: { from: ['issued'], to: 'dispatched' },
  recall: { from: ['dispatched'], to: 'recalled' },
};

/** Checks `action` is allowed from `current`, or throws 409 INVALID_TRANSITION. */
export function assertOutgoingTransition(current: OutgoingStatus, action: Exclude<OutgoingAction, 'create'>): void {
  if (!OUTGOING_TRANSITIONS[action].from.includes(current)) throw AppError.invalidTransition(current, action);
}

/**
 * The first review stage after a submit. The unit head's content review is skipped when the
 * head drafted the document themselves.
 */
export function firstReviewStage(authorIsUnitHead: boolean): ReviewStage {
  return authorIsUnitHead ? 'format_check' : 'unit_head';
}

/** After an approval at `stage`: the next stage, or `null` when the signer approved (→ approved). */
export function reviewStageAfter(stage: ReviewStage): ReviewStage | null {
  const index = REVIEW_STAGES.indexOf(stage);
  return REVIEW_STAGES[index + 1] ?? null;
}

/** The status and stage after `action`, given the current ones (the stage matters only for approve). */
export function nextOutgoingState(
  current: OutgoingStatus,
  stage: ReviewStage | null,
  action: Exclude<OutgoingAction, 'create'>,
  authorIsUnitHead = false,
): { status: OutgoingStatus; reviewStage: ReviewStage | null } {
  assertOutgoingTransition(current, action);
  if (action === 'revise') return { status: current, reviewStage: null };
  if (action === 'submit') return { status: 'submitted', reviewStage: firstReviewStage(authorIsUnitHead) };
  if (action === 'approve') {
    const next = reviewStageAfter(stage ?? 'signer');
    return next ? { status: 'submitted', reviewStage: next } : { status: 'approved', reviewStage: null };
  }
  return { status: OUTGOING_TRANSITIONS[action].to!, reviewStage: null };
}

/** Before issue, a document is a draft seen only by the people on its path. */
export function isIssued(status: OutgoingStatus): boolean {
  return status === 'issued' || status === 'dispatched' || status === 'recalled';
}
