import type { QueryClient } from '@tanstack/react-query';
import { prefetchRouteData } from './prefetch';

const ID = '6f1c2a52-7d43-4a4e-9d0b-0a4c9b0e6f11';

/** The query keys prefetchRouteData asks for on `pathname` (nothing is fetched: the client is a fake). */
function keysFor(pathname: string): unknown[] {
  const keys: unknown[] = [];
  const client = { prefetchQuery: (options: { queryKey: unknown }) => (keys.push(options.queryKey), Promise.resolve()) };
  prefetchRouteData(client as unknown as QueryClient, pathname);
  return keys;
}

describe('prefetchRouteData: the page data fetched beside the profile', () => {
  it('asks for the keys the pages read, on the pages that have data', () => {
    expect(keysFor('/')).toEqual([['incoming', 'inbox', { page: 1, pageSize: 20 }]]);
    expect(keysFor('/inbox/')).toEqual([['incoming', 'inbox', { page: 1, pageSize: 20 }]]);
    expect(keysFor('/incoming')).toEqual([['incoming', 'list', { page: 1, pageSize: 20 }]]);
    expect(keysFor(`/incoming/${ID}`)).toEqual([['incoming', 'detail', ID]]);
    expect(keysFor('/outgoing')).toEqual([['outgoing', 'waiting', { page: 1, pageSize: 20 }]]);
    expect(keysFor(`/outgoing/${ID}`)).toEqual([['outgoing', 'detail', ID]]);
    expect(keysFor('/stats')).toEqual([['stats', { kind: 'week', key: expect.stringMatching(/^\d{4}-W\d{2}$/) }]]);
  });

  it('asks for nothing on forms and unknown or malformed addresses', () => {
    for (const path of ['/incoming/new', '/outgoing/new', '/registers', '/incoming/not-an-id', '/nowhere']) expect(keysFor(path)).toEqual([]);
  });
});
