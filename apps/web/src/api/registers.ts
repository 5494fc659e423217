// Sổ văn bản (docs/registers.md): the agency's registers and their books as JSON, XLSX or PDF.
import { useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import { withQuery } from './download';
import type { components } from './schema';

export type Register = components['schemas']['RegisterDto'];
export type RegisterBook = components['schemas']['RegisterBookDto'];

/** The book of a year, or of a period inside it (from/to: `YYYY-MM-DD`, inclusive). */
export interface BookRequest {
  registerId: string;
  year: number;
  from?: string;
  to?: string;
}

export function useRegisters() {
  return useQuery({ queryKey: ['registers'], queryFn: () => answer(api.GET('/api/v1/registers')), staleTime: 5 * 60_000 });
}

export function useRegisterBook(request: BookRequest | undefined) {
  return useQuery({
    queryKey: ['registers', 'book', request],
    enabled: request !== undefined,
    queryFn: () =>
      answer(
        api.GET('/api/v1/registers/{id}/book', {
          params: { path: { id: request!.registerId }, query: { year: request!.year, from: request!.from, to: request!.to, format: 'json' }, header: { accept: 'application/json' } },
        }),
      ) as Promise<RegisterBook>,
  });
}

export function registerBookUrl(request: BookRequest, format: 'xlsx' | 'pdf'): string {
  return withQuery(`/api/v1/registers/${encodeURIComponent(request.registerId)}/book`, { year: request.year, from: request.from, to: request.to, format });
}
