// The periods the statistics API names: ISO weeks `2026-W47` (Monday to Sunday) and months `2026-11`,
// both in Vietnam's time (+07:00), whatever the browser's time zone.
import type { PeriodKind } from '../../api/stats';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The calendar day in Vietnam at `now`, as a UTC date at midnight (only its Y/M/D are read). */
function vietnamDay(now: Date): Date {
  const shifted = new Date(now.getTime() + VIETNAM_OFFSET_MS);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** ISO 8601 week of a day: the week belongs to the year of its Thursday. */
export function isoWeekOf(day: Date): { year: number; week: number } {
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const year = thursday.getUTCFullYear();
  // Week 1 holds 4 January; its Thursday is 4 January moved to the Thursday of its week.
  const january4 = new Date(Date.UTC(year, 0, 4));
  const firstThursday = new Date(Date.UTC(year, 0, 4 + 3 - ((january4.getUTCDay() + 6) % 7)));
  const week = 1 + Math.round((thursday.getTime() - firstThursday.getTime()) / (7 * 86400_000));
  return { year, week };
}

export function weekKey(day: Date): string {
  const { year, week } = isoWeekOf(day);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function monthKey(day: Date): string {
  return `${day.getUTCFullYear()}-${String(day.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** This week's or this month's key in Vietnam at `now`. */
export function currentPeriodKey(kind: PeriodKind, now = new Date()): string {
  const day = vietnamDay(now);
  return kind === 'week' ? weekKey(day) : monthKey(day);
}

/** The key of a day picked as `YYYY-MM-DD` (the date picker's calendar day). */
export function periodKeyOfDay(kind: PeriodKind, calendarDate: string): string {
  const [y, m, d] = calendarDate.split('-').map(Number);
  const day = new Date(Date.UTC(y, m - 1, d));
  return kind === 'week' ? weekKey(day) : monthKey(day);
}

/** `2026-W47` → `Tuần 47/2026`, `2026-11` → `Tháng 11/2026`. */
export function periodLabel(key: string): string {
  const week = key.match(/^(\d{4})-W(\d{2})$/);
  if (week) return `Tuần ${Number(week[2])}/${week[1]}`;
  const month = key.match(/^(\d{4})-(\d{2})$/);
  return month ? `Tháng ${Number(month[2])}/${month[1]}` : key;
}
