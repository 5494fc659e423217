import { Injectable } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { JobName, JobPayloads, OnJob } from '@eoffice/core';
import type { OutgoingDocument, OutgoingEvent, ReviewStage } from '../outgoing';
import { OutgoingEventRepository, OutgoingRepository } from '../outgoing';
import type { OutgoingNotificationKind } from './notification.entity';
import { NotificationRepository } from './notification.repository';

interface Turn {
  kind: OutgoingNotificationKind;
  title: string;
  userIds: string[];
}

const REVIEW_TITLES: Record<ReviewStage, string> = {
  unit_head: 'Dự thảo văn bản đi chờ trưởng đơn vị duyệt',
  format_check: 'Dự thảo văn bản đi chờ kiểm tra thể thức',
  signer: 'Văn bản đi chờ duyệt ký',
};

/**
 * Trình ký: after a submit, approval, return or signature, whoever's turn it now is gets told —
 * the next reviewer (drafting unit head, the office's clerks for the format check, the signer),
 * the author of a returned draft, the clerks of a signed document waiting for its number. Read
 * from the timeline event, not the document's present state, so each change is told once and to
 * the people of that moment; the person who made the change is never told of it.
 */
@Injectable()
export class OutgoingNotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly documents: OutgoingRepository,
    private readonly events: OutgoingEventRepository,
    private readonly organisation: OrganisationScope,
  ) {}

  @OnJob(JobName.outgoingNotify)
  async notifyEvent({ documentId, eventId }: JobPayloads[typeof JobName.outgoingNotify]): Promise<number> {
    const [event, document] = await Promise.all([this.events.findById(eventId), this.documents.findById(documentId)]);
    if (!event || !document || event.documentId !== document.id) return 0;
    const turn = await this.turnAfter(event, document);
    if (!turn) return 0;
    const about = document.confidentiality === 'normal' ? document.subject : 'văn bản mật';
    const title = `${turn.title}: ${about}`.slice(0, 1200);
    const userIds = [...new Set(turn.userIds)].filter((id) => id !== event.actorId);
    return this.notifications.insertNew(
      userIds.map((userId) => ({ userId, kind: turn.kind, outgoingDocumentId: document.id, title, dedupeKey: `${turn.kind}:${event.id}` })),
    );
  }

  private async turnAfter(event: OutgoingEvent, document: OutgoingDocument): Promise<Turn | undefined> {
    if (event.action === 'reject') return { kind: 'outgoing_returned', title: 'Dự thảo văn bản đi bị trả lại', userIds: [document.authorId] };
    if (event.action === 'sign') {
      return { kind: 'outgoing_to_issue', title: 'Văn bản đi đã ký, chờ cấp số', userIds: await this.organisation.clerkIdsOf(document.agencyId) };
    }
    // An approval that leaves the draft `approved` was the signer's own: they sign next, nobody else.
    const stage = event.data.toReviewStage as ReviewStage | null | undefined;
    if (event.toStatus !== 'submitted' || !stage) return undefined;
    return { kind: 'outgoing_review', title: REVIEW_TITLES[stage], userIds: await this.reviewersAt(stage, document) };
  }

  private reviewersAt(stage: ReviewStage, document: OutgoingDocument): Promise<string[]> | string[] {
    if (stage === 'unit_head') return this.organisation.inboxHandlerIds(document.draftingUnitId);
    if (stage === 'format_check') return this.organisation.clerkIdsOf(document.agencyId);
    return [document.signerId];
  }
}
