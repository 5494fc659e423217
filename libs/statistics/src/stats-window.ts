/**
 * One period as the queries see it: what happened in [start, asOf), and the state just before
 * `asOf`, when `today` (the Vietnam date of asOf) decides what is overdue (due before today) and
 * what is due soon (due from today up to `dueSoonUntil`).
 */
export interface StatsWindow {
  start: Date;
  asOf: Date;
  today: string;
  dueSoonUntil: string;
}

/** Incoming figures; each is a set of documents the drill-down lists. */
export const INCOMING_FIGURES = [
  'received',
  'assigned',
  'closedOnTime',
  'closedLate',
  'openOverdue',
  'openDueSoon',
  'reopened',
  'urgentReceived',
] as const;
export type IncomingFigure = (typeof INCOMING_FIGURES)[number];

/** Outgoing figures: documents drafted (created), issued (numbered and sealed), dispatched in the period. */
export const OUTGOING_FIGURES = ['outgoingDrafted', 'outgoingIssued', 'outgoingDispatched'] as const;
export type OutgoingFigure = (typeof OUTGOING_FIGURES)[number];

export const STATS_FIGURES = [...INCOMING_FIGURES, ...OUTGOING_FIGURES] as const;
export type StatsFigure = IncomingFigure | OutgoingFigure;

export function isOutgoingFigure(figure: StatsFigure): figure is OutgoingFigure {
  return (OUTGOING_FIGURES as readonly string[]).includes(figure);
}
