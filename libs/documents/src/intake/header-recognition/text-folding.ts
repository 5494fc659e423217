/**
 * Comparing OCR'd Vietnamese with what a header should say: tone marks and the Đ/D stroke are what
 * Tesseract most often gets wrong, so keys compare letters without them.
 */

/** Eth (Ð, U+00D0) and African D (Ɖ) look like Đ and come out of OCR for it. */
export function normaliseLetters(text: string): string {
  return text.normalize('NFC').replace(/[ÐƉ]/g, 'Đ').replace(/[ɖ]/g, 'đ').replace(/[‐‑‒–—―]/g, '-');
}

/** Lower case, no tone or vowel marks, đ → d, runs of spaces as one: "Quyết Định" → "quyet dinh". */
export function fold(text: string): string {
  return normaliseLetters(text)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Only the letters and digits of the folded text: what a stamp or a title line says despite stray dots. */
export function letterKey(text: string): string {
  return fold(text).replace(/[^a-z0-9 ]/g, '').replace(/\s+/g, ' ').trim();
}

export function collapseSpaces(text: string): string {
  return normaliseLetters(text).replace(/\s+/g, ' ').trim();
}

/** Digits OCR reads as letters (O for 0, l or I for 1) where only digits can be. */
export function ocrDigits(text: string): string {
  return text.replace(/[OoQD]/g, '0').replace(/[lI|!]/g, '1').replace(/[Ss]/g, '5').replace(/B/g, '8');
}

/** True when the letters of the text are all capitals (a title line, an authority's name). */
export function isUpperCase(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toLocaleUpperCase('vi');
}

/** Edit distance, stopping early once it exceeds `limit` (keys are short: a title line, a name). */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, current[j]);
    }
    if (best > limit) return limit + 1;
    previous = current;
  }
  return previous[b.length];
}

/** How many letters OCR may have got wrong in a key of this length and still be that key. */
export function tolerance(key: string): number {
  const letters = key.replace(/ /g, '').length;
  return letters < 5 ? 0 : letters <= 10 ? 1 : 2;
}

/** The entry of `keys` (letter keys) the text is, allowing `tolerance` misread letters; null when none or two fit. */
export function closestKey<T>(text: string, entries: readonly (readonly [string, T])[]): T | null {
  const key = letterKey(text);
  const exact = entries.find(([candidate]) => candidate === key);
  if (exact) return exact[1];
  const near = entries.filter(([candidate]) => editDistance(key, candidate, tolerance(candidate)) <= tolerance(candidate));
  return near.length === 1 ? near[0][1] : null;
}
