import { CalendarDate, CalendarDateError, formatDayNumber, isoWeekdayOf, toDayNumber } from './calendar-date';
import { CalendarException, CalendarExceptionError } from './calendar-exceptions';
import { VIETNAM_DEFAULT_EXCEPTIONS } from './vietnam-holidays';
import { WorkingCalendar } from './working-calendar';
import { WorkingDayTable } from './working-day-table';

const weekendsOnly = new WorkingCalendar();
const vietnam = WorkingCalendar.forVietnam();

describe('WorkingCalendar — weekends only', () => {
  it('treats Saturday and Sunday as days off', () => {
    expect(weekendsOnly.isWorkingDay('2026-03-06')).toBe(true); // Friday
    expect(weekendsOnly.isWorkingDay('2026-03-07')).toBe(false);
    expect(weekendsOnly.isWorkingDay('2026-03-08')).toBe(false);
    expect(weekendsOnly.isWorkingDay('2026-03-09')).toBe(true);
  });

  it('does not count the start day, and skips weekends', () => {
    expect(weekendsOnly.addWorkingDays('2026-03-05', 1)).toBe('2026-03-06'); // Thu → Fri
    expect(weekendsOnly.addWorkingDays('2026-03-06', 1)).toBe('2026-03-09'); // Fri → Mon
    expect(weekendsOnly.addWorkingDays('2026-03-06', 5)).toBe('2026-03-13');
    expect(weekendsOnly.addWorkingDays('2026-03-07', 1)).toBe('2026-03-09'); // received Saturday → Monday
    expect(weekendsOnly.addWorkingDays('2026-03-02', 10)).toBe('2026-03-16');
  });

  it('n = 0 is "trong ngày": the start day if it is a working day, else the next one', () => {
    expect(weekendsOnly.addWorkingDays('2026-03-06', 0)).toBe('2026-03-06');
    expect(weekendsOnly.addWorkingDays('2026-03-07', 0)).toBe('2026-03-09');
    expect(weekendsOnly.addWorkingDays('2026-03-08', 0)).toBe('2026-03-09');
  });

  it('nextWorkingDay is strictly after the given day', () => {
    expect(weekendsOnly.nextWorkingDay('2026-03-05')).toBe('2026-03-06');
    expect(weekendsOnly.nextWorkingDay('2026-03-06')).toBe('2026-03-09');
    expect(weekendsOnly.nextWorkingDay('2026-03-07')).toBe('2026-03-09');
  });

  it('crosses a year end', () => {
    expect(weekendsOnly.addWorkingDays('2032-12-30', 3)).toBe('2033-01-04'); // Thu → Tue, no schedule for 2033
    expect(weekendsOnly.workingDaysBetween('2032-12-30', '2033-01-04')).toBe(3);
  });
});

describe('WorkingCalendar — exceptions', () => {
  const exceptions: CalendarException[] = [
    { date: '2030-03-13', kind: 'holiday', name: 'Nghỉ giữa tuần' }, // Wednesday
    { date: '2030-03-16', kind: 'working_day', name: 'Làm bù thứ Bảy' },
  ];
  const calendar = new WorkingCalendar(exceptions);

  it('skips a holiday on a weekday', () => {
    expect(calendar.isWorkingDay('2030-03-13')).toBe(false);
    expect(calendar.addWorkingDays('2030-03-12', 1)).toBe('2030-03-14');
    expect(calendar.workingDaysBetween('2030-03-12', '2030-03-14')).toBe(1);
  });

  it('counts a make-up Saturday (ngày làm bù) as a working day', () => {
    expect(calendar.isWorkingDay('2030-03-16')).toBe(true);
    expect(calendar.addWorkingDays('2030-03-15', 1)).toBe('2030-03-16');
    expect(calendar.addWorkingDays('2030-03-16', 0)).toBe('2030-03-16');
    expect(calendar.nextWorkingDay('2030-03-15')).toBe('2030-03-16');
    expect(calendar.workingDaysBetween('2030-03-15', '2030-03-18')).toBe(2);
  });

  it('tells which exception applies to a date', () => {
    expect(calendar.exceptionOn('2030-03-13')?.name).toBe('Nghỉ giữa tuần');
    expect(calendar.exceptionOn('2030-03-12')).toBeUndefined();
    expect(calendar.scheduledYears).toEqual([2030]);
  });

  it('rejects an invalid exception list', () => {
    const twice: CalendarException[] = [exceptions[0], { ...exceptions[0], name: 'again' }];
    expect(() => new WorkingCalendar(twice)).toThrow(CalendarExceptionError);
    expect(() => new WorkingCalendar([{ date: '2030-02-30', kind: 'holiday', name: 'x' }])).toThrow(/not a real calendar date/);
  });
});

