import { CalendarDate, CalendarDateError, DateInput, formatDayNumber, toDayNumber } from './calendar-date';
import { CalendarException, mergeCalendarExceptions, validateCalendarExceptions } from './calendar-exceptions';
import { VIETNAM_DEFAULT_EXCEPTIONS } from './vietnam-holidays';
import { WorkingDayTable } from './working-day-table';

/**
 * Working days (ngày làm việc) of a state agency: Monday–Friday, minus holidays and days off,
 * plus make-up working days (ngày làm bù), as given by a list of CalendarException.
 *
 * Counting convention, for "trong thời hạn N ngày làm việc kể từ ngày …":
 * - The start day itself does not count; counting begins the next day (Civil Code 2015
 *   Art. 147(2): a period in days starts on the day after the event). Only working days count,
 *   so the due date is the N-th working day after the start, and it is always a working day
 *   (which also satisfies Art. 148: a period ending on a day off ends on the next working day).
 * - The start day may be a day off (a document that arrived on a Saturday via the electronic
 *   system): the first working day after it is day 1. An agency that treats such a document as
 *   received on the next working day should pass that date as `start` instead.
 * - N = 0 means "trong ngày": the start day if it is a working day, else the next working day —
 *   the reading of Decree 30/2020/NĐ-CP's "trong ngày, chậm nhất là trong ngày làm việc tiếp
 *   theo" for registering and forwarding documents.
 *
 * Methods take `YYYY-MM-DD` strings or CalendarDate, and return the same kind they were given.
 */
export class WorkingCalendar {
  private readonly byDay: ReadonlyMap<number, CalendarException>;
  private readonly table: WorkingDayTable;
  /** Years with at least one exception; other years are counted on weekends alone. */
  readonly scheduledYears: readonly number[];

  /** Throws CalendarExceptionError when the list has bad dates, unknown kinds or duplicates. */
  constructor(exceptions: readonly CalendarException[] = []) {
    const checked = validateCalendarExceptions(exceptions);
    this.byDay = new Map(checked.map((entry) => [toDayNumber(entry.date), entry]));
    this.scheduledYears = [...new Set(checked.map((entry) => Number(entry.date.slice(0, 4))))].sort((a, b) => a - b);
    const overrides = new Map([...this.byDay].map(([day, entry]) => [day, entry.kind === 'working_day']));
    const years = this.scheduledYears;
    this.table = new WorkingDayTable(overrides, years.length > 0 ? [years[0], years[years.length - 1]] : undefined);
  }

  /** The built-in Vietnamese schedule (see vietnam-holidays.ts) with `overrides` replacing entries by date. */
  static forVietnam(overrides: readonly CalendarException[] = []): WorkingCalendar {
    return new WorkingCalendar(mergeCalendarExceptions(VIETNAM_DEFAULT_EXCEPTIONS, overrides));
  }

  isWorkingDay(date: DateInput): boolean {
    return this.table.isWorking(toDayNumber(date));
  }

  /** The holiday or make-up working day entry for `date`, e.g. to show "Tết Nguyên đán". */
  exceptionOn(date: DateInput): CalendarException | undefined {
    return this.byDay.get(toDayNumber(date));
  }

  /** The due date `n` working days after `start` (start not counted; n = 0: start or the next working day). */
  addWorkingDays(start: string, n: number): string;
  addWorkingDays(start: CalendarDate, n: number): CalendarDate;
  addWorkingDays(start: DateInput, n: number): DateInput {
    assertCount(n);
    const day = toDayNumber(start);
    const due = n === 0 && this.table.isWorking(day) ? day : this.table.nthAfter(day, Math.max(n, 1));
    return sameKind(start, due);
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: string): string;
  nextWorkingDay(date: CalendarDate): CalendarDate;
  nextWorkingDay(date: DateInput): DateInput {
    return sameKind(date, this.table.nthAfter(toDayNumber(date), 1));
  }

  /**
   * Working days after `from` up to and including `to`: the handling time of a document received
   * on `from` and answered on `to` (same day → 0). 0 when `to` ≤ `from`, never negative.
   * Inverse of addWorkingDays: workingDaysBetween(d, addWorkingDays(d, n)) === n for n ≥ 1.
   */
  workingDaysBetween(from: DateInput, to: DateInput): number {
    return this.table.countAfterUpTo(toDayNumber(from), toDayNumber(to));
  }
}

function assertCount(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0) throw new CalendarDateError(`working-day count must be a whole number ≥ 0, got ${n}`);
}

function sameKind(input: DateInput, dayNumber: number): DateInput {
  return typeof input === 'string' ? formatDayNumber(dayNumber) : CalendarDate.fromDayNumber(dayNumber);
}
