import type { Confidentiality, Urgency } from '../marks';
import type { RecognisedHeader } from './header-recognition';

/**
 * Proposed registration metadata (đề xuất thông tin vào sổ). The fields the clerk would type in
 * POST /incoming; any may be missing, and the clerk completes or corrects them when registering.
 */
export interface IntakeProposal {
  sourceNumberSymbol?: string;
  sourceDate?: string;
  issuingAuthority?: string;
  documentType?: string;
  subject?: string;
  urgency?: Urgency;
  confidentiality?: Confidentiality;
  /** Read from the header for the clerk to see; not registered fields. */
  place?: string;
  signerPosition?: string;
  signerName?: string;
}

export const PROPOSAL_FIELDS = [
  'sourceNumberSymbol',
  'sourceDate',
  'issuingAuthority',
  'documentType',
  'subject',
  'urgency',
  'confidentiality',
] as const satisfies readonly (keyof IntakeProposal)[];

/** What the envelope of an arrival tells before anyone reads its pages. */
export interface ArrivalEnvelope {
  title: string | null;
  senderName: string | null;
}

/**
 * What the envelope says before anyone reads the pages — an e-mail's subject (without
 * "Re:"/"Fwd:") as the trích yếu, the sender's display name as the issuing authority — and the
 * defaults for the marks. The intake then reads the document's page 1 (`withHeader`), whose header
 * wins over the envelope; the clerk types what neither gives. What the clerk changes is recorded on
 * the item: the measure of recognition.
 */
export function proposeRegistration(envelope: ArrivalEnvelope): IntakeProposal {
  const proposal: IntakeProposal = { urgency: 'normal', confidentiality: 'normal' };
  const subject = envelope.title?.replace(/^\s*((re|fw|fwd|tl|tr)\s*:\s*)+/i, '').trim();
  if (subject) proposal.subject = subject.slice(0, 1000);
  const authority = envelope.senderName?.trim();
  if (authority) proposal.issuingAuthority = authority.slice(0, 200);
  return proposal;
}

/**
 * The envelope's proposal with what page 1's header says laid over it (a field the header lacks
 * keeps the envelope's). With `headerWins: false` the envelope is trusted more than the reading
 * (a structured package), and page 1 only fills the fields the envelope lacks.
 */
export function withHeader(proposal: IntakeProposal, header: RecognisedHeader, { headerWins = true } = {}): IntakeProposal {
  const read: IntakeProposal = {
    sourceNumberSymbol: header.sourceNumberSymbol?.slice(0, 100),
    sourceDate: header.sourceDate,
    issuingAuthority: header.issuingAuthority?.slice(0, 200),
    documentType: header.documentType,
    subject: header.subject?.slice(0, 1000),
    urgency: header.urgency,
    confidentiality: header.confidentiality,
    place: header.place?.slice(0, 200),
    signerPosition: header.signer?.position?.slice(0, 200) ?? undefined,
    signerName: header.signer?.name.slice(0, 200),
  };
  const merged: IntakeProposal = { ...proposal };
  for (const [field, value] of Object.entries(read) as [keyof IntakeProposal, never][]) {
    if (value !== undefined && (headerWins || proposal[field] === undefined)) merged[field] = value;
  }
  return merged;
}

/** Field → {proposed, registered} for every field whose registered value differs from the proposal. */
export function correctionsOf(
  proposal: IntakeProposal,
  registered: Required<Pick<IntakeProposal, (typeof PROPOSAL_FIELDS)[number]>>,
): Record<string, { proposed: unknown; registered: unknown }> {
  const changed: Record<string, { proposed: unknown; registered: unknown }> = {};
  for (const field of PROPOSAL_FIELDS) {
    const proposed = proposal[field] ?? null;
    if (proposed !== registered[field]) changed[field] = { proposed, registered: registered[field] };
  }
  return changed;
}
