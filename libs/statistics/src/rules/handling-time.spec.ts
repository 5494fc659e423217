import { WorkingCalendar } from '@eoffice/vietnamese';
import { dueSoonLimit, handlingWorkingDays, routingHours } from './handling-time';

const calendar = WorkingCalendar.forVietnam();
const vn = (local: string) => new Date(`${local}+07:00`);

describe('handling time in working days (Vietnam calendar, Vietnam time)', () => {
  it('is 0 for a document closed the day it arrived', () => {
    expect(handlingWorkingDays(calendar, vn('2026-11-16T08:00:00'), vn('2026-11-16T16:30:00'))).toBe(0);
  });

  it('skips the weekend: Friday to Monday is one working day', () => {
    expect(handlingWorkingDays(calendar, vn('2026-11-20T09:00:00'), vn('2026-11-23T10:00:00'))).toBe(1);
  });

  it('skips the Quốc khánh holidays (31/08–02/09/2026)', () => {
    // Friday 28/08 → Thursday 03/09: Mon 31, Tue 1 and Wed 2 are days off, only Thursday counts.
    expect(handlingWorkingDays(calendar, vn('2026-08-28T09:00:00'), vn('2026-09-03T09:00:00'))).toBe(1);
  });

  it('counts by the date in Vietnam, not in UTC', () => {
    // 23:30 on Monday in Vietnam is still Monday there (16:30 UTC), and 00:30 Tuesday is Tuesday.
    expect(handlingWorkingDays(calendar, vn('2026-11-16T23:30:00'), vn('2026-11-17T00:30:00'))).toBe(1);
  });
});

describe('routing time of urgent documents', () => {
  it('is the hours from registration to the first assignment, never negative', () => {
    expect(routingHours(vn('2026-11-16T08:00:00'), vn('2026-11-16T09:30:00'))).toBe(1.5);
    expect(routingHours(vn('2026-11-16T08:00:00'), vn('2026-11-16T07:00:00'))).toBe(0);
  });
});

describe('due soon', () => {
  it('reaches two working days past the day, like the reminders', () => {
    expect(dueSoonLimit(calendar, '2026-11-23', 2)).toBe('2026-11-25');
    // From Friday: Monday and Tuesday.
    expect(dueSoonLimit(calendar, '2026-11-20', 2)).toBe('2026-11-24');
    // Over Quốc khánh: Friday 28/08 → Thursday 03/09, Friday 04/09.
    expect(dueSoonLimit(calendar, '2026-08-28', 2)).toBe('2026-09-04');
  });
});
