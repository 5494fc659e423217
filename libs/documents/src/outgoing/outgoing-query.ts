import type { OutgoingStatus } from './outgoing-lifecycle';

/** Filters of GET /outgoing, already shape-checked by the HTTP layer. */
export interface OutgoingFilter {
  status?: OutgoingStatus[];
  registerId?: string;
  year?: number;
  q?: string;
  /** Replies to this incoming document (replyToIncomingId): what may close it. */
  replyToIncomingId?: string;
  /** "Chờ xử lý": only what waits for this person's action. */
  waitingFor?: { userId: string; managedUnitIds: string[]; clerkAgencyIds: string[] };
  page: number;
  pageSize: number;
}
