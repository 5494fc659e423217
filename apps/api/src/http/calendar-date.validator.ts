import { registerDecorator, type ValidationOptions } from 'class-validator';

/** The years a date of the document flow may fall in: the registers' range (Decree 30 registers are per year). */
export const DOCUMENT_YEARS = { min: 2000, max: 2200 } as const;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;

export interface YearRange {
  min: number;
  max: number;
}

function dayExists(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  // Date.UTC rolls 2026-02-31 over to March 3; a real day comes back unchanged.
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCFullYear() === year && at.getUTCMonth() === month - 1 && at.getUTCDate() === day;
}

function inRange(year: number, years: YearRange): boolean {
  return year >= years.min && year <= years.max;
}

/** `YYYY-MM-DD` naming a day that exists (no 2026-02-31) in `years`. */
export function isCalendarDate(value: unknown, years: YearRange = DOCUMENT_YEARS): boolean {
  if (typeof value !== 'string') return false;
  const m = DATE.exec(value);
  return !!m && inRange(Number(m[1]), years) && dayExists(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** An ISO 8601 instant with an offset (`2026-11-24T08:30:00+07:00`) on a day that exists, in `years`. */
export function isCalendarInstant(value: unknown, years: YearRange = DOCUMENT_YEARS): boolean {
  if (typeof value !== 'string') return false;
  const m = INSTANT.exec(value);
  return !!m && inRange(Number(m[1]), years) && dayExists(Number(m[1]), Number(m[2]), Number(m[3])) && !Number.isNaN(Date.parse(value));
}

function decorator(name: string, test: (value: unknown, years: YearRange) => boolean, shape: string) {
  return (years: YearRange = DOCUMENT_YEARS, options?: ValidationOptions): PropertyDecorator =>
    (target, propertyName) =>
      registerDecorator({
        name,
        target: target.constructor,
        propertyName: propertyName as string,
        options: {
          message: (args) => `${args.property}: ngày không hợp lệ, cần ${shape} có thật, năm ${years.min}–${years.max} (a real date ${shape}, years ${years.min}–${years.max})`,
          ...options,
        },
        validator: { validate: (value: unknown) => test(value, years) },
      });
}

/** A calendar date `YYYY-MM-DD` that exists, in the registers' years unless told otherwise. */
export const IsCalendarDate = decorator('isCalendarDate', isCalendarDate, 'YYYY-MM-DD');

/** An instant with its offset, on a day that exists, in the registers' years unless told otherwise. */
export const IsCalendarInstant = decorator('isCalendarInstant', isCalendarInstant, 'YYYY-MM-DDThh:mm[:ss]±hh:mm');
