import { AppError } from '@eoffice/core';
import type { SigningSession } from '../entities/signing-session.entity';
import { signingAppError } from '../signing-errors';
import { remoteProviderAppError } from '../remote/remote-errors';
import type { SignBatch, SignBatchItem, SignBatchItemStatus, SignBatchMethod, SignBatchRemoteStatus } from './sign-batch.entity';

/** At most this many drafts in one batch: the stored-key batch signs within the request. */
export const SIGN_BATCH_MAX = 50;

/** What one draft of a batch came to: the HTTP status and code the single route would have answered. */
export interface SignBatchItemView {
  position: number;
  documentId: string;
  status: SignBatchItemStatus;
  sessionId: string | null;
  failureStatus: number | null;
  failureCode: string | null;
  failureMessage: string | null;
}

export interface SignBatchView {
  id: string;
  method: SignBatchMethod;
  /** `completed` once no draft is pending. */
  status: 'pending' | 'completed';
  /** Remote, one transaction for all (CSC): the provider's transaction and how it went. */
  transactionId: string | null;
  remoteStatus: SignBatchRemoteStatus | null;
  expiresAt: Date | null;
  createdAt: Date;
  counts: { signed: number; failed: number; pending: number };
  items: SignBatchItemView[];
}

export interface ItemFailure {
  status: number;
  code: string;
  message: string;
}

/** A refusal of one draft as the single route answers it (4xx with its code); null for a real fault. */
export function itemFailureOf(error: unknown): ItemFailure | null {
  const answer = signingAppError(remoteProviderAppError(error));
  return answer instanceof AppError ? { status: answer.status, code: answer.code, message: answer.message } : null;
}

export const ALREADY_SIGNED: ItemFailure = itemFailureOf(
  new AppError(409, 'ALREADY_SIGNED', 'Văn bản đã được ký (the draft is already signed, in this batch or another way)'),
)!;

/** A remote item follows its own session: signed, still waiting, or how it ended. */
function itemView(item: SignBatchItem, session: SigningSession | undefined, now: Date): SignBatchItemView {
  const base = {
    position: item.position, documentId: item.documentId, sessionId: item.sessionId,
    failureStatus: item.failureStatus, failureCode: item.failureCode, failureMessage: item.failureMessage,
  };
  if (!session) return { ...base, status: item.status };
  const open = session.remoteStatus === 'sending' || session.remoteStatus === 'pending';
  if (session.remoteStatus === 'signed') return { ...base, status: 'signed' };
  if (open && session.expiresAt.getTime() > now.getTime()) return { ...base, status: 'pending' };
  return {
    ...base,
    status: 'failed',
    failureStatus: 409,
    failureCode: open ? 'REMOTE_SIGNING_EXPIRED' : session.failureCode ?? 'REMOTE_PROVIDER_FAILED',
    failureMessage: open ? 'hết thời gian chờ xác nhận (no answer before the timeout)' : session.failureMessage,
  };
}

export function signBatchView(batch: SignBatch, items: SignBatchItem[], sessions: SigningSession[], now = new Date()): SignBatchView {
  const byId = new Map(sessions.map((s) => [s.id, s]));
  const views = items.map((item) => itemView(item, item.sessionId ? byId.get(item.sessionId) : undefined, now));
  const count = (status: SignBatchItemStatus) => views.filter((v) => v.status === status).length;
  const counts = { signed: count('signed'), failed: count('failed'), pending: count('pending') };
  // A remote batch's drafts are each settled in their own transaction, and the batch's transaction is
  // closed after the last (SignBatchPoller.finish): until then it is not completed, so a reader never
  // sees "completed" beside a transaction still pending.
  const transactionOpen = batch.remoteStatus === 'pending';
  return {
    id: batch.id, method: batch.method, status: counts.pending > 0 || transactionOpen ? 'pending' : 'completed',
    transactionId: batch.transactionId, remoteStatus: batch.remoteStatus, expiresAt: batch.expiresAt, createdAt: batch.createdAt,
    counts, items: views,
  };
}
