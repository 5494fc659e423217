import { toUnicode } from '@eoffice/vietnamese';

/**
 * Text of a file kept for search (extracted_text). Capped: it feeds a trigram index, and the
 * first tens of pages hold what anyone searches for (số, ký hiệu, trích yếu, names).
 */
export const MAX_EXTRACTED_CHARS = 100_000;

/** Fewer letters than this per page means the page is an image (a scan without a text layer). */
const MIN_LETTERS_PER_PAGE = 20;

export function needsOcr(text: string, pageCount: number): boolean {
  const letters = text.match(/\p{L}/gu)?.length ?? 0;
  return letters < MIN_LETTERS_PER_PAGE * Math.max(1, pageCount);
}

/**
 * One line of NFC text: whitespace and page breaks collapsed so a phrase split across lines is
 * still found; NUL and other control characters removed (PostgreSQL text refuses NUL); text from
 * PDFs made with legacy TCVN3/VNI fonts converted to Unicode so it can be searched at all.
 */
export function normaliseExtractedText(raw: string): string {
  const flat = raw
    .replace(/\p{Cc}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const { text } = toUnicode(flat);
  if (text.length <= MAX_EXTRACTED_CHARS) return text;
  const cut = text.slice(0, MAX_EXTRACTED_CHARS);
  const lastSpace = cut.lastIndexOf(' ');
  return lastSpace > 0 ? cut.slice(0, lastSpace) : cut;
}
