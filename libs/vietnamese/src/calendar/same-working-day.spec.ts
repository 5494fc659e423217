import { leftInTime, sameWorkingDayOf } from './same-working-day';
import { WorkingCalendar } from './working-calendar';

/** Times are written in Vietnam (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`);
const calendar = WorkingCalendar.forVietnam();

describe('sent the same working day (Decision 28/2018) on the working calendar', () => {
  it('issued Friday evening, sent Monday morning: on time, Saturday and Sunday being days off', () => {
    // 2026-12-04 is a Friday.
    expect(sameWorkingDayOf(calendar, vn('2026-12-04T18:30:00'))).toBe('2026-12-07');
    expect(leftInTime(calendar, { issuedAt: vn('2026-12-04T18:30:00'), deliveredAt: vn('2026-12-07T08:15:00'), urgent: false })).toBe(true);
    expect(leftInTime(calendar, { issuedAt: vn('2026-12-04T18:30:00'), deliveredAt: vn('2026-12-08T08:15:00'), urgent: false })).toBe(false);
  });

  it('issued Friday during office hours: due that Friday, Monday is late', () => {
    expect(sameWorkingDayOf(calendar, vn('2026-12-04T10:00:00'))).toBe('2026-12-04');
    expect(leftInTime(calendar, { issuedAt: vn('2026-12-04T10:00:00'), deliveredAt: vn('2026-12-04T16:59:00'), urgent: false })).toBe(true);
    expect(leftInTime(calendar, { issuedAt: vn('2026-12-04T10:00:00'), deliveredAt: vn('2026-12-07T08:00:00'), urgent: false })).toBe(false);
  });

  it('counts in Vietnam, not UTC: 23:30 UTC on Thursday is Friday 06:30 there', () => {
    expect(sameWorkingDayOf(calendar, new Date('2026-12-03T23:30:00Z'))).toBe('2026-12-04');
  });

  it('a Saturday make-up working day counts; a holiday does not', () => {
    const custom = WorkingCalendar.forVietnam([
      { date: '2026-12-05', kind: 'working_day', name: 'Làm bù' },
      { date: '2026-12-07', kind: 'holiday', name: 'Nghỉ bù' },
    ]);
    expect(sameWorkingDayOf(custom, vn('2026-12-04T18:00:00'))).toBe('2026-12-05');
    expect(sameWorkingDayOf(custom, vn('2026-12-06T09:00:00'))).toBe('2026-12-08');
    expect(leftInTime(custom, { issuedAt: vn('2026-12-04T18:00:00'), deliveredAt: vn('2026-12-07T08:00:00'), urgent: false })).toBe(false);
  });

  it('Tết: issued on the eve, due after the holiday', () => {
    // Tết Đinh Mùi: days off 4–10 February 2027 (weekend and compensation days included).
    expect(sameWorkingDayOf(calendar, vn('2027-02-03T20:00:00'))).toBe('2027-02-11');
    expect(sameWorkingDayOf(calendar, vn('2027-02-05T09:00:00'))).toBe('2027-02-11');
  });

  it('urgent documents leave at once: within the hour, whatever the day', () => {
    expect(leftInTime(calendar, { issuedAt: vn('2026-12-05T21:00:00'), deliveredAt: vn('2026-12-05T21:40:00'), urgent: true })).toBe(true);
    expect(leftInTime(calendar, { issuedAt: vn('2026-12-04T09:00:00'), deliveredAt: vn('2026-12-04T10:30:00'), urgent: true })).toBe(false);
  });
});
