import type { Confidentiality, Urgency } from '../marks';

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
 * The hook for header recognition (reading the issuing authority, number and notation, date,
 * type and trích yếu from page 1, Decree 30 Phụ lục I): not built yet. Until then the proposal is
 * what the envelope says — an e-mail's subject (without "Re:"/"Fwd:") as the trích yếu, the
 * sender's display name as the issuing authority — and the defaults for the marks; the clerk
 * types the rest. What the clerk changes is recorded on the item, which is how recognition will be
 * measured once it exists.
 */
export function proposeRegistration(envelope: ArrivalEnvelope): IntakeProposal {
  const proposal: IntakeProposal = { urgency: 'normal', confidentiality: 'normal' };
  const subject = envelope.title?.replace(/^\s*((re|fw|fwd|tl|tr)\s*:\s*)+/i, '').trim();
  if (subject) proposal.subject = subject.slice(0, 1000);
  const authority = envelope.senderName?.trim();
  if (authority) proposal.issuingAuthority = authority.slice(0, 200);
  return proposal;
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
