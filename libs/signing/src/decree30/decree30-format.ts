import { CalendarDate, vietnamCalendarDate } from './vietnam-time';

/**
 * Decree 30/2020/NĐ-CP, Phụ lục I: numbers below 10 are written 01…09, larger ones unpadded.
 */
export function padDocumentNumber(documentNumber: number): string {
  if (!Number.isInteger(documentNumber) || documentNumber < 1) {
    throw new RangeError(`Document number must be a positive integer, got ${documentNumber}`);
  }
  return documentNumber < 10 ? `0${documentNumber}` : String(documentNumber);
}

// Ký hiệu: groups joined by '-', no spaces, no '/' (the slash separates số from ký hiệu).
const NOTATION_PATTERN = /^[^\s/-]+(-[^\s/-]+)+$/u;

/** `05/QĐ-SGDĐT` — số and ký hiệu of an outgoing document. */
export function formatNumberSymbol(documentNumber: number, notation: string): string {
  const normalised = notation.normalize('NFC');
  if (!NOTATION_PATTERN.test(normalised)) {
    throw new RangeError(`Notation "${notation}" must look like TYPE-ISSUER (no spaces, no "/")`);
  }
  return `${padDocumentNumber(documentNumber)}/${normalised}`;
}

/** `Số: 05/QĐ-SGDĐT` — the text of box 3 of the Decree 30 layout. */
export function formatNumberLine(documentNumber: number, notation: string): string {
  return `Số: ${formatNumberSymbol(documentNumber, notation)}`;
}

/**
 * Day 1–9 → 01…09; months 1 and 2 → 01, 02 (so "tháng 1" cannot be misread as "tháng 10/11/12"
 * by someone adding a digit); months 3–12 unpadded.
 */
export function formatIssueDate(date: CalendarDate | Date): string {
  const { year, month, day } = date instanceof Date ? vietnamCalendarDate(date) : date;
  assertCalendarDate(year, month, day);
  const dayText = String(day).padStart(2, '0');
  const monthText = month <= 2 ? `0${month}` : String(month);
  return `ngày ${dayText} tháng ${monthText} năm ${year}`;
}

/** `Tây Ninh, ngày 05 tháng 01 năm 2027` — box 4 (địa danh, ngày tháng năm). */
export function formatIssueDateLine(place: string, date: CalendarDate | Date): string {
  const placeName = place.normalize('NFC').trim();
  if (placeName.length === 0) throw new RangeError('Place name (địa danh) is required');
  return `${placeName}, ${formatIssueDate(date)}`;
}

function assertCalendarDate(year: number, month: number, day: number): void {
  const valid =
    Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) &&
    month >= 1 && month <= 12 && day >= 1 &&
    day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (!valid) throw new RangeError(`Invalid calendar date ${year}-${month}-${day}`);
}
