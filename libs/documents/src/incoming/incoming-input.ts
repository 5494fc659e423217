import type { ReceivedFile } from '@eoffice/core';
import type { AssignmentRole } from './entities/incoming-assignment.entity';
import type { Confidentiality, ReceivedVia, Urgency } from './entities/incoming-document.entity';

/** `metadata` of POST /incoming (the API contract), already shape-checked by the HTTP layer. */
export interface RegisterIncomingInput {
  registerId?: string;
  sourceNumberSymbol: string;
  sourceDate: string;
  issuingAuthority: string;
  documentType: string;
  subject: string;
  urgency: Urgency;
  confidentiality: Confidentiality;
  receivedVia: ReceivedVia;
  receivedAt?: string;
  /** A calendar date, or… */
  dueDate?: string;
  /** …a number of working days from receipt (weekends, holidays and Tết skipped). */
  dueInWorkingDays?: number;
  pageCount?: number;
  /** The last day the document is in force (thời gian hiệu lực), when it says; not before `sourceDate`. */
  validUntil?: string;
  /** Convert TCVN3/VNI text to Unicode instead of refusing it with LEGACY_ENCODING. */
  convertLegacyText?: boolean;
  /** Instead of a `scan` part: a PDF the clerk made with POST /scans or uploaded themself. */
  scanFileId?: string;
}

/** The scan is sent with the registration, or named by `scanFileId`. */
export interface IncomingFiles {
  scan?: ReceivedFile;
  original?: ReceivedFile;
}

export interface AssignmentTarget {
  userId?: string;
  unitId?: string;
}

export interface AssignIncomingInput {
  lead: AssignmentTarget;
  coordinators: AssignmentTarget[];
  informed: AssignmentTarget[];
  dueDate?: string;
  dueInWorkingDays?: number;
  instruction?: string;
}

export interface CloseIncomingInput {
  note?: string;
  replyOutgoingId?: string;
  resultFile?: ReceivedFile;
}

export interface AssignmentRow {
  role: AssignmentRole;
  userId: string | null;
  unitId: string | null;
}
