import { formatVietnamIso } from '@eoffice/signing';
import type { RemoteSigningStatus, SigningSession } from '../entities/signing-session.entity';

/** How a draft's remote signature stands, for the detail page and the start answer. */
export interface RemoteSigningView {
  sessionId: string;
  /** A pending session past its deadline shows `expired` even before the poller has closed it. */
  status: RemoteSigningStatus;
  transactionId: string | null;
  /** What the signer sees in the provider's app. */
  documentRef: string;
  waitingSince: Date;
  expiresAt: Date;
  finishedAt: Date | null;
  failureCode: string | null;
  /** For people: "Chờ xác nhận trên điện thoại từ 2026-12-07T09:05:09+07:00", "Đã ký", "Người ký từ chối", … */
  message: string;
}

/** The document id sent to the provider and shown on the signer's phone. */
export const documentRefOf = (documentId: string): string => `VBDI-${documentId.slice(0, 8).toUpperCase()}`;

const MESSAGES: Record<Exclude<RemoteSigningStatus, 'sending' | 'pending'>, string> = {
  signed: 'Đã ký số từ xa',
  rejected: 'Người ký đã từ chối trên điện thoại, có thể ký lại',
  expired: 'Hết thời gian chờ xác nhận trên điện thoại, có thể ký lại',
  failed: 'Ký số từ xa không thành công, có thể ký lại',
};

export function remoteSigningView(session: SigningSession, now = new Date()): RemoteSigningView {
  const open = session.remoteStatus === 'sending' || session.remoteStatus === 'pending';
  const status: RemoteSigningStatus = open && session.expiresAt.getTime() <= now.getTime() ? 'expired' : (session.remoteStatus ?? 'failed');
  const message = status === 'sending' || status === 'pending'
    ? `Chờ xác nhận trên điện thoại từ ${formatVietnamIso(session.createdAt)}`
    : `${MESSAGES[status]}${session.failureMessage && status !== 'signed' ? `: ${session.failureMessage}` : ''}`;
  return {
    sessionId: session.id,
    status,
    transactionId: session.transactionId,
    documentRef: documentRefOf(session.documentId),
    waitingSince: session.createdAt,
    expiresAt: session.expiresAt,
    finishedAt: session.completedAt,
    failureCode: session.failureCode,
    message,
  };
}
