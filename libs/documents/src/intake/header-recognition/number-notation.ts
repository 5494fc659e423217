import { fold, normaliseLetters } from './text-folding';

/** Codes a notation is made of besides the issuer's initials (Decree 30 Phụ lục III, and common issuers). */
const KNOWN_CODES = [
  'NQ', 'QĐ', 'CT', 'QC', 'QyĐ', 'TC', 'TB', 'HD', 'CTr', 'KH', 'PA', 'ĐA', 'DA', 'BC', 'BB', 'TTr', 'HĐ', 'CĐ', 'BGN', 'BTT',
  'GUQ', 'GM', 'GGT', 'GNP', 'PG', 'PC', 'PB', 'NĐ', 'TT', 'TTLT', 'UBND', 'HĐND', 'CP', 'TTg', 'VP', 'M', 'QH', 'VPCP',
];

/** "Số: 125/SGDĐT-VP" → "125/SGDĐT-VP"; null when the line is not the number line. */
export function numberLineRest(text: string): string | null {
  const match = /^\s*[S5$]\s*([\p{L}\d])\s*[.:;,]?\s*(.*)$/u.exec(normaliseLetters(text));
  if (!match || !['o', '0', '6'].includes(fold(match[1]))) return null;
  const rest = match[2].trim();
  return /^\d/.test(rest) || /^[OolI|]\d/.test(rest) ? rest : null;
}

/** Initials of an authority's name as notations write them: "SỞ GIÁO DỤC VÀ ĐÀO TẠO" → "SGDĐT". */
export function initialsOf(name: string): string {
  return normaliseLetters(name)
    .split(/\s+/)
    .filter((word) => /^\p{L}/u.test(word) && fold(word) !== 'va')
    .map((word) => word[0].normalize('NFD')[0].toUpperCase())
    .join('');
}

/** The key a code is compared by: no Đ/D or O/0 difference, no case. */
const codeKey = (code: string) => fold(code).toUpperCase().replace(/0/g, 'O').replace(/[1|]/g, 'I');

/**
 * The number and notation as written (`125/SGDĐT-VP`, `05/2024/NĐ-CP`) from what OCR made of it:
 * spaces dropped, a `/` read as `l`, `I`, `1` or `|` put back, and each code of the notation
 * matched (ignoring Đ/D and case) against the type abbreviations and the issuer's initials, which
 * restores a Đ read as D. Null when there is no number (a notation alone, `Số:    /SGDĐT-VP`).
 */
export function normaliseNumberSymbol(raw: string, authorities: string[] = []): string | null {
  const text = normaliseLetters(raw).replace(/\s+/g, '').replace(/[.,;:]+$/, '');
  const parts = splitNumber(text);
  if (!parts) return null;
  const candidates = [...KNOWN_CODES, ...authorities.filter(Boolean).map(initialsOf)];
  const notation = parts.notation
    .split('-')
    .filter(Boolean)
    .map((code) => known(code, candidates) ?? code.replace(/[0]/g, 'O'))
    .join('-');
  return [parts.number, parts.year, notation].filter(Boolean).join('/');
}

/** The candidate a code is, also when OCR added a stroke after it (the rule under the cell read as I or l). */
function known(code: string, candidates: string[]): string | undefined {
  const exact = candidates.find((candidate) => codeKey(candidate) === codeKey(code));
  if (exact || !/[Il1|.]$/.test(code)) return exact;
  return candidates.find((candidate) => codeKey(candidate) === codeKey(code.slice(0, -1)));
}

function splitNumber(text: string): { number: string; year: string | null; notation: string } | null {
  const strict = /^(\d{1,6})\/(?:((?:19|20)\d\d)\/)?([\p{L}].*)$/u.exec(text);
  if (strict) return { number: strict[1], year: strict[2] ?? null, notation: strict[3] };
  const withYear = /^(\d{1,6}?)[/lI1|!]((?:19|20)\d\d)[/lI1|!]([\p{L}].*)$/u.exec(text);
  if (withYear) return { number: withYear[1], year: withYear[2], notation: withYear[3] };
  const plain = /^(\d{1,6}?)[/lI1|!]([\p{Lu}].*)$/u.exec(text);
  if (plain) return { number: plain[1], year: null, notation: plain[2] };
  return null;
}
