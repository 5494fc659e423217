import { AppError } from '@eoffice/core';

/**
 * The incoming-document state machine of the API contract as one table (Decree 30 Art. 20–24):
 * registered → submitted → assigned → in_progress → closed; closed → in_progress on reopen;
 * registered → returned when misaddressed or invalid; any open state → recalled by the sender;
 * registered → voided when the clerk registered it by mistake (the number stays taken, with its reason).
 */
export const IncomingStatus = {
  registered: 'registered',
  submitted: 'submitted',
  assigned: 'assigned',
  inProgress: 'in_progress',
  closed: 'closed',
  returned: 'returned',
  recalled: 'recalled',
  voided: 'voided',
} as const;
export type IncomingStatus = (typeof IncomingStatus)[keyof typeof IncomingStatus];

export type IncomingAction = 'submit' | 'assign' | 'progress' | 'close' | 'reopen' | 'return' | 'recall' | 'void';

const OPEN: IncomingStatus[] = ['registered', 'submitted', 'assigned', 'in_progress'];

/** Đang giải quyết: assigned and not yet closed — what has a due date that can pass, and what a reply may close. */
export const BEING_HANDLED: readonly IncomingStatus[] = ['assigned', 'in_progress'];

export const isBeingHandled = (status: string): boolean => (BEING_HANDLED as readonly string[]).includes(status);

/** The same set as an SQL list, for the queries that filter on it: `d.status IN ${BEING_HANDLED_SQL}`. */
export const BEING_HANDLED_SQL = `(${BEING_HANDLED.map((s) => `'${s}'`).join(', ')})`;

interface Transition {
  from: readonly IncomingStatus[];
  /** `null`: the status stays as it is (e.g. a re-assignment). */
  to: IncomingStatus | null;
}

export const INCOMING_TRANSITIONS: Record<IncomingAction, Transition> = {
  submit: { from: ['registered'], to: 'submitted' },
  // A leader may assign again while the work is open (change the lead, add coordinators).
  assign: { from: ['submitted', 'assigned', 'in_progress'], to: null },
  progress: { from: BEING_HANDLED, to: 'in_progress' },
  close: { from: BEING_HANDLED, to: 'closed' },
  reopen: { from: ['closed'], to: 'in_progress' },
  return: { from: ['registered'], to: 'returned' },
  recall: { from: OPEN, to: 'recalled' },
  // Only before anyone acted on it: once submitted, the document is in somebody's hands.
  void: { from: ['registered'], to: 'voided' },
};

/** The status after `action`, or 409 INVALID_TRANSITION. */
export function nextIncomingStatus(current: IncomingStatus, action: IncomingAction): IncomingStatus {
  const transition = INCOMING_TRANSITIONS[action];
  if (!transition.from.includes(current)) throw AppError.invalidTransition(current, action);
  if (transition.to) return transition.to;
  return current === 'submitted' ? 'assigned' : current;
}

export function isOpen(status: IncomingStatus): boolean {
  return OPEN.includes(status);
}
