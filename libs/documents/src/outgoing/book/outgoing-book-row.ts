import type { ReportRow } from '@eoffice/reports';
import { CONFIDENTIALITY_NOTES, URGENCY_NOTES } from '../../registers';
import type { Confidentiality, Urgency } from '../../marks';
import type { OutgoingStatus } from '../outgoing-lifecycle';
import type { SigningAuthorityKind } from '../signing-authority';

/** One issued outgoing document as the register book needs it; dates are YYYY-MM-DD in Vietnam time. */
export interface OutgoingBookRecord {
  numberSymbol: string;
  issuedDate: string;
  documentType: string;
  subject: string;
  signerName: string;
  signingTitle: string | null;
  /** On whose behalf it was signed (null: signed before this was recorded, or on paper). */
  signingAuthority?: SigningAuthorityKind | null;
  /** The signer's own title when signing for someone else (`PHÓ GIÁM ĐỐC`). */
  signerTitle?: string | null;
  /** Nơi nhận, in the order they were named. */
  recipientNames: string[];
  draftingUnitCode: string;
  dispatchedDate: string | null;
  status: OutgoingStatus;
  urgency: Urgency;
  confidentiality: Confidentiality;
  replacesNumberSymbol: string | null;
  signedOnPaper: boolean;
}


export function outgoingBookRow(record: OutgoingBookRecord): ReportRow {
  return {
    numberSymbol: record.numberSymbol,
    issuedDate: record.issuedDate,
    typeAndSubject: `${record.documentType}: ${record.subject}`,
    signer: signerCell(record),
    recipients: record.recipientNames.join('\n'),
    // Decree 30 Phụ lục I box 9b: "Lưu: VT, {drafting unit}" — the office and the drafting unit keep a copy.
    fileCopyHolder: `VT, ${record.draftingUnitCode}`,
    // One electronic copy per recipient and the two filed copies.
    copies: record.recipientNames.length + 2,
    forwardedDate: record.dispatchedDate,
    receiptSignature: null,
    note: noteOf(record),
  };
}

/**
 * "Người ký": the title and name; signed for the head, the notation on its own line above the
 * signer's title and name (`KT. GIÁM ĐỐC` / `PHÓ GIÁM ĐỐC Trần Văn Đức`), as the signing block reads.
 */
function signerCell(record: OutgoingBookRecord): string {
  // Own name and Q. print as one line with the name (`Q. GIÁM ĐỐC Lê Văn Tâm`); TM.'s notation may itself be two lines.
  const delegated = record.signingAuthority && record.signingAuthority !== 'own' && record.signingAuthority !== 'Q';
  if (delegated && record.signingTitle) {
    return `${record.signingTitle}\n${record.signerTitle ? `${record.signerTitle} ` : ''}${record.signerName}`;
  }
  return record.signingTitle ? `${record.signingTitle} ${record.signerName}` : record.signerName;
}

function noteOf(record: OutgoingBookRecord): string | null {
  const notes = [
    record.status === 'recalled' ? 'Đã thu hồi' : null,
    record.signedOnPaper ? 'Bản giấy (ký tay); bản điện tử là bản số hóa' : null,
    record.replacesNumberSymbol ? `Thay thế văn bản số ${record.replacesNumberSymbol}` : null,
    URGENCY_NOTES[record.urgency],
    CONFIDENTIALITY_NOTES[record.confidentiality],
  ].filter((n): n is string => n !== null);
  return notes.length ? notes.join('; ') : null;
}

/** A number given and then voided (a seal that failed or never came): its line says so, with the reason. */
export function voidedBookRow(voided: { number: number; reason: string; voidedAt: Date }): ReportRow {
  return {
    numberSymbol: String(voided.number).padStart(2, '0'),
    issuedDate: vietnamDay(voided.voidedAt),
    typeAndSubject: null,
    signer: null,
    recipients: null,
    fileCopyHolder: null,
    copies: null,
    forwardedDate: null,
    receiptSignature: null,
    note: `Số bị hủy: ${voided.reason}`,
  };
}

function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
