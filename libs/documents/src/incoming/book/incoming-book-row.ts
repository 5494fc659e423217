import type { ReportColumn, ReportRow } from '@eoffice/reports';
import { CONFIDENTIALITY_NOTES, URGENCY_NOTES } from '../../registers';
import type { Confidentiality, Urgency } from '../entities/incoming-document.entity';
import type { IncomingStatus } from '../incoming-lifecycle';

/** Sổ đăng ký văn bản đến (Decree 30 Phụ lục IV.VI, at least these 10 columns). */
export const INCOMING_REGISTER_COLUMNS: readonly ReportColumn[] = [
  { key: 'receivedDate', header: 'Ngày đến', width: 11, kind: 'date' },
  { key: 'incomingNumber', header: 'Số đến', width: 8, kind: 'number', align: 'center' },
  { key: 'issuingAuthority', header: 'Tác giả', width: 20, kind: 'text' },
  { key: 'numberSymbol', header: 'Số, ký hiệu', width: 14, kind: 'text' },
  { key: 'documentDate', header: 'Ngày tháng', width: 11, kind: 'date' },
  { key: 'typeAndSubject', header: 'Tên loại và trích yếu nội dung', width: 40, kind: 'text' },
  { key: 'recipient', header: 'Đơn vị hoặc người nhận', width: 20, kind: 'text' },
  { key: 'forwardedDate', header: 'Ngày chuyển', width: 11, kind: 'date' },
  { key: 'receiptSignature', header: 'Ký nhận', width: 10, kind: 'text' },
  { key: 'note', header: 'Ghi chú', width: 15, kind: 'text' },
];

/** One registered incoming document as the book needs it; dates are YYYY-MM-DD in Vietnam time. */
export interface IncomingBookRecord {
  incomingNumber: number;
  receivedDate: string;
  issuingAuthority: string;
  sourceNumberSymbol: string;
  sourceDate: string;
  documentType: string;
  subject: string;
  status: IncomingStatus;
  urgency: Urgency;
  confidentiality: Confidentiality;
  /** The current lead (chủ trì): a unit, a person, or a person named inside the unit. */
  leadUnitName: string | null;
  leadUserName: string | null;
  /** The day the document was first handed to its handlers (the first assignment). */
  forwardedDate: string | null;
}

const STATUS_NOTES: Partial<Record<IncomingStatus, string>> = { returned: 'Đã trả lại nơi gửi', recalled: 'Nơi gửi đã thu hồi' };

export function incomingBookRow(record: IncomingBookRecord): ReportRow {
  return {
    receivedDate: record.receivedDate,
    incomingNumber: record.incomingNumber,
    issuingAuthority: record.issuingAuthority,
    numberSymbol: record.sourceNumberSymbol,
    documentDate: record.sourceDate,
    typeAndSubject: `${record.documentType}: ${record.subject}`,
    recipient: recipientOf(record),
    forwardedDate: record.forwardedDate,
    // Signed by hand on the printed book by whoever takes the paper document.
    receiptSignature: null,
    note: noteOf(record),
  };
}

function recipientOf({ leadUnitName, leadUserName }: IncomingBookRecord): string | null {
  if (leadUnitName && leadUserName) return `${leadUnitName} (${leadUserName})`;
  return leadUnitName ?? leadUserName;
}

/** Ghi chú: what a reader of the paper book must not miss — returned or recalled, urgency, secrecy. */
function noteOf(record: IncomingBookRecord): string | null {
  const notes = [STATUS_NOTES[record.status], URGENCY_NOTES[record.urgency], CONFIDENTIALITY_NOTES[record.confidentiality]];
  const text = notes.filter(Boolean).join('; ');
  return text || null;
}
