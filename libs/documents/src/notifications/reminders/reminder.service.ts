import { Inject, Injectable } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, JobName, OnJob } from '@eoffice/core';
import { vietnamDate } from '@eoffice/vietnamese';
import { IncomingRepository } from '../../incoming';
import type { IncomingDocument } from '../../incoming';
import { IntakeRepository } from '../../intake';
import type { IntakeItem } from '../../intake';
import { OutgoingRepository } from '../../outgoing';
import type { OutgoingDocument } from '../../outgoing';
import { IncomingNotificationService } from '../incoming-notification.service';
import { NewNotification, NotificationRepository } from '../notification.repository';
import {
  addDays,
  daysBetween,
  outgoingValidityDedupeKey,
  validityDedupeKey,
  validityThreshold,
  validityTitle,
  waitingDedupeKey,
  waitingSince,
  waitingThreshold,
  vietnameseDate,
  waitingTitle,
} from './reminder-rules';

const BATCH = 500;
/** Việt Nam keeps UTC+7 all year. */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export interface ReminderOutcome extends Record<string, unknown> {
  validityEnding: number;
  outgoingValidityEnding: number;
  intakeWaiting: number;
}

type Page<T> = (from: string, to: string, afterId: string | null, limit: number) => Promise<T[]>;

/**
 * Nhắc việc (issue 17), on REMINDERS_CRON: an incoming document whose validity (thời gian hiệu lực)
 * ends within VALIDITY_REMINDER_DAYS tells the people handling it, an issued outgoing one its drafter
 * and its agency's clerks (văn thư: they keep the issued documents); an intake item waiting longer than
 * INTAKE_WAITING_REMINDER_HOURS tells the agency's clerks (văn thư — Decree 30 wants registration the
 * day it arrives). Each person hears of a thing once per threshold: the notification's dedupe key
 * (unique per person) makes a re-run, or a second worker running the same job, add nothing. The
 * notifications then go out by e-mail as each person chose (notification-mail.service.ts).
 */
