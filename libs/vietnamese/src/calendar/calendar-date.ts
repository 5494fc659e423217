/**
 * A day on the calendar used in Vietnam (ngày dương lịch), without time or zone.
 *
 * Dates are kept as integers, never as JS `Date` in local time: `new Date('2026-02-13')` is
 * midnight UTC, and local getters on a server in another zone move such values across day
 * boundaries. Internally a day is its "day number": days since 1970-01-01 (a Thursday).
 */
export type DateInput = string | CalendarDate;

/** The years this module counts over: for an office, other years are typos (0226), and the working-day table stays small. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Vietnam keeps UTC+07:00 all year (no daylight saving since 1975). */
const VIETNAM_OFFSET_MS = 7 * 60 * 60 * 1000;
const MS_PER_DAY = 86_400_000;

export class CalendarDateError extends RangeError {
  override name = 'CalendarDateError';
}

export class CalendarDate {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
    /** Days since 1970-01-01. */
    readonly dayNumber: number,
  ) {}

  /** Parses `YYYY-MM-DD`; throws CalendarDateError on anything else. */
  static parse(text: string): CalendarDate {
    return CalendarDate.fromDayNumber(toDayNumber(text));
  }

  static of(year: number, month: number, day: number): CalendarDate {
    return CalendarDate.parse(`${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);
  }

  static fromDayNumber(dayNumber: number): CalendarDate {
    if (!Number.isSafeInteger(dayNumber)) throw new CalendarDateError(`day number ${dayNumber} is not an integer`);
    const [year, month, day] = civilFromDays(dayNumber);
    assertSupportedYear(year, `day number ${dayNumber} (year ${year})`);
    return new CalendarDate(year, month, day, dayNumber);
  }

  /** The date in Vietnam at `instant`, whatever the server's own time zone is. */
  static fromInstant(instant: Date): CalendarDate {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new CalendarDateError('Invalid Date given to CalendarDate.fromInstant');
    return CalendarDate.fromDayNumber(Math.floor((ms + VIETNAM_OFFSET_MS) / MS_PER_DAY));
  }

  /** ISO weekday: 1 = Monday (thứ Hai) … 6 = Saturday (thứ Bảy), 7 = Sunday (Chủ nhật). */
  get isoWeekday(): number {
    return isoWeekdayOf(this.dayNumber);
  }

  addDays(days: number): CalendarDate {
    return CalendarDate.fromDayNumber(this.dayNumber + days);
  }

  compareTo(other: CalendarDate): number {
    return this.dayNumber - other.dayNumber;
  }

  equals(other: CalendarDate): boolean {
    return this.dayNumber === other.dayNumber;
  }

  toString(): string {
    return isoText(this.year, this.month, this.day);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Why `text` is not a usable `YYYY-MM-DD` date, or undefined when it is. */
export function dateProblem(text: unknown): string | undefined {
  if (typeof text !== 'string') return `expected a "YYYY-MM-DD" string, got ${describeValue(text)}`;
  const parts = splitIso(text);
  if (!parts) return `"${text}" is not in YYYY-MM-DD form`;
  const [year, month, day] = parts;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return `"${text}" is not a real calendar date`;
  if (year < MIN_YEAR || year > MAX_YEAR) return `"${text}" is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`;
  return undefined;
}

/** The day number of a `YYYY-MM-DD` string or CalendarDate; the hot path of every calendar query. */
export function toDayNumber(input: DateInput): number {
  if (input instanceof CalendarDate) return input.dayNumber;
  const problem = dateProblem(input);
  if (problem) throw new CalendarDateError(problem);
  const [year, month, day] = splitIso(input) as [number, number, number];
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` of a day number, without building a CalendarDate (hot path of every query). */
export function formatDayNumber(dayNumber: number): string {
  const [year, month, day] = civilFromDays(dayNumber);
  assertSupportedYear(year, `day number ${dayNumber} (year ${year})`);
  return isoText(year, month, day);
}

export function isoWeekdayOf(dayNumber: number): number {
  // Day 0 (1970-01-01) was a Thursday, ISO weekday 4.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}

export function yearOfDayNumber(dayNumber: number): number {
  return civilFromDays(dayNumber)[0];
}

/** Day number of 1 January of `year`. */
export function firstDayOfYear(year: number): number {
  return daysFromCivil(year, 1, 1);
}

// Proleptic Gregorian conversions after Howard Hinnant's "chrono-compatible low-level date
// algorithms": exact integer arithmetic, no Date object, valid far beyond the supported years.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(dayNumber: number): [number, number, number] {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/** Year, month and day of a `YYYY-MM-DD` string, or undefined when its shape is wrong. */
function splitIso(text: string): [number, number, number] | undefined {
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined; // 45: '-'
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 7);
  const day = digitsAt(text, 8, 10);
  return year < 0 || month < 0 || day < 0 ? undefined : [year, month, day];
}

/** The number written in text[from, to), or -1 if a character is not an ASCII digit. */
function digitsAt(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Only for supported years, which all have four digits. */
function isoText(year: number, month: number, day: number): string {
  return `${year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function assertSupportedYear(year: number, what: string): void {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new CalendarDateError(`${what} is outside the supported years ${MIN_YEAR}–${MAX_YEAR}`);
  }
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return 'a JS Date (convert it with CalendarDate.fromInstant)';
  return typeof value;
}
