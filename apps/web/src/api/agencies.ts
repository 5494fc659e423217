// Danh bạ cơ quan (docs/agency-directory.md): agencies outside the installation that documents are
// exchanged with — searched as one types (accents ignored by the API), imported from CSV by the
// administrator.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import type { components, operations } from './schema';
import { uploadMultipart } from './upload';

export type Agency = components['schemas']['AgencyDto'];
export type AgencyImportResult = components['schemas']['AgencyImportResultDto'];
export type AgencyQuery = NonNullable<operations['AgenciesController_search']['parameters']['query']>;

export const agencyKeys = {
  all: ['agencies'] as const,
  list: (query: AgencyQuery) => ['agencies', 'list', query] as const,
};

export function useAgencies(query: AgencyQuery) {
  return useQuery({
    queryKey: agencyKeys.list(query),
    queryFn: () => answer(api.GET('/api/v1/agencies', { params: { query } })),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The API's limit for the CSV (docs/agency-directory.md): refused here before upload. */
export const MAX_AGENCY_CSV_BYTES = 32 * 1024 * 1024;

export function importAgencies(csv: File, onProgress: (percent: number) => void): Promise<AgencyImportResult> {
  const form = () => {
    const data = new FormData();
    data.append('agencies', csv, csv.name);
    return data;
  };
  return uploadMultipart<AgencyImportResult>('/api/v1/agencies/import', form, onProgress);
}

/**
 * How a directory agency receives an outgoing document: the API takes agencies outside the
 * installation as e-mail or paper recipients, so one with an address gets the e-mail and one without
 * the paper copy; a confidential (mật) document goes on paper to every outside agency (Decree 30 Art. 15).
 */
export function agencyRecipient(agency: Agency, confidential: boolean): { kind: 'external'; name: string; email: string } | { kind: 'paper'; name: string } {
  const email = agency.endpointKind === 'email' && agency.endpointUrl ? agency.endpointUrl : agency.email;
  return !confidential && email ? { kind: 'external', name: agency.name, email } : { kind: 'paper', name: agency.name };
}
