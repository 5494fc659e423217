import type { WorkingCalendar } from '@eoffice/vietnamese';
import { CONFIDENTIALITY_NOTES, URGENCY_NOTES } from '@eoffice/documents';
import type { ReportColumn, ReportRow } from '@eoffice/reports';
import type { TrackingRecord } from './incoming-stats.repository';
import { vietnamDay } from './rules/stats-period';

/** Sổ theo dõi giải quyết văn bản đến: the seven columns of Decree 30 Phụ lục IV.VIII. */
export const TRACKING_BOOK_COLUMNS: readonly ReportColumn[] = [
  { key: 'incomingNumber', header: 'Số đến', width: 7, kind: 'number', align: 'center' },
  { key: 'document', header: 'Ngày đến, tác giả, số ký hiệu, ngày tháng, tên loại và trích yếu nội dung', width: 52, kind: 'text' },
  { key: 'recipient', header: 'Đơn vị hoặc người nhận', width: 24, kind: 'text' },
  { key: 'dueDate', header: 'Thời hạn giải quyết', width: 12, kind: 'date' },
  { key: 'progress', header: 'Tiến độ giải quyết', width: 28, kind: 'text' },
  { key: 'reply', header: 'Số, ký hiệu văn bản trả lời', width: 16, kind: 'text' },
  { key: 'note', header: 'Ghi chú', width: 16, kind: 'text' },
];


/** One line of the book, as printed: the document, its lead, its deadline and how it stood at the period's end (on `today`, StatsWindow). */
export function trackingBookRow(record: TrackingRecord, today: string, calendar: WorkingCalendar): ReportRow {
  return {
    incomingNumber: record.incomingNumber,
    document: documentText(record),
    recipient: recipientText(record),
    dueDate: record.dueDateThen,
    // A redacted row has no due date to be late against: its state only, never "đúng hạn" by default.
    progress: progressText(record, today, calendar, !record.redacted),
    reply: record.replyNumberSymbol,
    note: [URGENCY_NOTES[record.urgency], CONFIDENTIALITY_NOTES[record.confidentiality], record.reopenedInPeriod ? 'Mở lại trong kỳ' : null].filter(Boolean).join('; ') || null,
  };
}

function documentText(r: TrackingRecord): string {
  const received = `Đến ngày ${dmy(vietnamDay(new Date(r.receivedAt)).toString())}`;
  if (r.redacted) return `${received}. ${r.documentType} (nội dung mật, chỉ người được giao xem)`;
  const source = r.sourceDate ? `${r.sourceNumberSymbol} ngày ${dmy(r.sourceDate)}` : r.sourceNumberSymbol;
  return `${received}. ${r.issuingAuthority}, số ${source}. ${r.documentType}: ${r.subject}`;
}

function recipientText(r: TrackingRecord): string | null {
  if (r.leadUnitName && r.leadUserName) return `${r.leadUnitName} (${r.leadUserName})`;
  return r.leadUserName ?? r.leadUnitName;
}

/**
 * "Đã giải quyết ngày 18/11/2026, đúng hạn", "Đang giải quyết (50%), quá hạn 3 ngày làm việc":
 * lateness counted in working days from the due date to the closing day, or to `today` — as the
 * overdue figure, which counts what is due before today.
 */
export function progressText(
  r: Pick<TrackingRecord, 'statusThen' | 'since' | 'dueDateThen' | 'progressPercent'>,
  today: string,
  calendar: WorkingCalendar,
  withLateness = true,
): string {
  if (r.statusThen === 'closed') {
    const closedOn = vietnamDay(new Date(r.since)).toString();
    const closed = `Đã giải quyết ngày ${dmy(closedOn)}`;
    return withLateness ? `${closed}, ${lateness(r.dueDateThen, closedOn, calendar)}` : closed;
  }
  if (r.statusThen === 'returned' || r.statusThen === 'recalled') return r.statusThen === 'returned' ? 'Đã trả lại nơi gửi' : 'Nơi gửi đã thu hồi';
  const doing = r.progressPercent === null ? 'Đang giải quyết' : `Đang giải quyết (${r.progressPercent}%)`;
  if (!withLateness || r.dueDateThen === null || r.dueDateThen >= today) return doing;
  return `${doing}, ${lateness(r.dueDateThen, today, calendar)}`;
}

function lateness(dueDate: string | null, day: string, calendar: WorkingCalendar): string {
  if (dueDate === null || day <= dueDate) return 'đúng hạn';
  const days = calendar.workingDaysBetween(dueDate, day);
  return days > 0 ? `quá hạn ${days} ngày làm việc` : 'quá hạn';
}

function dmy(isoDay: string): string {
  return `${isoDay.slice(8, 10)}/${isoDay.slice(5, 7)}/${isoDay.slice(0, 4)}`;
}
