import type { FieldError } from '@eoffice/core';
import { type AgencyRow } from './agency-import';
import { rowProblem } from './csv-table';
import type { ExternalAgencyInput } from './external-agency-input';

/** What an import or a synchronisation does to the directory, decided before anything is written. */
export interface AgencyImportPlan {
  create: AgencyRow[];
  update: { id: string; row: AgencyRow }[];
  unchanged: number;
  problems: FieldError[];
}

export interface ListedAgency extends ExternalAgencyInput {
  id: string;
  active: boolean;
}

const FIELDS: (keyof ExternalAgencyInput)[] = ['organId', 'agencyCode', 'name', 'address', 'email', 'phone', 'fax', 'website', 'endpointKind', 'endpointUrl'];

/**
 * An agency is found by its OrganId, else by its 2020 code; a row whose two codes point at two
 * different agencies is refused (the file would merge them). A row equal to its agency changes
 * nothing, so importing the same file twice writes nothing the second time.
 */
export function planAgencyImport(existing: ListedAgency[], rows: AgencyRow[]): AgencyImportPlan {
  const byOrganId = new Map(existing.filter((a) => a.organId).map((a) => [a.organId!, a]));
  const byCode = new Map(existing.filter((a) => a.agencyCode).map((a) => [a.agencyCode!, a]));
  const plan: AgencyImportPlan = { create: [], update: [], unchanged: 0, problems: [] };
  for (const row of rows) {
    const viaOrganId = row.organId ? byOrganId.get(row.organId) : undefined;
    const viaCode = row.agencyCode ? byCode.get(row.agencyCode) : undefined;
    if (viaOrganId && viaCode && viaOrganId.id !== viaCode.id) {
      plan.problems.push(rowProblem('agencies', row.line, `mã cơ quan ${row.agencyCode} đã thuộc ${viaCode.name} (code belongs to another agency)`, 'agency_code'));
      continue;
    }
    const current = viaOrganId ?? viaCode;
    if (!current) plan.create.push(row);
    else if (current.active && FIELDS.every((f) => current[f] === row[f])) plan.unchanged += 1;
    else plan.update.push({ id: current.id, row });
  }
  return plan;
}
