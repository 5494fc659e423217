// The data of the page being opened, fetched beside the profile as soon as the session is known
// (after the refresh at start, or the sign-in) instead of after it: the chain of a reload is then
// refresh → (profile ∥ page data), two calls deep instead of three (bench/web counts it). The pages
// find it in TanStack Query's cache under the same keys (api/incoming.ts, api/outgoing.ts).
import type { QueryClient } from '@tanstack/react-query';
import { FIRST_PAGE, inboxQuery, incomingListQuery, incomingQuery } from '../api/incoming';
import { outgoingQuery, outgoingWaitingQuery } from '../api/outgoing';
import { statsQuery } from '../api/stats';
import { currentPeriodKey } from '../pages/stats/periods';

const ID = '([0-9a-f-]{36})';

export function prefetchRouteData(queryClient: QueryClient, pathname: string): void {
  const path = pathname.replace(/\/+$/, '') || '/';
  const prefetch = <T>(options: { queryKey: readonly unknown[]; queryFn: () => Promise<T>; staleTime: number }) => void queryClient.prefetchQuery(options);
  let match: RegExpMatchArray | null;
  if (path === '/' || path === '/inbox') prefetch(inboxQuery(FIRST_PAGE));
  else if (path === '/incoming') prefetch(incomingListQuery(FIRST_PAGE));
  else if ((match = path.match(new RegExp(`^/incoming/${ID}$`)))) prefetch(incomingQuery(match[1]));
  else if (path === '/outgoing') prefetch(outgoingWaitingQuery(FIRST_PAGE));
  else if ((match = path.match(new RegExp(`^/outgoing/${ID}$`)))) prefetch(outgoingQuery(match[1]));
  // The dashboard opens on this week, seen from Vietnam (DashboardPage's first request).
  else if (path === '/stats') prefetch(statsQuery({ kind: 'week', key: currentPeriodKey('week') }));
}
