import type { IncomingStatus } from './incoming-lifecycle';
import type { Urgency } from './entities/incoming-document.entity';

export type IncomingSort = 'receivedAt' | 'incomingNumber' | 'dueDate';

/** The filters of GET /incoming; every one optional. Dates are YYYY-MM-DD in Vietnam time. */
export interface IncomingFilter {
  status?: IncomingStatus[];
  q?: string;
  overdue?: boolean;
  dueWithinDays?: number;
  from?: string;
  to?: string;
  urgency?: Urgency[];
  documentType?: string;
  issuingAuthority?: string;
  assigneeUserId?: string;
  assigneeUnitId?: string;
  registerId?: string;
  /** Only what waits for this person: to submit (their registrations, or copies delivered to their agency if clerk), to assign, or to handle (personally or for a unit they handle). */
  waitingFor?: { userId: string; unitIds: string[]; clerkAgencyIds: string[] };
  sort?: IncomingSort;
  order?: 'asc' | 'desc';
  page: number;
  pageSize: number;
}

