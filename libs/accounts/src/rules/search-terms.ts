/**
 * Splits a directory query into words, each matched anywhere (diacritics and case are folded in
 * PostgreSQL by `eoffice_fold`, the same function the indexes use). LIKE wildcards typed by the
 * user are escaped, so `%` finds a percent sign rather than everything.
 */
export const MAX_SEARCH_TERMS = 8;

export function searchTerms(query: string | undefined): string[] {
  if (!query) return [];
  return query
    .normalize('NFC')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, MAX_SEARCH_TERMS)
    .map((term) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
}
