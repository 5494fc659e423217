import { CalendarDate, CalendarDateError, dateProblem, formatDayNumber, isoWeekdayOf, toDayNumber } from './calendar-date';

describe('CalendarDate', () => {
  it('parses and prints YYYY-MM-DD', () => {
    const date = CalendarDate.parse('2026-02-13');
    expect([date.year, date.month, date.day]).toEqual([2026, 2, 13]);
    expect(date.toString()).toBe('2026-02-13');
    expect(JSON.stringify({ date })).toBe('{"date":"2026-02-13"}');
  });

  it('agrees with UTC arithmetic on every day from 1900 to 2199', () => {
    // Date.UTC is the oracle here; the module itself never uses JS Date for calendar days.
    const mismatches: string[] = [];
    for (let day = toDayNumber('1900-01-01'); day <= toDayNumber('2199-12-31'); day += 1) {
      const utc = new Date(day * 86_400_000);
      const expected = utc.toISOString().slice(0, 10);
      if (formatDayNumber(day) !== expected || toDayNumber(expected) !== day) mismatches.push(expected);
      if (isoWeekdayOf(day) % 7 !== utc.getUTCDay()) mismatches.push(`${expected} weekday`);
    }
    expect(mismatches).toEqual([]);
  });

  it('knows weekdays: 13/02/2026 is a Friday, 14/02/2026 a Saturday', () => {
    expect(CalendarDate.parse('2026-02-13').isoWeekday).toBe(5);
    expect(CalendarDate.parse('2026-02-14').isoWeekday).toBe(6);
    expect(CalendarDate.parse('2026-02-15').isoWeekday).toBe(7);
  });

  it('handles leap years', () => {
    expect(dateProblem('2024-02-29')).toBeUndefined();
    expect(dateProblem('2000-02-29')).toBeUndefined();
    expect(dateProblem('2025-02-29')).toMatch(/not a real calendar date/);
    expect(dateProblem('2100-02-29')).toMatch(/not a real calendar date/);
  });

  it.each([
    ['2026-02-30', /not a real calendar date/],
    ['2026-13-01', /not a real calendar date/],
    ['2026-00-10', /not a real calendar date/],
    ['13/02/2026', /not in YYYY-MM-DD form/],
    ['2026-2-13', /not in YYYY-MM-DD form/],
    ['2026-02-13T00:00:00Z', /not in YYYY-MM-DD form/],
    [' 2026-02-13', /not in YYYY-MM-DD form/],
    ['1899-12-31', /outside the supported years/],
    ['2200-01-01', /outside the supported years/],
  ])('rejects %j', (text, message) => {
    expect(() => CalendarDate.parse(text)).toThrow(CalendarDateError);
    expect(() => CalendarDate.parse(text)).toThrow(message);
  });

  it('rejects a JS Date with a hint instead of guessing its zone', () => {
    expect(dateProblem(new Date())).toMatch(/CalendarDate\.fromInstant/);
    expect(() => toDayNumber(new Date() as unknown as string)).toThrow(CalendarDateError);
  });

  it('takes the Vietnam date of an instant, whatever the server zone (UTC+07:00)', () => {
    expect(CalendarDate.fromInstant(new Date('2026-02-12T16:59:59.999Z')).toString()).toBe('2026-02-12');
    expect(CalendarDate.fromInstant(new Date('2026-02-12T17:00:00.000Z')).toString()).toBe('2026-02-13');
    expect(CalendarDate.fromInstant(new Date('2025-12-31T17:30:00Z')).toString()).toBe('2026-01-01');
    expect(() => CalendarDate.fromInstant(new Date('nope'))).toThrow(CalendarDateError);
  });

  it('adds days and compares', () => {
    const friday = CalendarDate.of(2026, 2, 13);
    expect(friday.addDays(17).toString()).toBe('2026-03-02');
    expect(friday.addDays(-44).toString()).toBe('2025-12-31');
    expect(friday.compareTo(friday.addDays(1))).toBeLessThan(0);
    expect(friday.equals(CalendarDate.parse('2026-02-13'))).toBe(true);
  });
});
