import { Injectable } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { JobName, JobPayloads, OnJob } from '@eoffice/core';
import { DueDateService } from '../deadlines';
import type { IncomingAssignment, IncomingDocument } from '../incoming';
import { IncomingAssignmentRepository, IncomingEventRepository, IncomingRepository } from '../incoming';
import type { IncomingEvent } from '../incoming';
import { OutgoingRepository } from '../outgoing';
import { vietnamDate } from '@eoffice/vietnamese';
import type { IncomingNotificationKind } from './notification.entity';
import { NewNotification, NotificationRepository } from './notification.repository';

/** Reminders start this many working days before the deadline. */
export const DUE_SOON_WORKING_DAYS = 2;
const BATCH = 500;

const TITLES: Record<IncomingNotificationKind, string> = {
  submitted: 'Văn bản đến chờ phân công',
  assigned: 'Văn bản đến được giao xử lý',
  reopened: 'Văn bản đến được mở lại',
  due_soon: 'Văn bản đến sắp đến hạn xử lý',
  overdue: 'Văn bản đến quá hạn xử lý',
  received: 'Văn bản đến mới từ cơ quan trong hệ thống',
  recalled: 'Văn bản đến đã bị thu hồi',
};

/** The timeline actions people are told about, and as what. */
const KIND_OF_ACTION: Record<string, IncomingNotificationKind> = {
  submit: 'submitted',
  assign: 'assigned',
  reopen: 'reopened',
  register: 'received',
  recall: 'recalled',
};

/**
 * In-app notifications, made by the worker: after a submit, assign or reopen, a copy delivered
 * by another agency or recalled by it (one job per timeline event), and every morning for
 * deadlines. Each reason is given to a person once.
 */
@Injectable()
export class IncomingNotificationService {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly documents: IncomingRepository,
    private readonly assignments: IncomingAssignmentRepository,
    private readonly events: IncomingEventRepository,
    private readonly organisation: OrganisationScope,
    private readonly dueDates: DueDateService,
    private readonly outgoing: OutgoingRepository,
  ) {}

  @OnJob(JobName.incomingNotify)
  async notifyEvent({ documentId, eventId }: JobPayloads[typeof JobName.incomingNotify]): Promise<number> {
    const [event, document] = await Promise.all([this.events.findById(eventId), this.documents.findById(documentId)]);
    if (!event || !document) return 0;
    if (event.action === 'return') return this.tellSenderOfReturn(document, event);
    const kind = KIND_OF_ACTION[event.action];
    if (!kind) return 0;
    return this.send(document, kind, await this.peopleToTell(document, kind), `${kind}:${event.id}`);
  }

  private async peopleToTell(document: IncomingDocument, kind: IncomingNotificationKind): Promise<string[]> {
    if (kind === 'submitted') return [document.submittedTo].filter((id): id is string => !!id);
    // A copy delivered by the system waits for the recipient agency's clerks to take it in.
    if (kind === 'received') return this.organisation.clerkIdsOf(document.agencyId);
    const assignments = await this.assignments.findActive(document.id);
    if (kind === 'reopened') return this.recipientsOf(assignments.filter((a) => a.role === 'lead'));
    const working = await this.recipientsOf(assignments);
    if (kind === 'recalled') return [...new Set([...working, ...(await this.organisation.clerkIdsOf(document.agencyId))])];
    return working;
  }

  /**
   * A copy delivered inside the installation and returned by its recipient (trả lại): the sender's
   * author and clerks hear it with the reason (their recipient line shows it too). Copies from
   * outside have no sender here; an e-mail sender gets a reply from the intake instead.
   */
  private async tellSenderOfReturn(document: IncomingDocument, event: IncomingEvent): Promise<number> {
    const sent = document.sourceOutgoingId ? await this.outgoing.findById(document.sourceOutgoingId) : null;
    if (!sent) return 0;
    const people = [...new Set([sent.authorId, ...(await this.organisation.clerkIdsOf(sent.agencyId))])];
    const recipient = (await this.organisation.findUnit(document.agencyId))?.name ?? 'Nơi nhận';
    const title = `Văn bản đi bị trả lại: ${sent.numberSymbol ?? ''} — ${recipient} — Lý do: ${event.note ?? ''}`.slice(0, 1200);
    const rows: NewNotification[] = people.map((userId) => ({ userId, kind: 'outgoing_copy_returned', outgoingDocumentId: sent.id, title, dedupeKey: `copy-returned:${event.id}` }));
    return this.notifications.insertNew(rows);
  }

  @OnJob(JobName.incomingDeadlineReminders)
  async remindDeadlines(): Promise<number> {
    const today = vietnamDate(new Date());
    const dueSoonLimit = this.dueDates.calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS);
    let sent = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.documents.findOpenDueBy(dueSoonLimit, afterId, BATCH);
      if (batch.length === 0) return sent;
      for (const document of batch) {
        const kind = document.dueDate! < today ? 'overdue' : 'due_soon';
        const working = (await this.assignments.findActive(document.id)).filter((a) => a.role !== 'informed');
        sent += await this.send(document, kind, await this.recipientsOf(working), `${kind}:${document.dueDate}`);
      }
      afterId = batch[batch.length - 1].id;
    }
  }

  /**
   * Who answers for a document now: those working on it (not the informed); before it is assigned,
   * the leader it was submitted to and the agency's clerks.
   */
  async handlerIdsOf(document: IncomingDocument): Promise<string[]> {
    const working = (await this.assignments.findActive(document.id)).filter((a) => a.role !== 'informed');
    const ids = await this.recipientsOf(working);
    if (ids.length) return ids;
    return [...new Set([document.submittedTo, ...(await this.organisation.clerkIdsOf(document.agencyId))].filter((id): id is string => !!id))];
  }

  /** Named people, and for a unit with nobody named yet, whoever runs its inbox. */
  private async recipientsOf(assignments: IncomingAssignment[]): Promise<string[]> {
    const ids = new Set<string>();
    for (const a of assignments) {
      if (a.userId) ids.add(a.userId);
      else if (a.unitId) for (const id of await this.organisation.inboxHandlerIds(a.unitId)) ids.add(id);
    }
    return [...ids];
  }

  private send(document: IncomingDocument, kind: IncomingNotificationKind, userIds: string[], dedupeKey: string): Promise<number> {
    const title = `${TITLES[kind]}: số đến ${document.incomingNumber}/${document.year} — ${document.subject}`.slice(0, 1200);
    const rows: NewNotification[] = userIds.map((userId) => ({ userId, kind, documentId: document.id, title, dedupeKey }));
    return this.notifications.insertNew(rows);
  }
}
