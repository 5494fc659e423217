import type { WorkingCalendar } from './working-calendar';

/**
 * "Phát hành trong ngày" on the working calendar (Decision 28/2018/QĐ-TTg: documents exchanged
 * electronically leave the day they are issued; Decree 30/2020/NĐ-CP Art. 16: the day of signing,
 * at the latest the next working day). The rule, in one place:
 *
 * - an ordinary document's working day is the day it was issued, in Vietnam, when that is a working
 *   day and it was issued before the end of office hours (WORKDAY_END_HOUR); otherwise the next working
 *   day — issued Friday evening, sent Monday morning is on time when Saturday and Sunday are days off;
 * - an urgent one (khẩn and above) must leave at once: within URGENT_AT_ONCE_MINUTES of its issue,
 *   whatever the day.
 */
export const WORKDAY_END_HOUR = 17;
export const URGENT_AT_ONCE_MINUTES = 60;

const VIETNAM_OFFSET_MS = 7 * 3600_000;

function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}

/** The working day (`YYYY-MM-DD`) an ordinary document issued at `issuedAt` must leave on. */
export function sameWorkingDayOf(calendar: WorkingCalendar, issuedAt: Date): string {
  const day = vietnamDay(issuedAt);
  const hour = new Date(issuedAt.getTime() + VIETNAM_OFFSET_MS).getUTCHours();
  if (calendar.isWorkingDay(day) && hour < WORKDAY_END_HOUR) return day;
  return calendar.nextWorkingDay(day);
}

/** Whether a document issued at `issuedAt` and delivered at `deliveredAt` left in time. */
export function leftInTime(calendar: WorkingCalendar, issue: { issuedAt: Date; deliveredAt: Date; urgent: boolean }): boolean {
  if (issue.urgent) return issue.deliveredAt.getTime() - issue.issuedAt.getTime() <= URGENT_AT_ONCE_MINUTES * 60_000;
  return vietnamDay(issue.deliveredAt) <= sameWorkingDayOf(calendar, issue.issuedAt);
}