@Injectable()
export class ReminderService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly notifications: NotificationRepository,
    private readonly documents: IncomingRepository,
    private readonly intake: IntakeRepository,
    private readonly outgoing: OutgoingRepository,
    private readonly incomingNotices: IncomingNotificationService,
    private readonly organisation: OrganisationScope,
  ) {}

  @OnJob(JobName.reminders)
  async remind(): Promise<ReminderOutcome> {
    const now = new Date();
    const clerks = new Map<string, string[]>();
    return {
      validityEnding: await this.remindValidity(now, (...a) => this.documents.findValidUntilBetween(...a), (d, today, t) => this.remindOfValidity(d, today, t)),
      outgoingValidityEnding: await this.remindValidity(
        now,
        (...a) => this.outgoing.findValidUntilBetween(...a),
        (d, today, t) => this.remindOfOutgoingValidity(d, today, t, clerks),
      ),
      intakeWaiting: await this.remindWaiting(now),
    };
  }

  /** Every document (of one side) whose validity ends within the largest threshold, a batch at a time. */
  private async remindValidity<T extends { id: string }>(now: Date, page: Page<T>, remind: (document: T, today: string, thresholds: readonly number[]) => Promise<number>): Promise<number> {
    const thresholds = this.config.VALIDITY_REMINDER_DAYS;
    if (thresholds.length === 0) return 0;
    const today = vietnamDate(now);
    const last = addDays(today, Math.max(...thresholds));
    let sent = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await page(today, last, afterId, BATCH);
      if (batch.length === 0) return sent;
      for (const document of batch) sent += await remind(document, today, thresholds);
      afterId = batch[batch.length - 1].id;
    }
  }

  /** An issued document still in force: its drafter, and the agency's clerks who issued and keep it. */
  private async remindOfOutgoingValidity(document: OutgoingDocument, today: string, thresholds: readonly number[], clerks: Map<string, string[]>): Promise<number> {
    const validUntil = document.validUntil!;
    const daysLeft = daysBetween(today, validUntil);
    const threshold = validityThreshold(daysLeft, thresholds);
    if (threshold === null) return 0;
    if (!clerks.has(document.agencyId)) clerks.set(document.agencyId, await this.organisation.clerkIdsOf(document.agencyId));
    const people = [...new Set([document.authorId, ...clerks.get(document.agencyId)!])];
    const title = validityTitle(daysLeft, validUntil, `${document.numberSymbol} — ${document.subject}`, 'Văn bản đi');
    const dedupeKey = outgoingValidityDedupeKey(document.id, validUntil, threshold);
    return this.notifications.insertNew(people.map((userId) => ({ userId, kind: 'outgoing_validity_ending', outgoingDocumentId: document.id, title, dedupeKey })));
  }

  private async remindOfValidity(document: IncomingDocument, today: string, thresholds: readonly number[]): Promise<number> {
    const validUntil = document.validUntil!;
    const daysLeft = daysBetween(today, validUntil);
    const threshold = validityThreshold(daysLeft, thresholds);
    if (threshold === null) return 0;
    const what = `số đến ${document.incomingNumber}/${document.year}, ${document.sourceNumberSymbol} — ${document.subject}`;
    const title = validityTitle(daysLeft, validUntil, what);
    const dedupeKey = validityDedupeKey(document.id, validUntil, threshold);
    const people = await this.incomingNotices.handlerIdsOf(document);
    const rows: NewNotification[] = people.map((userId) => ({ userId, kind: 'validity_ending', documentId: document.id, title, dedupeKey }));
    return this.notifications.insertNew(rows);
  }

  private async remindWaiting(now: Date): Promise<number> {
    const thresholds = this.config.INTAKE_WAITING_REMINDER_HOURS;
    if (thresholds.length === 0) return 0;
    const clerks = new Map<string, string[]>();
    let sent = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.intake.findWaitingSince(waitingSince(now, thresholds), afterId, BATCH);
      if (batch.length === 0) return sent;
      for (const item of batch) {
        const threshold = waitingThreshold(item.receivedAt, now, thresholds);
        if (threshold === null) continue;
        if (!clerks.has(item.agencyId)) clerks.set(item.agencyId, await this.organisation.clerkIdsOf(item.agencyId));
        sent += await this.remindOfItem(item, threshold, clerks.get(item.agencyId)!);
      }
      afterId = batch[batch.length - 1].id;
    }
  }

  private remindOfItem(item: IntakeItem, threshold: number, clerkIds: string[]): Promise<number> {
    const title = waitingTitle(threshold, describeItem(item));
    const dedupeKey = waitingDedupeKey(item.id, threshold);
    return this.notifications.insertNew(clerkIds.map((userId) => ({ userId, kind: 'intake_waiting', intakeItemId: item.id, title, dedupeKey })));
  }
}

/**
 * What the clerk recognises the item by. The subject only when nothing marks it confidential: a
 * reminder may leave by e-mail, and mail crosses servers the agency does not control.
 */
function describeItem(item: IntakeItem): string {
  const channel = item.channel === 'email' ? 'thư điện tử' : item.channel === 'paper' ? 'bản quét' : item.channel;
  const from = item.senderName ?? item.sender;
  const confidential = item.proposal?.confidentiality !== undefined && item.proposal.confidentiality !== 'normal';
  const subject = confidential ? 'văn bản mật' : (item.proposal?.subject ?? item.title ?? '(không có tiêu đề)');
  const [date, time] = new Date(item.receivedAt.getTime() + VIETNAM_OFFSET_MS).toISOString().split('T');
  const received = `${time.slice(0, 5)} ngày ${vietnameseDate(date)}`;
  return `${subject} (${channel}${from ? ` từ ${from}` : ''}, nhận lúc ${received})`;
}
