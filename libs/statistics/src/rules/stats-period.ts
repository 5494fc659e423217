import { AppError } from '@eoffice/core';
import { CalendarDate } from '@eoffice/vietnamese';

/** Weekly (giao ban tuần) or monthly (giao ban tháng) figures. */
export type PeriodKind = 'week' | 'month';

/**
 * A reporting period in Vietnam time (UTC+07:00 all year): an ISO week, Monday to Sunday, or a
 * calendar month. `start` is 00:00 of the first day in Vietnam, `end` 00:00 of the day after the
 * last one (exclusive).
 */
export interface StatsPeriod {
  kind: PeriodKind;
  /** `2026-W47` or `2026-11`, as asked. */
  key: string;
  firstDay: string;
  lastDay: string;
  start: Date;
  end: Date;
}

/** Years a period may fall in (the working-day calendar's and the registers' range). */
export const PERIOD_YEARS = { min: 2000, max: 2199 } as const;

const WEEK = /^(\d{4})-W(\d{2})$/;
const MONTH = /^(\d{4})-(\d{2})$/;
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** `2026-W47` → Monday 16 to Sunday 22 November 2026; a week the year does not have is 400 PERIOD_INVALID. */
export function parseIsoWeek(text: string): StatsPeriod {
  const match = WEEK.exec(text);
  const year = match ? Number(match[1]) : NaN;
  const week = match ? Number(match[2]) : NaN;
  if (!match || !inYears(year)) throw invalid(`Tuần "${text}" không hợp lệ (expected YYYY-Www, e.g. 2026-W47)`);
  const weeks = isoWeeksInYear(year);
  if (week < 1 || week > weeks) throw invalid(`Năm ${year} không có tuần ${week} (${year} has ${weeks} ISO weeks)`);
  const monday = isoWeekOneMonday(year).addDays((week - 1) * 7);
  return period('week', text, monday, monday.addDays(6));
}

/** `2026-11` → 1 to 30 November 2026; month 13 is 400 PERIOD_INVALID. */
export function parseMonth(text: string): StatsPeriod {
  const match = MONTH.exec(text);
  const year = match ? Number(match[1]) : NaN;
  const month = match ? Number(match[2]) : NaN;
  if (!match || !inYears(year)) throw invalid(`Tháng "${text}" không hợp lệ (expected YYYY-MM, e.g. 2026-11)`);
  if (month < 1 || month > 12) throw invalid(`Tháng ${month} không tồn tại (month must be 01–12)`);
  const first = CalendarDate.of(year, month, 1);
  const next = month === 12 ? CalendarDate.of(year + 1, 1, 1) : CalendarDate.of(year, month + 1, 1);
  return period('month', text, first, next.addDays(-1));
}

/** ISO 8601: the last week is the one holding 28 December; 52 or 53. */
export function isoWeeksInYear(year: number): number {
  const dec28 = CalendarDate.of(year, 12, 28);
  return Math.floor((dec28.dayNumber - isoWeekOneMonday(year).dayNumber) / 7) + 1;
}

/** The period just before `p` (the week before; the month before). */
export function previousPeriod(p: StatsPeriod): StatsPeriod {
  const day = CalendarDate.parse(p.firstDay).addDays(-1);
  return periodContaining(p.kind, day);
}

/** `count` consecutive periods ending with `p`, oldest first (the trend). */
export function periodsEndingWith(p: StatsPeriod, count: number): StatsPeriod[] {
  const periods = [p];
  while (periods.length < count) periods.unshift(previousPeriod(periods[0]));
  return periods;
}

/** The week or month holding a Vietnam calendar day. */
export function periodContaining(kind: PeriodKind, day: CalendarDate): StatsPeriod {
  if (kind === 'month') return parseMonth(`${day.year}-${pad(day.month)}`);
  const monday = day.addDays(1 - day.isoWeekday);
  // The ISO year of a week is the year of its Thursday.
  const thursday = monday.addDays(3);
  const week = Math.floor((monday.dayNumber - isoWeekOneMonday(thursday.year).dayNumber) / 7) + 1;
  return parseIsoWeek(`${thursday.year}-W${pad(week)}`);
}

/**
 * The moment figures are taken at: the period's end, or now while the period is still running.
 * A period that has not begun is 400 PERIOD_IN_FUTURE.
 */
export function periodAsOf(p: StatsPeriod, now: Date): { asOf: Date; complete: boolean } {
  if (p.start.getTime() > now.getTime()) {
    throw new AppError(400, 'PERIOD_IN_FUTURE', `Kỳ ${p.key} chưa bắt đầu (the period ${p.key} lies in the future)`);
  }
  const complete = p.end.getTime() <= now.getTime();
  return { asOf: complete ? p.end : now, complete };
}

/** The Vietnam calendar day at an instant. */
export function vietnamDay(at: Date): CalendarDate {
  return CalendarDate.fromInstant(at);
}

function period(kind: PeriodKind, key: string, first: CalendarDate, last: CalendarDate): StatsPeriod {
  return { kind, key, firstDay: first.toString(), lastDay: last.toString(), start: midnight(first), end: midnight(last.addDays(1)) };
}

/** 00:00 in Vietnam of a day, as an instant. */
export function midnight(day: CalendarDate): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day) - VIETNAM_OFFSET_MS);
}

function isoWeekOneMonday(year: number): CalendarDate {
  const jan4 = CalendarDate.of(year, 1, 4);
  return jan4.addDays(1 - jan4.isoWeekday);
}

function inYears(year: number): boolean {
  return year >= PERIOD_YEARS.min && year <= PERIOD_YEARS.max;
}

function invalid(message: string): AppError {
  return new AppError(400, 'PERIOD_INVALID', message);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
