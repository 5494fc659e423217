import { dateProblem } from './calendar-date';

/**
 * A day that differs from the plain Monday–Friday week:
 * - `holiday`: an extra day off (ngày nghỉ lễ, Tết, nghỉ bù, or a weekday swapped away — nghỉ hoán đổi);
 * - `working_day`: a normal working day, used for make-up Saturdays (ngày làm bù) and, in an
 *   override, to cancel a default holiday that the Government's decision did not grant.
 */
export const CALENDAR_EXCEPTION_KINDS = ['holiday', 'working_day'] as const;
export type CalendarExceptionKind = (typeof CALENDAR_EXCEPTION_KINDS)[number];

export interface CalendarException {
  /** `YYYY-MM-DD`, a date in Vietnam. */
  readonly date: string;
  readonly kind: CalendarExceptionKind;
  /** Shown to users, e.g. "Tết Nguyên đán". */
  readonly name: string;
  /** Where the entry comes from, so operators know what to check (official notice, or computed). */
  readonly source?: string;
}

/** A rejected exception list; `issues` holds one readable line per problem, all of them at once. */
export class CalendarExceptionError extends Error {
  override name = 'CalendarExceptionError';

  constructor(readonly issues: readonly string[]) {
    super(`Invalid calendar exceptions:\n- ${issues.join('\n- ')}`);
  }
}

const ALLOWED_FIELDS = new Set(['date', 'kind', 'name', 'source']);
const MAX_NAME_LENGTH = 200;
/** Decades of holidays fit in a few hundred entries; far more means a wrong upload. */
const MAX_ENTRIES = 5000;

/**
 * Checks an exception list given as configuration (JSON text, or a value already parsed from
 * JSON) and returns it normalised (names trimmed). Throws CalendarExceptionError listing every
 * problem, so an admin can fix an upload in one pass.
 */
export function parseCalendarExceptions(input: unknown): CalendarException[] {
  const value = typeof input === 'string' ? parseJson(input) : input;
  if (!Array.isArray(value)) throw new CalendarExceptionError([`expected a JSON array of exceptions, got ${kindOf(value)}`]);
  if (value.length > MAX_ENTRIES) throw new CalendarExceptionError([`too many entries (${value.length}); at most ${MAX_ENTRIES}`]);
  const issues = [...value.flatMap(entryProblems), ...duplicateProblems(value)];
  if (issues.length > 0) throw new CalendarExceptionError(issues);
  return value.map(normalise);
}

/** The same checks for a list built in code (typed, but possibly loaded from a database). */
export function validateCalendarExceptions(list: readonly CalendarException[]): CalendarException[] {
  return parseCalendarExceptions(list);
}

/**
 * Puts `overrides` on top of `defaults`: an override for a date replaces the default entry for
 * that date (so `working_day` on a default holiday cancels it). The result is sorted by date.
 */
export function mergeCalendarExceptions(
  defaults: readonly CalendarException[],
  overrides: readonly CalendarException[],
): CalendarException[] {
  const merged = new Map(validateCalendarExceptions(defaults).map((entry) => [entry.date, entry]));
  for (const entry of validateCalendarExceptions(overrides)) merged.set(entry.date, entry);
  return [...merged.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new CalendarExceptionError([`not valid JSON: ${(error as Error).message}`]);
  }
}

function entryProblems(entry: unknown, index: number): string[] {
  const where = `entry ${index + 1}`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return [`${where}: expected an object, got ${kindOf(entry)}`];
  const record = entry as Record<string, unknown>;
  const label = typeof record.date === 'string' ? `${where} (${record.date})` : where;
  const problems = [
    ...unknownFieldProblems(record),
    dateProblem(record.date),
    kindProblem(record.kind),
    nameProblem(record.name),
    record.source === undefined || typeof record.source === 'string' ? undefined : '"source" must be a string when given',
  ];
  return problems.filter((problem): problem is string => problem !== undefined).map((problem) => `${label}: ${problem}`);
}

function unknownFieldProblems(record: Record<string, unknown>): string[] {
  const unknown = Object.keys(record).filter((key) => !ALLOWED_FIELDS.has(key));
  return unknown.length === 0 ? [] : [`unknown field(s) ${unknown.map((key) => `"${key}"`).join(', ')}; allowed: date, kind, name, source`];
}

function kindProblem(kind: unknown): string | undefined {
  if ((CALENDAR_EXCEPTION_KINDS as readonly unknown[]).includes(kind)) return undefined;
  return `unknown kind ${JSON.stringify(kind) ?? 'undefined'}; expected "holiday" (extra day off) or "working_day" (make-up working day)`;
}

function nameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string' || name.trim() === '') return '"name" must be a non-empty string';
  if (name.length > MAX_NAME_LENGTH) return `"name" is longer than ${MAX_NAME_LENGTH} characters`;
  return undefined;
}

/** A date listed twice is ambiguous (which kind wins?), so it is an error rather than last-one-wins. */
function duplicateProblems(entries: unknown[]): string[] {
  const firstIndex = new Map<string, number>();
  const problems: string[] = [];
  entries.forEach((entry, index) => {
    const date = (entry as { date?: unknown } | null)?.date;
    if (typeof date !== 'string' || dateProblem(date)) return;
    const earlier = firstIndex.get(date);
    if (earlier === undefined) firstIndex.set(date, index);
    else problems.push(`entry ${index + 1} (${date}): duplicate date, already given by entry ${earlier + 1}`);
  });
  return problems;
}

function normalise(entry: CalendarException): CalendarException {
  const { date, kind, name, source } = entry;
  return source === undefined ? { date, kind, name: name.trim() } : { date, kind, name: name.trim(), source };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : typeof value;
}
