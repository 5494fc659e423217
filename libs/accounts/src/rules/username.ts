/**
 * Account naming rule of the official e-mail regulation (the Bình Định e-mail rules (2014), Bình Định 2014):
 * given name without diacritics + first letters of the family and middle names, lower case.
 * `Nguyễn Văn Bằng` → `bangnv`; clashes get 2, 3, ... appended.
 */
export function stripDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D');
}

export function baseUsername(fullName: string): string {
  const words = stripDiacritics(fullName.normalize('NFC'))
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) throw new Error('A full name needs at least one letter');
  const given = words[words.length - 1];
  const initials = words.slice(0, -1).map((w) => w[0]).join('');
  return `${given}${initials}`;
}

/** Picks the first free name: `bangnv`, then `bangnv2`, `bangnv3`, ... */
export function nextFreeUsername(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n += 1) {
    if (!taken.has(`${base}${n}`)) return `${base}${n}`;
  }
}
