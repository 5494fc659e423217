import { WorkingCalendar } from '@eoffice/vietnamese';
import type { TrackingRecord } from './incoming-stats.repository';
import { progressText, trackingBookRow } from './tracking-book';

const calendar = WorkingCalendar.forVietnam();

const record = (overrides: Partial<TrackingRecord> = {}): TrackingRecord => ({
  incomingNumber: 12,
  year: 2026,
  receivedAt: new Date('2026-08-28T02:00:00Z'),
  issuingAuthority: 'UBND tỉnh Tây Ninh',
  sourceNumberSymbol: '125/UBND-VX',
  sourceDate: '2026-08-27',
  documentType: 'Công văn',
  subject: 'Về việc tuyển sinh lớp 10',
  urgency: 'normal',
  confidentiality: 'normal',
  redacted: false,
  statusThen: 'in_progress',
  since: new Date('2026-09-03T02:00:00Z'),
  dueDateThen: '2026-09-04',
  leadUnitName: 'Phòng Giáo dục Trung học',
  leadUserName: 'Đặng Quang Huy',
  progressPercent: 50,
  replyNumberSymbol: null,
  reopenedInPeriod: false,
  ...overrides,
});

describe('tracking book lines (Phụ lục IV.VIII)', () => {
  it('prints the document, the lead, the deadline and the progress', () => {
    expect(trackingBookRow(record(), '2026-09-07', calendar)).toEqual({
      incomingNumber: 12,
      document: 'Đến ngày 28/08/2026. UBND tỉnh Tây Ninh, số 125/UBND-VX ngày 27/08/2026. Công văn: Về việc tuyển sinh lớp 10',
      recipient: 'Phòng Giáo dục Trung học (Đặng Quang Huy)',
      dueDate: '2026-09-04',
      progress: 'Đang giải quyết (50%), quá hạn 1 ngày làm việc',
      reply: null,
      note: null,
    });
  });

  it('says only the type of a confidential document the reader is not named on', () => {
    const row = trackingBookRow(record({ redacted: true, subject: null, issuingAuthority: null, confidentiality: 'secret', urgency: 'flash' }), '2026-09-07', calendar);
    expect(row.document).toBe('Đến ngày 28/08/2026. Công văn (nội dung mật, chỉ người được giao xem)');
    expect(row.note).toBe('Hỏa tốc; Tối mật');
  });

  it('counts lateness in working days, over holidays, to the closing day or to today', () => {
    // Due Thursday 27/08, closed Friday 04/09: Fri 28, Thu 3, Fri 4 (31/08–02/09 are days off).
    expect(progressText({ statusThen: 'closed', since: new Date('2026-09-04T03:00:00Z'), dueDateThen: '2026-08-27', progressPercent: null }, '2026-09-07', calendar)).toBe(
      'Đã giải quyết ngày 04/09/2026, quá hạn 3 ngày làm việc',
    );
    expect(progressText({ statusThen: 'closed', since: new Date('2026-09-03T03:00:00Z'), dueDateThen: '2026-09-03', progressPercent: null }, '2026-09-07', calendar)).toBe(
      'Đã giải quyết ngày 03/09/2026, đúng hạn',
    );
    // Closed on Saturday after a Friday deadline: late, though by no working day.
    expect(progressText({ statusThen: 'closed', since: new Date('2026-09-05T03:00:00Z'), dueDateThen: '2026-09-04', progressPercent: null }, '2026-09-07', calendar)).toBe(
      'Đã giải quyết ngày 05/09/2026, quá hạn',
    );
    expect(progressText({ statusThen: 'assigned', since: new Date(), dueDateThen: '2026-09-07', progressPercent: null }, '2026-09-07', calendar)).toBe('Đang giải quyết');
    expect(progressText({ statusThen: 'assigned', since: new Date(), dueDateThen: null, progressPercent: null }, '2026-09-07', calendar)).toBe('Đang giải quyết');
  });
});
