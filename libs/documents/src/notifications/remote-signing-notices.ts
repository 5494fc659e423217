import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads, OnJob } from '@eoffice/core';
import { OutgoingRepository, SigningSessionRepository } from '../outgoing';
import { NotificationRepository } from './notification.repository';

const FAILED_TITLES: Record<string, string> = {
  rejected: 'Ký số từ xa bị từ chối trên điện thoại',
  expired: 'Ký số từ xa hết thời gian chờ xác nhận',
  failed: 'Ký số từ xa không thành công',
};

/**
 * The leader who asked for a remote signature is told when it ends: signed (the clerks are told by
 * the workflow's own notice, "chờ cấp số"), or rejected, expired, failed — with the draft still
 * approved, to sign again. Once per session (dedupe key).
 */
@Injectable()
export class RemoteSigningNotices {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly sessions: SigningSessionRepository,
    private readonly documents: OutgoingRepository,
  ) {}

  @OnJob(JobName.outgoingRemoteSignNotify)
  async notify({ sessionId }: JobPayloads[typeof JobName.outgoingRemoteSignNotify]): Promise<number> {
    const session = await this.sessions.findById(sessionId);
    const document = session ? await this.documents.findById(session.documentId) : null;
    if (!session || !document || !session.remoteStatus || session.remoteStatus === 'pending' || session.remoteStatus === 'sending') return 0;
    const signed = session.remoteStatus === 'signed';
    const kind = signed ? 'remote_signed' : 'remote_sign_failed';
    const about = document.confidentiality === 'normal' ? document.subject : 'văn bản mật';
    const title = `${signed ? 'Đã ký số từ xa' : FAILED_TITLES[session.remoteStatus]}: ${about}`.slice(0, 1200);
    return this.notifications.insertNew([{ userId: session.signerId, kind, outgoingDocumentId: document.id, title, dedupeKey: `${kind}:${session.id}` }]);
  }
}
