// Working-day calendar for due dates (hạn xử lý) on the Vietnamese calendar: pure, no I/O.
export { CalendarDate, CalendarDateError, MAX_YEAR, MIN_YEAR, dateProblem } from './calendar-date';
export type { DateInput } from './calendar-date';
export {
  CALENDAR_EXCEPTION_KINDS,
  CalendarExceptionError,
  mergeCalendarExceptions,
  parseCalendarExceptions,
  validateCalendarExceptions,
} from './calendar-exceptions';
export type { CalendarException, CalendarExceptionKind } from './calendar-exceptions';
export { VIETNAM_DEFAULT_EXCEPTIONS, VIETNAM_SCHEDULE_STATUS } from './vietnam-holidays';
export type { HolidayScheduleStatus } from './vietnam-holidays';
export { lunarToSolar } from './vietnamese-lunar';
export { WorkingCalendar } from './working-calendar';
export { leftInTime, sameWorkingDayOf, URGENT_AT_ONCE_MINUTES, WORKDAY_END_HOUR } from './same-working-day';
