/**
 * Text that people type into the organisation (names, positions, unit names): Unicode NFC with
 * single spaces, and no traces of the legacy Vietnamese encodings (TCVN3/ABC, VNI) that show up
 * as stray Latin-1 symbols when such text is read as Unicode ("Phßng Gi¸o dôc" for "Phòng Giáo dục").
 * Stricter than the rule for document fields (vietnamese-text.ts): typed text has no reason to hold
 * any Latin-1 symbol at all.
 */
const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
const VIETNAMESE_LETTERS: ReadonlySet<string> = new Set([
  ...[...'aăâeêioôơuưy'].flatMap((base) => TONES.map((tone) => (base + tone).normalize('NFC'))),
  'đ',
].flatMap((letter) => [letter, letter.toUpperCase()]));

export type TextProblem = 'empty' | 'legacy_encoding' | 'invalid_characters';

export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function isVietnameseLetter(c: string): boolean {
  return /[A-Za-z]/.test(c) || VIETNAMESE_LETTERS.has(c);
}

/** A character from Latin-1 or Latin Extended that Vietnamese does not use: the mark of legacy-encoded text. */
function isLegacyTrace(c: string): boolean {
  const code = c.codePointAt(0)!;
  return code >= 0x80 && code <= 0x24f && code !== 0xa0 && !isVietnameseLetter(c);
}

/** Free text (unit name, position): anything printable, but not legacy-encoded. */
export function textProblem(text: string): TextProblem | null {
  const value = normaliseText(text);
  if (!value) return 'empty';
  if ([...value].some(isLegacyTrace)) return 'legacy_encoding';
  if (/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/u.test(value)) return 'invalid_characters';
  return null;
}

/** A person's full name: letters of the Vietnamese alphabet, spaces, and . ' - between them. */
export function personNameProblem(fullName: string): TextProblem | null {
  const general = textProblem(fullName);
  if (general) return general;
  const value = normaliseText(fullName);
  const chars = [...value];
  if (!chars.every((c) => isVietnameseLetter(c) || " .'-".includes(c))) return 'invalid_characters';
  if (!isVietnameseLetter(chars[0])) return 'invalid_characters';
  return null;
}

export const TEXT_PROBLEM_MESSAGES: Record<TextProblem, string> = {
  empty: 'không được để trống (must not be empty)',
  legacy_encoding:
    'có ký tự của bảng mã cũ TCVN3/VNI; hãy chuyển sang Unicode (legacy TCVN3/VNI encoding, convert to Unicode)',
  invalid_characters: 'có ký tự không hợp lệ (invalid characters)',
};
