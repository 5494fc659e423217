import type { FieldError } from '@eoffice/core';
import { ALL_ROLES, Role } from '../authorization/role';
import type { UnitKind } from '../entities/unit.entity';
import { readCsvTable, rowProblem } from './csv-table';
import { normaliseUnitCode, personProblems, unitProblems } from './organisation-input';
import { normaliseText } from '@eoffice/vietnamese';

/**
 * The roll-out files of POST /directory/import, checked row by row without the database:
 *   units.csv   code,name,kind,parent          kind = agency|department; parent = a unit code or a
 *                                               path of codes from the top (SGDĐT/THPTTDN) when codes repeat
 *   people.csv  full_name,unit,roles,position,head   roles separated by ; or |; head = x|yes|1|có
 * A problem is reported as `file:line` (the line a spreadsheet shows), with the column when known.
 */
export const IMPORT_LIMITS = { units: 500, people: 2000 } as const;

export type ImportFile = 'units' | 'people';

export interface UnitRow {
  line: number;
  code: string;
  name: string;
  kind: UnitKind;
  parent: string | null;
}

export interface PersonRow {
  line: number;
  fullName: string;
  unit: string;
  roles: Role[];
  position: string | null;
  head: boolean;
}

const COLUMNS = {
  units: { required: ['code', 'name', 'kind'], optional: ['parent'] },
  people: { required: ['full_name', 'unit', 'roles'], optional: ['position', 'head'] },
} as const;

function readTable(file: ImportFile, text: string) {
  return readCsvTable(file, text, COLUMNS[file], IMPORT_LIMITS[file]);
}

const lineOf = (p: FieldError) => Number(p.field.split(':')[1]);
const byLine = (problems: FieldError[]) => problems.sort((a, b) => lineOf(a) - lineOf(b));

/** The report reads like the files: units.csv first, then people.csv, each by line. */
export function sortProblems(problems: FieldError[]): FieldError[] {
  const fileOf = (p: FieldError) => (p.field.startsWith('units:') ? 0 : 1);
  return [...problems].sort((a, b) => fileOf(a) - fileOf(b) || lineOf(a) - lineOf(b));
}

const COLUMN_OF: Record<string, string> = { fullName: 'full_name', position: 'position', code: 'code', name: 'name' };

export function parseUnitRows(text: string): { rows: UnitRow[]; problems: FieldError[] } {
  const table = readTable('units', text);
  const rows: UnitRow[] = [];
  for (const { line, values } of table.rows) {
    const problems = unitProblems({ code: values.code, name: values.name }).map((p) =>
      rowProblem('units', line, p.message, COLUMN_OF[p.field]),
    );
    const kind = values.kind.trim().toLowerCase();
    if (kind !== 'agency' && kind !== 'department') problems.push(rowProblem('units', line, 'kind là agency hoặc department', 'kind'));
    const parent = values.parent?.trim() ? values.parent.split('/').map(normaliseUnitCode).join('/') : null;
    if (kind === 'department' && !parent) problems.push(rowProblem('units', line, 'phòng/ban cần đơn vị cấp trên (parent required)', 'parent'));
    table.problems.push(...problems);
    if (!problems.length) rows.push({ line, code: normaliseUnitCode(values.code), name: normaliseText(values.name), kind: kind as UnitKind, parent });
  }
  return { rows, problems: byLine(table.problems) };
}

const YES = new Set(['x', 'yes', 'true', '1', 'có', 'co']);
const NO = new Set(['', 'no', 'false', '0', 'không', 'khong']);

export function parsePersonRows(text: string): { rows: PersonRow[]; problems: FieldError[] } {
  const table = readTable('people', text);
  const rows: PersonRow[] = [];
  for (const { line, values } of table.rows) {
    const position = normaliseText(values.position ?? '') || null;
    const problems = personProblems({ fullName: values.full_name, position }).map((p) =>
      rowProblem('people', line, p.message, COLUMN_OF[p.field]),
    );
    const roles = values.roles.split(/[;|,\s]+/).filter(Boolean).map((r) => r.toLowerCase());
    const unknown = roles.filter((r) => !ALL_ROLES.includes(r as Role));
    if (!roles.length || unknown.length) {
      problems.push(rowProblem('people', line, `vai trò hợp lệ: ${ALL_ROLES.join(', ')}${unknown.length ? `; không nhận: ${unknown.join(', ')}` : ''}`, 'roles'));
    }
    const head = normaliseText(values.head ?? '').toLowerCase();
    if (!YES.has(head) && !NO.has(head)) problems.push(rowProblem('people', line, 'head là x/yes/có hoặc để trống', 'head'));
    if (!values.unit.trim()) problems.push(rowProblem('people', line, 'cần mã đơn vị (unit required)', 'unit'));
    table.problems.push(...problems);
    if (!problems.length) {
      rows.push({
        line,
        fullName: normaliseText(values.full_name),
        unit: values.unit.split('/').map(normaliseUnitCode).join('/'),
        roles: [...new Set(roles as Role[])],
        position,
        head: YES.has(head),
      });
    }
  }
  return { rows, problems: byLine(table.problems) };
}
