import { CalendarDate } from '@eoffice/vietnamese';
import { isoWeeksInYear, parseIsoWeek, parseMonth, periodAsOf, periodContaining, periodsEndingWith, previousPeriod } from './stats-period';

const at = (iso: string) => new Date(iso);

describe('ISO weeks', () => {
  it('knows which years have 53 weeks', () => {
    // 2026 begins on a Thursday; 2020 is a leap year beginning on a Wednesday.
    expect(isoWeeksInYear(2026)).toBe(53);
    expect(isoWeeksInYear(2020)).toBe(53);
    expect(isoWeeksInYear(2025)).toBe(52);
    expect(isoWeeksInYear(2027)).toBe(52);
  });

  it('runs Monday to Sunday, bounded at midnight in Vietnam (+07:00)', () => {
    const week = parseIsoWeek('2026-W47');
    expect(week).toMatchObject({ kind: 'week', key: '2026-W47', firstDay: '2026-11-16', lastDay: '2026-11-22' });
    expect(week.start.toISOString()).toBe('2026-11-15T17:00:00.000Z');
    expect(week.end.toISOString()).toBe('2026-11-22T17:00:00.000Z');
  });

  it('puts week 1 around 4 January, even when it starts in December', () => {
    expect(parseIsoWeek('2026-W01')).toMatchObject({ firstDay: '2025-12-29', lastDay: '2026-01-04' });
    expect(parseIsoWeek('2026-W53')).toMatchObject({ firstDay: '2026-12-28', lastDay: '2027-01-03' });
    expect(parseIsoWeek('2021-W01')).toMatchObject({ firstDay: '2021-01-04' });
  });

  it('refuses weeks a year does not have, and malformed text, with PERIOD_INVALID', () => {
    for (const bad of ['2026-W54', '2025-W53', '2026-W00', '2026-47', '2026-W7', 'W47-2026', '1999-W10']) {
      expect(() => parseIsoWeek(bad)).toThrow(expect.objectContaining({ status: 400, code: 'PERIOD_INVALID' }));
    }
  });
});

describe('months', () => {
  it('covers the calendar month in Vietnam time', () => {
    const month = parseMonth('2026-02');
    expect(month).toMatchObject({ kind: 'month', firstDay: '2026-02-01', lastDay: '2026-02-28' });
    expect(month.start.toISOString()).toBe('2026-01-31T17:00:00.000Z');
    expect(parseMonth('2024-02').lastDay).toBe('2024-02-29');
    expect(parseMonth('2026-12')).toMatchObject({ lastDay: '2026-12-31' });
  });

  it('refuses month 13 and month 00', () => {
    for (const bad of ['2026-13', '2026-00', '2026-1', '26-11']) {
      expect(() => parseMonth(bad)).toThrow(expect.objectContaining({ code: 'PERIOD_INVALID' }));
    }
  });
});

describe('neighbouring periods', () => {
  it('steps back across year ends', () => {
    expect(previousPeriod(parseIsoWeek('2026-W01')).key).toBe('2025-W52');
    expect(previousPeriod(parseIsoWeek('2027-W01')).key).toBe('2026-W53');
    expect(previousPeriod(parseMonth('2026-01')).key).toBe('2025-12');
  });

  it('lists the last twelve periods oldest first, ending with the one asked', () => {
    const weeks = periodsEndingWith(parseIsoWeek('2026-W05'), 12).map((p) => p.key);
    expect(weeks).toEqual([
      '2025-W46', '2025-W47', '2025-W48', '2025-W49', '2025-W50', '2025-W51', '2025-W52',
      '2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05',
    ]);
    expect(periodsEndingWith(parseMonth('2026-03'), 12)[0].key).toBe('2025-04');
  });

  it('finds the week of a day, with the ISO year of its Thursday', () => {
    expect(periodContaining('week', CalendarDate.parse('2027-01-02')).key).toBe('2026-W53');
    expect(periodContaining('week', CalendarDate.parse('2025-12-29')).key).toBe('2026-W01');
    expect(periodContaining('month', CalendarDate.parse('2026-11-30')).key).toBe('2026-11');
  });
});

describe('as of when', () => {
  const week = parseIsoWeek('2026-W47');

  it('takes a finished period at its end', () => {
    expect(periodAsOf(week, at('2026-12-01T00:00:00Z'))).toEqual({ asOf: week.end, complete: true });
  });

  it('takes a running period now', () => {
    const now = at('2026-11-18T03:00:00Z');
    expect(periodAsOf(week, now)).toEqual({ asOf: now, complete: false });
  });

  it('refuses a period that has not begun (00:00 Monday in Vietnam is 17:00 Sunday UTC)', () => {
    expect(() => periodAsOf(week, at('2026-11-15T16:59:59Z'))).toThrow(expect.objectContaining({ status: 400, code: 'PERIOD_IN_FUTURE' }));
    expect(periodAsOf(week, at('2026-11-15T17:00:00Z')).complete).toBe(false);
  });
});
