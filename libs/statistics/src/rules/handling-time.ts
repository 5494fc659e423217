import type { WorkingCalendar } from '@eoffice/vietnamese';
import { vietnamDay } from './stats-period';

const HOUR_MS = 3600_000;

/**
 * Handling time in working days (ngày làm việc) on the Vietnamese calendar, from the day a
 * document was received to the day it was closed: the days after the receipt up to and including
 * the closing day that were working days, so a document answered the day it arrived took 0 days
 * and one received on Friday and closed on Monday took 1 (WorkingCalendar.workingDaysBetween).
 */
export function handlingWorkingDays(calendar: WorkingCalendar, receivedAt: Date, closedAt: Date): number {
  return calendar.workingDaysBetween(vietnamDay(receivedAt), vietnamDay(closedAt));
}

/** Routing time of an urgent document: from its registration to its first assignment, in hours of the clock (Decree 30 Art. 4: at once). */
export function routingHours(registeredAt: Date, firstAssignedAt: Date): number {
  return Math.max(0, firstAssignedAt.getTime() - registeredAt.getTime()) / HOUR_MS;
}

/**
 * The last due date that counts as "due soon" on `day`: the same window as the daily reminders
 * (IncomingNotificationService): due from `day` up to `workingDays` working days after it.
 */
export function dueSoonLimit(calendar: WorkingCalendar, day: string, workingDays: number): string {
  return calendar.addWorkingDays(day, workingDays);
}
