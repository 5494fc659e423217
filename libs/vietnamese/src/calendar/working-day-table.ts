import { CalendarDateError, MAX_YEAR, MIN_YEAR, firstDayOfYear, isoWeekdayOf, yearOfDayNumber } from './calendar-date';

/** Every year has at least ~240 working days; 200 keeps forward growth estimates on the safe side. */
const MIN_WORKING_DAYS_PER_YEAR = 200;

/**
 * Working-day ranks over a contiguous span of whole years, so each calendar query is a few
 * array look-ups instead of a day-by-day walk (a million 60-day queries stay well under a
 * second). The span starts around the scheduled years and grows on demand; a rebuild costs one
 * step per day covered.
 */
export class WorkingDayTable {
  private firstYear = 0;
  private lastYear = -1;
  /** Day number of 1 January of `firstYear`. */
  private origin = 0;
  /** rank[i]: working days in [origin, origin + i]. */
  private rank = new Int32Array(0);
  /** The covered working days, ascending. */
  private days = new Int32Array(0);

  constructor(
    /** Day number → true for a make-up working day (ngày làm bù), false for an extra day off. */
    private readonly overrides: ReadonlyMap<number, boolean>,
    /** Years to cover from the first build, so typical queries never rebuild. */
    private readonly initialYears?: readonly [number, number],
  ) {}

  isWorking(dayNumber: number): boolean {
    const i = this.indexOf(dayNumber);
    return this.rank[i] !== (i === 0 ? 0 : this.rank[i - 1]);
  }

  /** Working days in (from, to]; 0 when to ≤ from. */
  countAfterUpTo(from: number, to: number): number {
    if (to <= from) return 0;
    this.indexOf(from);
    this.indexOf(to); // covering `to` may move the origin, so read both ranks afterwards
    return this.rank[to - this.origin] - this.rank[from - this.origin];
  }

  /** The n-th working day strictly after `start` (n ≥ 1). */
  nthAfter(start: number, n: number): number {
    const index = this.indexOf(start); // may rebuild, so read `rank` only afterwards
    const position = this.rank[index] + n - 1;
    while (position >= this.days.length) {
      // Growing forward keeps the origin, so `position` stays valid.
      const missingYears = Math.ceil((position - this.days.length + 1) / MIN_WORKING_DAYS_PER_YEAR);
      if (this.lastYear >= MAX_YEAR) throw new CalendarDateError(`the result falls after the supported years ${MIN_YEAR}–${MAX_YEAR}`);
      this.rebuild(this.firstYear, Math.min(MAX_YEAR, this.lastYear + missingYears));
    }
    return this.days[position];
  }

  /** Index of `dayNumber` in `rank`, growing the table first when needed. */
  private indexOf(dayNumber: number): number {
    const index = dayNumber - this.origin;
    if (index >= 0 && index < this.rank.length) return index;
    this.growToYear(yearOfDayNumber(dayNumber));
    return dayNumber - this.origin;
  }

  private growToYear(year: number): void {
    if (year < MIN_YEAR || year > MAX_YEAR) {
      throw new CalendarDateError(`year ${year} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`);
    }
    const empty = this.lastYear < this.firstYear;
    const [low, high] = empty ? (this.initialYears ?? [year, year]) : [this.firstYear, this.lastYear];
    // One spare year on each side: most deadlines run a few weeks past the queried date.
    const first = Math.max(MIN_YEAR, Math.min(low, year) - 1);
    const last = Math.min(MAX_YEAR, Math.max(high, year) + 1);
    this.rebuild(first, last);
  }

  private rebuild(firstYear: number, lastYear: number): void {
    const origin = firstDayOfYear(firstYear);
    const end = firstDayOfYear(lastYear + 1);
    const rank = new Int32Array(end - origin);
    const days = new Int32Array(end - origin);
    let count = 0;
    for (let day = origin; day < end; day++) {
      if (this.isWorkingByRule(day)) days[count++] = day;
      rank[day - origin] = count;
    }
    this.firstYear = firstYear;
    this.lastYear = lastYear;
    this.origin = origin;
    this.rank = rank;
    this.days = days.slice(0, count);
  }

  /** Saturday and Sunday are the weekly rest days of state agencies (40-hour week, Decision 188/1999/QĐ-TTg). */
  private isWorkingByRule(day: number): boolean {
    return this.overrides.get(day) ?? isoWeekdayOf(day) <= 5;
  }
}
