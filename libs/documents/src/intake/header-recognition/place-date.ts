import { collapseSpaces, fold, ocrDigits } from './text-folding';

const DIGITS = '[0-9OoQDlI|!SsB]';
const DATE_PATTERN = new RegExp(`ngay\\s*(${DIGITS}{1,2})\\s*[,.]?\\s*thang\\s*(${DIGITS}{1,2})\\s*[,.]?\\s*nam\\s*(${DIGITS}{4})`);

/**
 * "Tây Ninh, ngày 05 tháng 01 năm 2027" → place and ISO date. Read on the folded text, so
 * "ngảy", "thảng" or "nam" (tone marks misread) still count, and digits misread as letters (O, l)
 * are put back; an impossible date is no date.
 */
export function parsePlaceDate(text: string): { place: string | null; date: string } | null {
  const match = DATE_PATTERN.exec(fold(text));
  if (!match) return null;
  const [day, month, year] = match.slice(1, 4).map((part) => Number(ocrDigits(part)));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1945 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  const comma = text.indexOf(',');
  const place = comma > 0 && fold(text.slice(0, comma)).length > 0 && !/ngay/.test(fold(text.slice(0, comma))) ? collapseSpaces(text.slice(0, comma)) : null;
  return { place, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}