describe('WorkingCalendar — the Vietnamese schedule', () => {
  it('Tết 2026: received Friday 13/02, 5 working days → Friday 27/02', () => {
    // 14–22/02 off (weekends + Tết 16–20/02); counting resumes Monday 23/02.
    expect(vietnam.addWorkingDays('2026-02-13', 5)).toBe('2026-02-27');
    expect(weekendsOnly.addWorkingDays('2026-02-13', 5)).toBe('2026-02-20');
    expect(vietnam.addWorkingDays('2026-02-13', 1)).toBe('2026-02-23');
    expect(vietnam.workingDaysBetween('2026-02-13', '2026-02-27')).toBe(5);
    expect(vietnam.exceptionOn('2026-02-17')?.name).toBe('Tết Nguyên đán');
  });

  it('New Year 2026: 01–04/01 off, make-up Saturday 10/01', () => {
    expect(vietnam.addWorkingDays('2025-12-31', 1)).toBe('2026-01-05');
    expect(vietnam.addWorkingDays('2025-12-31', 5)).toBe('2026-01-09');
    expect(vietnam.addWorkingDays('2025-12-31', 6)).toBe('2026-01-10');
    expect(vietnam.addWorkingDays('2025-12-31', 7)).toBe('2026-01-12');
    expect(vietnam.workingDaysBetween('2025-12-31', '2026-01-12')).toBe(7);
  });

  it('crosses year ends with New Year holidays', () => {
    expect(vietnam.addWorkingDays('2024-12-31', 1)).toBe('2025-01-02');
    expect(vietnam.addWorkingDays('2026-12-31', 1)).toBe('2027-01-04');
    // Friday 25/12: 28–31/12 count, Friday 1/1/2027 is off, Monday 4/1 is the fifth.
    expect(vietnam.workingDaysBetween('2026-12-25', '2027-01-04')).toBe(5);
  });

  it('30/4–1/5/2025: 30/04–04/05 off, Saturday 26/04 worked', () => {
    expect(vietnam.isWorkingDay('2025-04-26')).toBe(true);
    expect(vietnam.addWorkingDays('2025-04-29', 1)).toBe('2025-05-05');
  });

  it('accepts and returns CalendarDate values', () => {
    const due = vietnam.addWorkingDays(CalendarDate.parse('2026-02-13'), 5);
    expect(due).toBeInstanceOf(CalendarDate);
    expect(due.toString()).toBe('2026-02-27');
    expect(vietnam.nextWorkingDay(CalendarDate.parse('2026-02-13')).toString()).toBe('2026-02-23');
  });

  it('lets an override cancel a default holiday', () => {
    const calendar = WorkingCalendar.forVietnam([{ date: '2027-09-03', kind: 'working_day', name: 'Đi làm' }]);
    expect(vietnam.isWorkingDay('2027-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2027-09-03')).toBe(true);
  });
});

describe('workingDaysBetween', () => {
  it('is 0 for the same day and when to is before from, never negative', () => {
    expect(vietnam.workingDaysBetween('2026-02-23', '2026-02-23')).toBe(0);
    expect(vietnam.workingDaysBetween('2026-02-27', '2026-02-13')).toBe(0);
    expect(vietnam.workingDaysBetween('2026-02-13', '2026-02-22')).toBe(0); // all of Tết
  });

  it('adds up over consecutive spans and inverts addWorkingDays', () => {
    const [a, b, c] = ['2026-02-10', '2026-02-18', '2026-03-04'];
    expect(vietnam.workingDaysBetween(a, b) + vietnam.workingDaysBetween(b, c)).toBe(vietnam.workingDaysBetween(a, c));
    expect(vietnam.workingDaysBetween(b, a)).toBe(0);
  });
});

