import type { FieldError } from '@eoffice/core';
import { readCsvTable, rowProblem } from './csv-table';
import { ExternalAgencyInput, externalAgencyProblems, normaliseAgencyInput } from './external-agency-input';

/**
 * The agencies file of POST /agencies/import (UTF-8 CSV, `,` or `;`):
 *   organ_id,agency_code,name,address,email,phone,fax,website,endpoint_kind,endpoint_url
 * `name` and one of the two codes are required. An agency is known by its OrganId (else by its
 * 2020 code), so importing the same file again changes nothing. A file of the national directory
 * (about 111,000 agencies) fits in one import.
 */
export const AGENCY_IMPORT_MAX_ROWS = 150_000;

const COLUMNS = {
  required: ['name'],
  optional: ['organ_id', 'agency_code', 'address', 'email', 'phone', 'fax', 'website', 'endpoint_kind', 'endpoint_url'],
} as const;

const COLUMN_OF: Record<string, string> = {
  organId: 'organ_id',
  agencyCode: 'agency_code',
  endpointKind: 'endpoint_kind',
  endpointUrl: 'endpoint_url',
};

export interface AgencyRow extends ExternalAgencyInput {
  line: number;
}

/** The key an agency is known by across imports and synchronisations. */
export const agencyKey = (agency: Pick<ExternalAgencyInput, 'organId' | 'agencyCode'>): string =>
  agency.organId ? `organ:${agency.organId}` : `code:${agency.agencyCode}`;

export function parseAgencyRows(text: string): { rows: AgencyRow[]; problems: FieldError[] } {
  const table = readCsvTable('agencies', text, COLUMNS, AGENCY_IMPORT_MAX_ROWS);
  const rows: AgencyRow[] = [];
  const seen = new Map<string, number>();
  for (const { line, values } of table.rows) {
    const input = normaliseAgencyInput({
      organId: values.organ_id,
      agencyCode: values.agency_code,
      name: values.name,
      address: values.address,
      email: values.email,
      phone: values.phone,
      fax: values.fax,
      website: values.website,
      endpointKind: values.endpoint_kind,
      endpointUrl: values.endpoint_url,
    });
    const problems = externalAgencyProblems(input).map((p) => rowProblem('agencies', line, p.message, COLUMN_OF[p.field] ?? p.field));
    const key = agencyKey(input);
    if (!problems.length && seen.has(key)) {
      problems.push(rowProblem('agencies', line, `trùng với dòng ${seen.get(key)} (same agency twice)`, input.organId ? 'organ_id' : 'agency_code'));
    }
    seen.set(key, seen.get(key) ?? line);
    table.problems.push(...problems);
    if (!problems.length) rows.push({ line, ...input });
  }
  return { rows, problems: table.problems };
}
