import { BUSINESS_DOC_TYPE, type EdxmlHeader, type EdxmlPriority } from '@eoffice/exchange';
import type { IntakeProposal } from '../intake';
import type { Urgency } from '../marks';
import type { SendingContext } from './exchange.repository';

const PRIORITY: Record<string, EdxmlPriority> = { normal: 0, urgent: 1, very_urgent: 2, flash: 3 };
const URGENCY: Urgency[] = ['normal', 'urgent', 'very_urgent', 'flash', 'flash'];

/** A date as printed on the document: the calendar day in Vietnam (UTC+7). */
export function vietnamDate(at: Date): string {
  return new Date(at.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

/** `15/QĐ-SGDĐT` → number `15`, notation `QĐ-SGDĐT`. */
export function splitNumberSymbol(numberSymbol: string): { number: string; notation: string } {
  const slash = numberSymbol.indexOf('/');
  return slash < 0 ? { number: numberSymbol, notation: '' } : { number: numberSymbol.slice(0, slash), notation: numberSymbol.slice(slash + 1) };
}

/**
 * Mã định danh văn bản: the sender's OrganId, the issue date and the number symbol — unique per
 * sender, the same however often the package is built, so every retry and replay is recognised.
 */
export function documentIdOf(organId: string, issuedAt: Date, numberSymbol: string): string {
  return `${organId},${vietnamDate(issuedAt).replace(/-/g, '/')},${numberSymbol}`;
}

/** The header of an issued document's package for one directory agency. */
export function headerOf(ctx: SendingContext & { agencyOrganId: string; numberSymbol: string; issuedAt: Date }): EdxmlHeader {
  return {
    from: { organId: ctx.agencyOrganId, organName: ctx.agencyName, email: ctx.agencyEmail ?? undefined },
    to: [{ organId: ctx.recipientOrganId, organName: ctx.recipientName }],
    documentId: documentIdOf(ctx.agencyOrganId, ctx.issuedAt, ctx.numberSymbol),
    code: splitNumberSymbol(ctx.numberSymbol),
    promulgation: { place: ctx.placeName ?? ctx.agencyName.slice(0, 50), date: vietnamDate(ctx.issuedAt) },
    documentType: { type: 1, name: ctx.documentType },
    subject: ctx.subject,
    // A deputy's TM. notation is two lines; the header's competence is one.
    signer: { competence: ctx.signingTitle?.replace(/\s*\n\s*/g, ' ') ?? undefined, position: ctx.signerPosition ?? ctx.signingTitle ?? 'Thủ trưởng cơ quan', fullName: ctx.signerName },
    toPlaces: ctx.recipientNames,
    otherInfo: { priority: PRIORITY[ctx.urgency] ?? 0, appendixes: [] },
    steeringType: 0,
    business: ctx.replacedNumberSymbol && ctx.replacedIssuedAt
      ? { docType: BUSINESS_DOC_TYPE.replacing, replaces: [{ documentId: documentIdOf(ctx.agencyOrganId, ctx.replacedIssuedAt, ctx.replacedNumberSymbol), organIds: [ctx.recipientOrganId] }] }
      : undefined,
  };
}

/** What the clerk would type, straight from the signed header: no reading of the pages needed. */
export function proposalOf(header: EdxmlHeader): IntakeProposal {
  return {
    sourceNumberSymbol: `${header.code.number}/${header.code.notation}`,
    sourceDate: header.promulgation.date,
    issuingAuthority: header.from.organName,
    documentType: header.documentType.name,
    subject: header.subject,
    urgency: URGENCY[header.otherInfo.priority],
    confidentiality: 'normal',
  };
}
