// Dates as Vietnamese offices write them: dd/mm/yyyy, in Vietnam's time (+07:00, no daylight saving),
// whatever the time zone of the browser.
import dayjs from 'dayjs';
import 'dayjs/locale/vi';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.locale('vi');

const VIETNAM_OFFSET_MINUTES = 7 * 60;

/** `2026-11-20` or an instant → `20/11/2026` (an instant is read in +07:00). */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  // A calendar date has no time zone: shifting it would move it to the day before in the west.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return dayjs(value, 'YYYY-MM-DD').format('DD/MM/YYYY');
  return dayjs(value).utcOffset(VIETNAM_OFFSET_MINUTES).format('DD/MM/YYYY');
}

/** An instant → `20/11/2026 14:05` in +07:00. */
export function formatDateTime(value: string | null | undefined): string {
  return value ? dayjs(value).utcOffset(VIETNAM_OFFSET_MINUTES).format('DD/MM/YYYY HH:mm') : '';
}

/** A picked day (dayjs) → the API's calendar date `YYYY-MM-DD`. */
export function toCalendarDate(value: dayjs.Dayjs): string {
  return value.format('YYYY-MM-DD');
}

export const DATE_FORMAT = 'DD/MM/YYYY';
export { dayjs };
