/**
 * Vietnam keeps UTC+07:00 all year (no daylight saving), so a fixed offset is exact and
 * avoids depending on the host's time-zone database.
 */
const VIETNAM_OFFSET_MINUTES = 7 * 60;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

function shiftToVietnam(instant: Date): Date {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Invalid date');
  return new Date(instant.getTime() + VIETNAM_OFFSET_MINUTES * 60_000);
}

function two(value: number): string {
  return String(value).padStart(2, '0');
}

/** The calendar day an instant falls on in Vietnam (what a clerk's wall clock shows). */
export function vietnamCalendarDate(instant: Date): CalendarDate {
  const local = shiftToVietnam(instant);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/** ISO 8601 with the Vietnamese offset, e.g. `2024-03-15T14:05:09+07:00` (ND 30 Phụ lục I). */
export function formatVietnamIso(instant: Date): string {
  const l = shiftToVietnam(instant);
  const date = `${l.getUTCFullYear()}-${two(l.getUTCMonth() + 1)}-${two(l.getUTCDate())}`;
  const time = `${two(l.getUTCHours())}:${two(l.getUTCMinutes())}:${two(l.getUTCSeconds())}`;
  return `${date}T${time}+07:00`;
}

/** PDF date string (ISO 32000 §7.9.4) in Vietnamese local time, e.g. `D:20240315140509+07'00'`. */
export function formatPdfDate(instant: Date): string {
  const l = shiftToVietnam(instant);
  const digits =
    `${l.getUTCFullYear()}${two(l.getUTCMonth() + 1)}${two(l.getUTCDate())}` +
    `${two(l.getUTCHours())}${two(l.getUTCMinutes())}${two(l.getUTCSeconds())}`;
  return `D:${digits}+07'00'`;
}

/** Parses a PDF date string (`D:YYYYMMDDHHmmSSOHH'mm'`, trailing parts optional). */
export function parsePdfDate(text: string): Date | undefined {
  const match = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?'?/.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', sign, oh = '00', om = '00'] = match;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s);
  const offsetMinutes = sign === '+' ? +oh * 60 + +om : sign === '-' ? -(+oh * 60 + +om) : 0;
  return new Date(utc - offsetMinutes * 60_000);
}
