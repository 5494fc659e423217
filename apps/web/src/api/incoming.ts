// Văn bản đến: the queries and calls of the incoming pages (docs/incoming.md).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import type { components, operations } from './schema';

export type IncomingPage = components['schemas']['IncomingPageDto'];
export type IncomingItem = components['schemas']['IncomingListItemDto'];
export type IncomingDetail = components['schemas']['IncomingDetailDto'];
export type IncomingStatus = IncomingDetail['status'];
export type ListQuery = NonNullable<operations['IncomingController_list']['parameters']['query']>;
export type Registration = components['schemas']['RegistrationDto'];
export type AssignInput = components['schemas']['AssignIncomingDto'];

export const incomingKeys = {
  all: ['incoming'] as const,
  list: (query: ListQuery) => ['incoming', 'list', query] as const,
  inbox: (query: ListQuery) => ['incoming', 'inbox', query] as const,
  detail: (id: string) => ['incoming', 'detail', id] as const,
};

/** The first page of a list, as the list pages start (and as routing/prefetch.ts fetches it early). */
export const FIRST_PAGE: ListQuery = { page: 1, pageSize: 20 };

/**
 * What was fetched in the last 30 s counts as fresh: the data routing/prefetch.ts fetches beside the
 * profile at start is not fetched again when the page mounts, even after a slow phone took seconds to
 * run the page's JS. Every action invalidates what it changed; a reload fetches everything again.
 */
export const FRESH_MS = 30_000;

export const incomingListQuery = (query: ListQuery) => ({
  queryKey: incomingKeys.list(query),
  queryFn: () => answer(api.GET('/api/v1/incoming', { params: { query } })),
  staleTime: FRESH_MS,
});

export const inboxQuery = (query: ListQuery) => ({
  queryKey: incomingKeys.inbox(query),
  queryFn: () => answer(api.GET('/api/v1/inbox', { params: { query } })),
  staleTime: FRESH_MS,
});

export const incomingQuery = (id: string) => ({
  queryKey: incomingKeys.detail(id),
  queryFn: () => answer(api.GET('/api/v1/incoming/{id}', { params: { path: { id } } })),
  staleTime: FRESH_MS,
});

export function useIncomingList(query: ListQuery) {
  return useQuery({ ...incomingListQuery(query), placeholderData: keepPreviousData });
}

export function useInbox(query: ListQuery) {
  return useQuery({ ...inboxQuery(query), placeholderData: keepPreviousData });
}

export function useIncoming(id: string) {
  return useQuery(incomingQuery(id));
}

const path = (id: string) => ({ params: { path: { id } } });

export const submitIncoming = (id: string, leaderId: string) => answer(api.POST('/api/v1/incoming/{id}/submit', { ...path(id), body: { leaderId } }));

export const assignIncoming = (id: string, body: AssignInput) => answer(api.POST('/api/v1/incoming/{id}/assign', { ...path(id), body }));

export const reportProgress = (id: string, note: string, percent?: number) =>
  answer(api.POST('/api/v1/incoming/{id}/progress', { ...path(id), body: { note, percent } }));

/** Kết thúc bằng văn bản trả lời: an issued outgoing document answering this one (no file needed). */
export const closeWithReply = (id: string, replyOutgoingId: string, note?: string) =>
  answer(api.POST('/api/v1/incoming/{id}/close', { ...path(id), body: { replyOutgoingId, note } }));
