import { readFileSync } from 'node:fs';
import { CalendarException, CalendarExceptionError, mergeCalendarExceptions, parseCalendarExceptions } from './calendar-exceptions';
import { VIETNAM_DEFAULT_EXCEPTIONS } from './vietnam-holidays';

/**
 * The calendar the installation counts working days on: the built-in national schedules with the
 * entries of `CALENDAR_EXCEPTIONS_FILE` on top (a year's decision on Tết and make-up days, or a
 * correction: an entry replaces the built-in one of the same date). A bad file stops the start-up
 * with every problem listed, rather than counting deadlines on a wrong calendar.
 */
export function configuredCalendarExceptions(file: string | undefined): CalendarException[] {
  if (!file) return [...VIETNAM_DEFAULT_EXCEPTIONS];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new Error(`CALENDAR_EXCEPTIONS_FILE: cannot read ${file} (${(error as Error).message})`, { cause: error });
  }
  try {
    return mergeCalendarExceptions(VIETNAM_DEFAULT_EXCEPTIONS, parseCalendarExceptions(text));
  } catch (error) {
    if (error instanceof CalendarExceptionError) throw new Error(`CALENDAR_EXCEPTIONS_FILE ${file}: ${error.message}`, { cause: error });
    throw error;
  }
}
