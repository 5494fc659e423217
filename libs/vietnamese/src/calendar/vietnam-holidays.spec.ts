import { formatDayNumber, isoWeekdayOf, toDayNumber } from './calendar-date';
import { validateCalendarExceptions } from './calendar-exceptions';
import { VIETNAM_DEFAULT_EXCEPTIONS, VIETNAM_SCHEDULE_STATUS } from './vietnam-holidays';
import { lunarToSolar } from './vietnamese-lunar';
import { WorkingCalendar } from './working-calendar';

const YEARS = [2024, 2025, 2026, 2027];
const calendar = WorkingCalendar.forVietnam();
const entriesOf = (year: number) => VIETNAM_DEFAULT_EXCEPTIONS.filter((entry) => entry.date.startsWith(`${year}-`));
const weekday = (date: string) => isoWeekdayOf(toDayNumber(date));
const isSwap = (name: string) => name.startsWith('Nghỉ hoán đổi');

/** All days of [from, to] as `YYYY-MM-DD`. */
function daysFrom(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = toDayNumber(from); day <= toDayNumber(to); day += 1) days.push(formatDayNumber(day));
  return days;
}

/** Lengths of the runs of consecutive days off that contain at least one holiday entry. */
function holidayBreaks(year: number): number[] {
  const runs: number[] = [];
  let run = 0;
  let hasHoliday = false;
  for (const date of daysFrom(`${year}-01-01`, `${year + 1}-01-10`)) {
    if (!calendar.isWorkingDay(date)) {
      run += 1;
      hasHoliday ||= calendar.exceptionOn(date)?.kind === 'holiday' && date.startsWith(`${year}-`);
      continue;
    }
    if (hasHoliday) runs.push(run);
    [run, hasHoliday] = [0, false];
  }
  return runs;
}

describe('built-in Vietnamese schedule', () => {
  it('is a valid exception list (real dates, known kinds, no duplicates)', () => {
    expect(() => validateCalendarExceptions(VIETNAM_DEFAULT_EXCEPTIONS)).not.toThrow();
    expect(calendar.scheduledYears).toEqual(YEARS);
  });

  it('lists days off only on weekdays and make-up days only on Saturdays', () => {
    for (const entry of VIETNAM_DEFAULT_EXCEPTIONS) {
      const expected = entry.kind === 'holiday' ? weekday(entry.date) <= 5 : weekday(entry.date) === 6;
      if (!expected) throw new Error(`${entry.date} ${entry.kind} falls on ISO weekday ${weekday(entry.date)}`);
    }
  });

  it.each(YEARS)('%i grants the 11 paid holidays of Labour Code Art. 112(1), each on a weekday after compensation', (year) => {
    const lawDays = entriesOf(year).filter((entry) => entry.kind === 'holiday' && !isSwap(entry.name));
    expect(lawDays).toHaveLength(11);
  });

  it.each(YEARS)('%i repays every swapped weekday with one make-up day', (year) => {
    const swaps = entriesOf(year).filter((entry) => isSwap(entry.name));
    const makeUps = entriesOf(year).filter((entry) => entry.kind === 'working_day');
    expect(makeUps).toHaveLength(swaps.length);
  });

  it.each([
    [2024, '2024-02-10', '2024-04-18'],
    [2025, '2025-01-29', '2025-04-07'],
    [2026, '2026-02-17', '2026-04-26'],
    [2027, '2027-02-06', '2027-04-16'],
  ])('%i: Tết (1/1 lunar) and Giỗ Tổ Hùng Vương (10/3 lunar) match the lunar calendar and are days off', (year, tet, hungKings) => {
    expect(lunarToSolar(1, 1, year)).toBe(tet);
    expect(lunarToSolar(10, 3, year)).toBe(hungKings);
    expect(calendar.isWorkingDay(tet)).toBe(false);
    expect(calendar.isWorkingDay(hungKings)).toBe(false);
    if (weekday(hungKings) <= 5) expect(calendar.exceptionOn(hungKings)?.name).toBe('Giỗ Tổ Hùng Vương');
  });

  it.each(YEARS)('%i keeps the fixed dates 1/1, 30/4, 2/9 off and 24/11 a working day', (year) => {
    for (const date of [`${year}-01-01`, `${year}-04-30`, `${year}-05-01`, `${year}-09-02`]) expect(calendar.isWorkingDay(date)).toBe(false);
    // Ngày Văn hóa Việt Nam is not yet a legal day off (Labour Code amendment pending).
    if (weekday(`${year}-11-24`) <= 5) expect(calendar.isWorkingDay(`${year}-11-24`)).toBe(true);
  });

  it.each([
    ['2024 Tết', '2024-02-08', '2024-02-14'],
    ['2024 30/4–1/5', '2024-04-27', '2024-05-01'],
    ['2024 Quốc khánh', '2024-08-31', '2024-09-03'],
    ['2025 Tết', '2025-01-25', '2025-02-02'],
    ['2025 30/4–1/5', '2025-04-30', '2025-05-04'],
    ['2025 Quốc khánh', '2025-08-30', '2025-09-02'],
    ['2026 Tết Dương lịch', '2026-01-01', '2026-01-04'],
    ['2026 Tết', '2026-02-14', '2026-02-22'],
    ['2026 Giỗ Tổ', '2026-04-25', '2026-04-27'],
    ['2026 Quốc khánh', '2026-08-29', '2026-09-02'],
  ])('matches the announced break: %s, %s to %s', (_label, first, last) => {
    for (const date of daysFrom(first, last)) expect([date, calendar.isWorkingDay(date)]).toEqual([date, false]);
    // The break ends there: the next day is a working day again.
    expect(calendar.nextWorkingDay(last)).toBe(formatDayNumber(toDayNumber(last) + 1));
  });

  it.each(['2024-05-04', '2025-04-26', '2026-01-10', '2026-08-22'])('works on the make-up Saturday %s', (date) => {
    expect(calendar.isWorkingDay(date)).toBe(true);
  });

  it('gives 25 days of holiday breaks in 2026, weekends included, as announced', () => {
    // 4 (Tết Dương lịch) + 9 (Tết) + 3 (Giỗ Tổ) + 4 (30/4–1/5) + 5 (Quốc khánh).
    expect(holidayBreaks(2026)).toEqual([4, 9, 3, 4, 5]);
  });

  it('marks 2027 as computed and 2024–2026 as taken from official decisions', () => {
    for (const year of YEARS) {
      const computed = entriesOf(year).filter((entry) => entry.source?.startsWith('computed'));
      expect(computed).toHaveLength(VIETNAM_SCHEDULE_STATUS[year] === 'computed' ? entriesOf(year).length : 0);
      expect(entriesOf(year).every((entry) => entry.source)).toBe(true);
    }
    expect(VIETNAM_SCHEDULE_STATUS[2027]).toBe('computed');
  });
});
