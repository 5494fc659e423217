import type { Confidentiality, Urgency } from '../marks';

export interface ExternalRecipientInput {
  name: string;
  email: string;
}

/** An organisation the clerk sends the paper copy to, by post or by hand (the only way out for a mật document). */
export interface PaperRecipientInput {
  name: string;
}

/** An agency of the directory, reached by edXML package (by its OrganId). */
export interface AgencyRecipientInput {
  organId: string;
}

/** Where the draft's number, date line and leader signature go (points, origin bottom-left). */
export interface DraftLayoutInput {
  documentNumber: { page?: number; x: number; y: number; width: number; height: number };
  issueDateLine: { page?: number; x: number; y: number; width: number; height: number };
  /** On the last page unless `page` is given. */
  leaderSignature: { page?: number; x: number; y: number; width: number; height: number };
}

export interface CreateOutgoingInput {
  documentType: string;
  subject: string;
  recipients: { unitIds: string[]; external: ExternalRecipientInput[]; paper?: PaperRecipientInput[]; agencies?: AgencyRecipientInput[] };
  urgency: Urgency;
  confidentiality: Confidentiality;
  signerId: string;
  signingTitle?: string;
  replyToIncomingId?: string;
  /** The incoming item's lead asks that dispatching this reply closes the incoming item. */
  closesIncoming?: boolean;
  /** A corrected or replacing document names the one it replaces. */
  replacesId?: string;
  layout?: DraftLayoutInput;
  /** Thời gian hiệu lực (YYYY-MM-DD): the last day in force; not before the day it can be issued (today). */
  validUntil?: string;
}

/** PATCH /outgoing/:id: what the author may still change on a draft besides its file. */
export interface UpdateOutgoingInput {
  /** null takes the validity end away. */
  validUntil?: string | null;
}
