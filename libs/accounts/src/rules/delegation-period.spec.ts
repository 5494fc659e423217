import { isActiveOn, isCalendarDate, localDate, periodProblems, periodsOverlap } from './delegation-period';

describe('delegation periods', () => {
  it('takes the calendar date in Vietnam, not in UTC', () => {
    // 18:30 UTC on the 2nd is 01:30 on the 3rd in Hà Nội.
    expect(localDate(new Date('2026-03-02T18:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-03');
    expect(localDate(new Date('2026-03-02T16:30:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-03-02');
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-2-3')).toBe(false);
    expect(isCalendarDate('2026-02-03T00:00:00Z')).toBe(false);
  });

  it('refuses a period that ends before it starts or is already over', () => {
    const today = '2026-03-10';
    expect(periodProblems({ startsOn: '2026-03-10', endsOn: '2026-03-10' }, today)).toEqual([]);
    expect(periodProblems({ startsOn: '2026-03-01', endsOn: '2026-03-12' }, today)).toEqual([]);
    expect(periodProblems({ startsOn: '2026-03-12', endsOn: '2026-03-11' }, today)[0].field).toBe('to');
    expect(periodProblems({ startsOn: '2026-03-01', endsOn: '2026-03-09' }, today)[0].message).toContain('đã qua');
    expect(periodProblems({ startsOn: 'x', endsOn: '2026-13-01' }, today).map((p) => p.field)).toEqual(['from', 'to']);
  });

  it('treats both ends as inclusive', () => {
    const d = { startsOn: '2026-03-03', endsOn: '2026-03-07', revokedAt: null };
    expect(['2026-03-02', '2026-03-03', '2026-03-07', '2026-03-08'].map((day) => isActiveOn(d, day))).toEqual([false, true, true, false]);
    expect(isActiveOn({ ...d, revokedAt: new Date() }, '2026-03-05')).toBe(false);
    expect(periodsOverlap(d, { startsOn: '2026-03-07', endsOn: '2026-03-09' })).toBe(true);
    expect(periodsOverlap(d, { startsOn: '2026-03-08', endsOn: '2026-03-09' })).toBe(false);
  });
});
