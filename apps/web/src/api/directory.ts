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
