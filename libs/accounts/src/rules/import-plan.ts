import type { FieldError } from '@eoffice/core';
import type { Role } from '../authorization/role';
import type { UnitKind } from '../entities/unit.entity';
import { rowProblem } from './csv-table';
import type { PersonRow, UnitRow } from './directory-import';

/**
 * Resolves the checked rows against the organisation as it is: which parent, which unit, whether
 * something already exists. Still no database: the service passes the current units and people in,
 * and carries the plan out in one transaction only when there is not a single problem.
 */
export interface ExistingUnit {
  id: string;
  code: string;
  kind: UnitKind;
  parentId: string | null;
  headUserId: string | null;
}

export interface ExistingPerson {
  fullName: string;
  unitId: string;
}

/** A unit of the plan: one that exists (`id`) or one a row of units.csv will create (`line`). */
export interface UnitRef {
  path: string;
  id?: string;
  line?: number;
}

export interface PlannedUnit {
  line: number;
  path: string;
  code: string;
  name: string;
  kind: UnitKind;
  parent: UnitRef | null;
}

export interface PlannedPerson {
  line: number;
  fullName: string;
  roles: Role[];
  position: string | null;
  head: boolean;
  unit: UnitRef;
}

export interface ImportPlan {
  units: PlannedUnit[];
  people: PlannedPerson[];
  problems: FieldError[];
}

interface Node extends UnitRef {
  code: string;
  kind: UnitKind;
}

function pathsOf(units: readonly ExistingUnit[]): Map<string, string> {
  const byId = new Map(units.map((u) => [u.id, u]));
  const paths = new Map<string, string>();
  const pathOf = (u: ExistingUnit): string => {
    const known = paths.get(u.id);
    if (known) return known;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    const path = parent ? `${pathOf(parent)}/${u.code}` : u.code;
    paths.set(u.id, path);
    return path;
  };
  units.forEach(pathOf);
  return paths;
}

export function planImport(
  existingUnits: readonly ExistingUnit[],
  existingPeople: readonly ExistingPerson[],
  unitRows: readonly UnitRow[],
  personRows: readonly PersonRow[],
): ImportPlan {
  const problems: FieldError[] = [];
  const paths = pathsOf(existingUnits);
  const nodes = new Map<string, Node>(existingUnits.map((u) => [paths.get(u.id)!, { path: paths.get(u.id)!, id: u.id, code: u.code, kind: u.kind }]));
  let hasRoot = existingUnits.some((u) => u.kind === 'agency' && u.parentId === null);

  const resolve = (ref: string): Node | string => {
    if (ref.includes('/')) return nodes.get(ref) ?? `không tìm thấy đơn vị "${ref}" (unit not found)`;
    const matches = [...nodes.values()].filter((n) => n.code === ref);
    if (matches.length === 1) return matches[0];
    return matches.length === 0
      ? `không tìm thấy đơn vị "${ref}" (unit not found)`
      : `mã "${ref}" có ở nhiều nơi, hãy ghi đường dẫn, ví dụ ${matches[0].path} (ambiguous code, use a path)`;
  };

  const units: PlannedUnit[] = [];
  for (const row of unitRows) {
    const parent = row.parent ? resolve(row.parent) : null;
    if (typeof parent === 'string') {
      problems.push(rowProblem('units', row.line, parent, 'parent'));
      continue;
    }
    const path = parent ? `${parent.path}/${row.code}` : row.code;
    if (nodes.has(path)) {
      problems.push(rowProblem('units', row.line, `đơn vị "${path}" đã có (already exists)`, 'code'));
      continue;
    }
    nodes.set(path, { path, line: row.line, code: row.code, kind: row.kind });
    if (row.kind === 'agency' && parent && parent.kind !== 'agency') {
      problems.push(rowProblem('units', row.line, 'cơ quan trực thuộc phải thuộc một cơ quan (must belong to an agency)', 'parent'));
    } else if (row.kind === 'agency' && !parent && hasRoot) {
      problems.push(rowProblem('units', row.line, 'đã có cơ quan chủ quản; hãy ghi cơ quan cấp trên (one root agency only)', 'parent'));
    } else {
      if (row.kind === 'agency' && !parent) hasRoot = true;
      units.push({ ...row, path, parent: parent ? { path: parent.path, id: parent.id, line: parent.line } : null });
    }
  }

  const taken = new Set(existingPeople.map((p) => `${p.unitId}|${p.fullName}`));
  const headed = new Set(existingUnits.filter((u) => u.headUserId).map((u) => u.id));
  const people: PlannedPerson[] = [];
  for (const row of personRows) {
    const unit = resolve(row.unit);
    if (typeof unit === 'string') {
      problems.push(rowProblem('people', row.line, unit, 'unit'));
      continue;
    }
    const unitKey = unit.id ?? unit.path;
    if (taken.has(`${unitKey}|${row.fullName}`)) {
      problems.push(rowProblem('people', row.line, `"${row.fullName}" đã có trong ${unit.path}; người trùng tên hãy thêm qua POST /users (already there)`, 'full_name'));
      continue;
    }
    taken.add(`${unitKey}|${row.fullName}`);
    if (row.head && headed.has(unitKey)) {
      problems.push(rowProblem('people', row.line, `${unit.path} đã có trưởng đơn vị (the unit already has a head)`, 'head'));
      continue;
    }
    if (row.head) headed.add(unitKey);
    people.push({ ...row, unit: { path: unit.path, id: unit.id, line: unit.line } });
  }
  return { units, people, problems };
}