/** Day-by-day reference straight from the exception list: obviously correct, and slow. */
const referenceOverrides = new Map(VIETNAM_DEFAULT_EXCEPTIONS.map((entry) => [entry.date, entry.kind === 'working_day']));
function referenceIsWorking(day: number): boolean {
  return referenceOverrides.get(formatDayNumber(day)) ?? isoWeekdayOf(day) <= 5;
}
function naiveAdd(start: number, n: number): number {
  let day = start;
  if (n === 0) {
    while (!referenceIsWorking(day)) day += 1;
    return day;
  }
  for (let counted = 0; counted < n; ) {
    day += 1;
    if (referenceIsWorking(day)) counted += 1;
  }
  return day;
}

describe('agreement with a day-by-day walk', () => {
  it('matches for every start day of 2024–2027 and every n up to 60', () => {
    const mismatches: string[] = [];
    const check = (start: number, n: number, expected: number) => {
      const from = formatDayNumber(start);
      if (vietnam.addWorkingDays(from, n) !== formatDayNumber(expected)) mismatches.push(`${from} + ${n}`);
      if (n > 0 && vietnam.workingDaysBetween(from, formatDayNumber(expected)) !== n) mismatches.push(`between ${from} +${n}`);
    };
    for (let start = toDayNumber('2023-12-01'); start <= toDayNumber('2027-12-31'); start += 1) {
      check(start, 0, naiveAdd(start, 0));
      let walked = start;
      for (let n = 1; n <= 60; n += 1) {
        walked = naiveAdd(walked, 1);
        check(start, n, walked);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('isWorkingDay follows weekday and exception rules', () => {
    const calendar = new WorkingCalendar([{ date: '2031-05-03', kind: 'working_day', name: 'x' }]);
    for (let day = toDayNumber('2031-01-01'); day <= toDayNumber('2031-12-31'); day += 1) {
      const expected = formatDayNumber(day) === '2031-05-03' || isoWeekdayOf(day) <= 5;
      if (calendar.isWorkingDay(formatDayNumber(day)) !== expected) throw new Error(`wrong on ${formatDayNumber(day)}`);
    }
  });
});

describe('cost (structural check, no timing)', () => {
  it('answers many queries from one precomputed table, without rebuilding per call', () => {
    const rebuild = jest.spyOn(WorkingDayTable.prototype as unknown as { rebuild: () => void }, 'rebuild');
    const calendar = WorkingCalendar.forVietnam();
    const first = toDayNumber('2024-01-01');
    for (let i = 0; i < 100_000; i += 1) {
      const start = formatDayNumber(first + (i % 1400));
      const due = calendar.addWorkingDays(start, i % 61);
      calendar.workingDaysBetween(start, due);
    }
    expect(rebuild).toHaveBeenCalledTimes(1);
    rebuild.mockRestore();
  });
});

describe('invalid input', () => {
  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects working-day count %p', (n) => {
    expect(() => vietnam.addWorkingDays('2026-02-13', n)).toThrow(CalendarDateError);
  });

  it.each(['2026-02-30', '13/02/2026', '2026-02-13T08:00:00+07:00', ''])('rejects date %j', (date) => {
    expect(() => vietnam.addWorkingDays(date, 1)).toThrow(CalendarDateError);
    expect(() => vietnam.isWorkingDay(date)).toThrow(CalendarDateError);
    expect(() => vietnam.workingDaysBetween(date, '2026-02-13')).toThrow(CalendarDateError);
  });

  it('refuses results beyond the supported years instead of looping', () => {
    expect(() => vietnam.addWorkingDays('2199-12-01', 100)).toThrow(/after the supported years/);
    expect(vietnam.addWorkingDays('2024-01-02', 10_000)).toMatch(/^20[56]\d-/);
  });
});
