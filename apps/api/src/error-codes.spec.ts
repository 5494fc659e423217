import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const DOC = join(ROOT, 'docs', 'error-codes.md');

/** A status and a code side by side: `new AppError(403,\n 'MFA_REQUIRED_FOR_ROLE'`, `super(429, '…'`, `[400, '…'`, `404: '…'`, `problem(500, '…'`. */
const STATUS_AND_CODE = /\b([1-5]\d\d)\s*[,:]\s*'([A-Z][A-Z0-9_]{2,})'/g;
const CONFLICT = /AppError\.conflict\(\s*'([A-Z][A-Z0-9_]{2,})'/g;
const SIGNING_ERROR_FILE = join(ROOT, 'libs', 'signing', 'src', 'errors', 'signing-error.ts');
/** The framework-error fallback of the problem-details filter, documented as a pattern. */
const PATTERNS = new Set(['HTTP_<status>']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** code → the HTTP statuses the sources give it, and where. */
function codesInSources(): Map<string, { statuses: Set<string>; files: Set<string> }> {
  const found = new Map<string, { statuses: Set<string>; files: Set<string> }>();
  const add = (code: string, status: string, file: string): void => {
    const entry = found.get(code) ?? { statuses: new Set<string>(), files: new Set<string>() };
    if (status) entry.statuses.add(status);
    entry.files.add(relative(ROOT, file));
    found.set(code, entry);
  };
  for (const file of [...sourceFiles(join(ROOT, 'apps')), ...sourceFiles(join(ROOT, 'libs'))]) {
    const text = readFileSync(file, 'utf8');
    for (const [, status, code] of text.matchAll(STATUS_AND_CODE)) add(code, status, file);
    for (const [, code] of text.matchAll(CONFLICT)) add(code, '409', file);
  }
  return found;
}

/** The members of the SigningErrorCode union. */
function signingErrorCodes(): string[] {
  const union = /export type SigningErrorCode =([^;]+);/.exec(readFileSync(SIGNING_ERROR_FILE, 'utf8'))?.[1] ?? '';
  return [...union.matchAll(/'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1]);
}

/** code → the statuses of its rows in docs/error-codes.md (`| \`CODE\` | 409 | meaning |`). */
function documentedCodes(): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const [, code, status] of readFileSync(DOC, 'utf8').matchAll(/^\| `([^`]+)` \| ([^|]+) \|/gm)) {
    rows.set(code, [...(rows.get(code) ?? []), ...status.split(',').map((s) => s.trim())]);
  }
  return rows;
}

describe('docs/error-codes.md', () => {
  const sources = codesInSources();
  const documented = documentedCodes();

  it('finds the codes it is meant to find (the scan itself works)', () => {
    expect(sources.get('MFA_REQUIRED_FOR_ROLE')?.statuses).toEqual(new Set(['403']));
    expect(sources.get('LAST_ADMIN')?.statuses).toEqual(new Set(['409']));
    expect(sources.get('TOO_MANY_REQUESTS')?.statuses).toEqual(new Set(['429']));
    expect(sources.get('MALFORMED_JSON')?.statuses).toEqual(new Set(['400']));
    expect(signingErrorCodes()).toEqual(expect.arrayContaining(['PDF_ENCRYPTED', 'LEADER_SIGNATURE_MISSING', 'INVALID_ARGUMENT']));
    expect(documented.get('PASSWORD_CHANGE_REQUIRED')).toEqual(['403']);
  });

  it('lists every code the API can answer, with the status the code gives it', () => {
    const missing = [...sources].filter(([code]) => !documented.has(code)).map(([code, { files }]) => `${code} (${[...files].join(', ')})`);
    expect(missing).toEqual([]);
    const wrongStatus = [...sources]
      .filter(([code, { statuses }]) => [...statuses].some((status) => !documented.get(code)?.includes(status)))
      .map(([code, { statuses }]) => `${code}: ${[...statuses].join(', ')} in the code, ${documented.get(code)?.join(', ')} in the list`);
    expect(wrongStatus).toEqual([]);
  });

  it('lists every SigningError code', () => {
    expect(signingErrorCodes().filter((code) => !documented.has(code))).toEqual([]);
  });

  it('lists no code that no longer exists', () => {
    const signing = new Set(signingErrorCodes());
    const stale = [...documented.keys()].filter((code) => !sources.has(code) && !signing.has(code) && !PATTERNS.has(code));
    expect(stale).toEqual([]);
  });
});
