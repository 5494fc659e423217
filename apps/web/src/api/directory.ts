// Danh bạ: people to submit to or assign, found by name (any signed-in person may search it).
import { useQuery } from '@tanstack/react-query';
import { answer, api } from './client';

export function useDirectorySearch(q: string) {
  return useQuery({
    queryKey: ['directory', q],
    queryFn: () => answer(api.GET('/api/v1/directory', { params: { query: { q: q || undefined, pageSize: 20 } } })),
    staleTime: 60_000,
  });
}

/** The organisation's units as a tree in order (depth 0 for a root), for assigning a unit to lead. */
export function useUnits() {
  return useQuery({ queryKey: ['units'], queryFn: () => answer(api.GET('/api/v1/units')), staleTime: 5 * 60_000 });
}
