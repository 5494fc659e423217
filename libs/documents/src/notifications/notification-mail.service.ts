import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobName, Mailer, OnJob } from '@eoffice/core';
import { vietnamDate } from '@eoffice/vietnamese';
import { DEFAULT_DELIVERY } from './notification-kinds';
import { digestMessage, notificationMessage } from './notification-mail-text';
import { NotificationMailRepository, PendingNotificationMail } from './notification-mail.repository';
import type { NotificationEmailState } from './notification.entity';

const BATCH = 200;
/** A notification first seen later than this after it was made is not mailed (a sender switched on late). */
const MAX_AGE_MS = 24 * 3600 * 1000;
/** SMTP failures: attempt n waits RETRY_SECONDS[n - 1] before the next; after the last, `failed`. */
const RETRY_SECONDS = [30, 120, 600, 1800];

/**
 * Notifications by e-mail. Every NOTIFICATION_MAIL_SECONDS the sender takes what the inbox has
 * gained and decides each one's way: at once, kept for the person's daily digest, or in-app only,
 * by their preference per kind — except that an urgent document (khẩn, thượng khẩn, hỏa tốc) is
 * mailed at once whatever they chose. Polling the table rather than hooking each writer keeps
 * every kind of notice (incoming, outgoing, records, backups, certificates) covered by one rule.
 * Each notification is mailed at most once per state change; an SMTP failure is retried with backoff.
 */
@Injectable()
export class NotificationMailService {
  private readonly logger = new Logger(NotificationMailService.name);

  constructor(
    private readonly mail: NotificationMailRepository,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.notificationMail)
  async sendPending(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (;;) {
      const batch = await this.mail.claimPending(BATCH);
      if (batch.length === 0) return counts;
      const settled = new Map<NotificationEmailState, string[]>();
      for (const item of batch) {
        const state = await this.deliver(item);
        counts[state] = (counts[state] ?? 0) + 1;
        if (state === 'sent' || state === 'retry') continue; // already written
        settled.set(state, [...(settled.get(state) ?? []), item.id]);
      }
      for (const [state, ids] of settled) await this.mail.settle(ids, state);
      if (batch.length < BATCH) return counts;
    }
  }

  /** The state a notification ends in; `sent` and `retry` are written by `deliver` itself. */
  private async deliver(item: PendingNotificationMail): Promise<NotificationEmailState> {
    if (!this.mailer.configured) return 'no_mail';
    if (!item.active || !item.email) return 'no_address';
    if (Date.now() - new Date(item.createdAt).getTime() > MAX_AGE_MS) return 'too_old';
    const urgent = !!item.urgency && item.urgency !== 'normal';
    const delivery = item.delivery ?? DEFAULT_DELIVERY;
    if (!urgent && delivery === 'in_app') return 'in_app';
    if (!urgent && delivery === 'digest') return 'digest';
    try {
      await this.mailer.send(notificationMessage(item, this.config.PUBLIC_URL, urgent, this.messageId(`notification-${item.id}`)));
      // Settled at once, not with the batch: a crash later in the batch must not mail it again.
      await this.mail.settle([item.id], 'sent');
      return 'sent';
    } catch (error) {
      const wait = RETRY_SECONDS[item.attempts - 1];
      this.logger.warn(`notification ${item.id}: e-mail to user ${item.userId} failed (attempt ${item.attempts}): ${String(error)}`);
      if (wait === undefined) return 'failed';
      await this.mail.retryLater(item.id, wait);
      return 'retry';
    }
  }

  /**
   * Once a day (NOTIFICATION_DIGEST_CRON): each person who chose digests gets one e-mail with what
   * was kept for it, the drafts waiting for their signature and their open work. One per person and
   * day (notification_digest); nothing to say, no e-mail. A failed send is given up and retried.
   */
  @OnJob(JobName.notificationDigest)
  async sendDigests(): Promise<number> {
    if (!this.mailer.configured) return 0;
    const today = vietnamDate(new Date());
    let sent = 0;
    for (const person of await this.mail.digestPeople()) {
      const [items, awaitingSignature, assignments] = await Promise.all([
        this.mail.digestItems(person.userId),
        this.mail.awaitingSignature(person.userId),
        this.mail.openAssignments(person.userId, today),
      ]);
      if (items.length === 0 && awaitingSignature === 0 && assignments.overdue === 0) continue;
      if (!(await this.mail.claimDigest(person.userId, today))) continue;
      const messageId = this.messageId(`digest-${person.userId}-${today}`);
      try {
        await this.mailer.send(digestMessage({ person, day: today, items, awaitingSignature, assignments, publicUrl: this.config.PUBLIC_URL, messageId }));
      } catch (error) {
        await this.mail.releaseDigest(person.userId, today);
        throw error;
      }
      await this.mail.digestSent(person.userId, today, items.map((i) => i.id), messageId);
      sent += 1;
    }
    return sent;
  }

  /** A stable Message-ID per notification or digest: a copy sent twice after a crash is one message to mail clients. */
  private messageId(key: string): string {
    return `<${key}@${this.config.MAIL_DOMAIN}>`;
  }
}
