// Văn bản đi: the queries and calls of the outgoing pages (docs/outgoing.md).
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { answer, api } from './client';
import { FRESH_MS } from './incoming';
import type { components, operations } from './schema';
import { uploadMultipart } from './upload';

export type Outgoing = components['schemas']['OutgoingDto'];
export type OutgoingDetail = components['schemas']['OutgoingDetailDto'];
export type OutgoingPage = components['schemas']['OutgoingPageDto'];
export type OutgoingStatus = Outgoing['status'];
export type OutgoingRecipient = components['schemas']['OutgoingRecipientDto'];
export type OutgoingListQuery = NonNullable<operations['OutgoingController_list']['parameters']['query']>;

/** The `metadata` part of POST /outgoing (CreateOutgoingDto of the API; sent as multipart, so typed here). */
export interface DraftMetadata {
  documentType: string;
  subject: string;
  recipients: { unitIds: string[]; external: { name: string; email: string }[]; paper: { name: string }[] };
  urgency: 'normal' | 'urgent' | 'very_urgent' | 'flash';
  confidentiality: 'normal' | 'confidential' | 'secret' | 'top_secret';
  signerId: string;
  signingTitle?: string;
  /** The incoming document this one answers (văn bản trả lời). */
  replyToIncomingId?: string;
  /** Dispatching this reply closes the incoming document it answers. */
  closesIncoming?: boolean;
  /** Thời gian hiệu lực: the last day in force, today at the earliest. */
  validUntil?: string;
}

export const outgoingKeys = {
  all: ['outgoing'] as const,
  list: (query: OutgoingListQuery) => ['outgoing', 'list', query] as const,
  waiting: (query: OutgoingListQuery) => ['outgoing', 'waiting', query] as const,
  detail: (id: string) => ['outgoing', 'detail', id] as const,
};

export const outgoingWaitingQuery = (query: OutgoingListQuery) => ({
  queryKey: outgoingKeys.waiting(query),
  queryFn: () => answer(api.GET('/api/v1/outgoing/waiting', { params: { query } })),
  staleTime: FRESH_MS,
});

export const outgoingQuery = (id: string) => ({
  queryKey: outgoingKeys.detail(id),
  queryFn: () => answer(api.GET('/api/v1/outgoing/{id}', { params: { path: { id } } })),
  staleTime: FRESH_MS,
});

export function useOutgoingList(query: OutgoingListQuery) {
  return useQuery({ queryKey: outgoingKeys.list(query), queryFn: () => answer(api.GET('/api/v1/outgoing', { params: { query } })), placeholderData: keepPreviousData });
}

export function useOutgoingWaiting(query: OutgoingListQuery) {
  return useQuery({ ...outgoingWaitingQuery(query), placeholderData: keepPreviousData });
}

export function useOutgoing(id: string) {
  return useQuery({
    ...outgoingQuery(id),
    // An office file becomes a PDF in the worker, a remote signature waits for the signer's phone:
    // look again until the conversion is over or the phone answered.
    refetchInterval: (query) => {
      const d = query.state.data;
      if (d?.versions.some((v) => v.conversion === 'pending')) return 3000;
      return d?.remoteSigning?.status === 'sending' || d?.remoteSigning?.status === 'pending' ? 5000 : false;
    },
  });
}

const path = (id: string) => ({ params: { path: { id } } });

export const submitOutgoing = (id: string, comment?: string) => answer(api.POST('/api/v1/outgoing/{id}/submit', { ...path(id), body: { comment } }));
/** The draft's validity end (null takes it away), by its author while it is a draft. */
export const setOutgoingValidUntil = (id: string, validUntil: string | null) => answer(api.PATCH('/api/v1/outgoing/{id}', { ...path(id), body: { validUntil } }));
export const approveOutgoing = (id: string, comment?: string) => answer(api.POST('/api/v1/outgoing/{id}/approve', { ...path(id), body: { comment } }));
export const rejectOutgoing = (id: string, comment: string) => answer(api.POST('/api/v1/outgoing/{id}/reject', { ...path(id), body: { comment } }));
/** With the leader's key stored on the server (the default one unless a certificate is named). */
export const signOutgoing = (id: string) => answer(api.POST('/api/v1/outgoing/{id}/sign', { ...path(id), body: {} }));
/** Ký số từ xa: the CA's service asks the signer to confirm on the phone (202; the state is then on the document). */
export const signOutgoingRemotely = (id: string) => answer(api.POST('/api/v1/outgoing/{id}/sign/remote', { ...path(id), body: {} }));
export type SignBatch = components['schemas']['SignBatchDto'];
/**
 * Ký hàng loạt: with the leader's stored key every draft is signed within the request, one result
 * each; remotely the drafts wait for one confirmation on the phone (CSC; sp769 asks once per draft)
 * and the batch is followed with useSignBatch.
 */
export const signBatch = (ids: string[], method: SignBatch['method'] = 'stored') => answer(api.POST('/api/v1/outgoing/sign-batch', { body: { ids, method } }));

/** A batch as it stands, asked again every 3 s while a draft still waits for the phone. */
export function useSignBatch(id: string | undefined) {
  return useQuery({
    queryKey: ['outgoing', 'sign-batch', id] as const,
    queryFn: () => answer(api.GET('/api/v1/outgoing/sign-batches/{id}', path(id!))),
    enabled: id !== undefined,
    refetchInterval: (query) => (query.state.data?.status === 'completed' ? false : 3000),
  });
}
export const issueOutgoing = (id: string) => answer(api.POST('/api/v1/outgoing/{id}/issue', path(id)));
export const dispatchOutgoing = (id: string) => answer(api.POST('/api/v1/outgoing/{id}/dispatch', path(id)));
export const markPaperSent = (id: string, recipientId: string) =>
  answer(api.POST('/api/v1/outgoing/{id}/recipients/{recipientId}/paper-sent', { params: { path: { id, recipientId } } }));

/** Office files are converted to PDF by the worker; a PDF is used as it is. */
export const DRAFT_EXTENSIONS = ['.pdf', '.docx', '.doc', '.odt'];

export function createDraft(metadata: DraftMetadata, draft: File, onProgress: (percent: number) => void): Promise<Outgoing> {
  const form = () => {
    const data = new FormData();
    data.append('metadata', JSON.stringify(metadata));
    data.append('draft', draft, draft.name);
    return data;
  };
  return uploadMultipart<Outgoing>('/api/v1/outgoing', form, onProgress);
}

export function uploadVersion(id: string, draft: File, comment: string | undefined, onProgress: (percent: number) => void): Promise<Outgoing> {
  const form = () => {
    const data = new FormData();
    data.append('draft', draft, draft.name);
    if (comment) data.append('comment', comment);
    return data;
  };
  return uploadMultipart<Outgoing>(`/api/v1/outgoing/${encodeURIComponent(id)}/versions`, form, onProgress);
}

/** The outgoing documents answering an incoming one; the issued ones may close it. */
export function useRepliesTo(incomingId: string) {
  return useQuery({
    queryKey: [...outgoingKeys.all, 'replies', incomingId],
    queryFn: () => answer(api.GET('/api/v1/outgoing', { params: { query: { replyToIncomingId: incomingId, pageSize: 50 } } })),
  });
}

/** Whether a reply is issued (a number given), so it may close the incoming document it answers. */
export const isIssued = (status: OutgoingStatus) => status === 'issued' || status === 'dispatched';
