import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobName, JobQueue } from '@eoffice/core';
import { BackupService } from '@eoffice/documents';

const UNUSED_ACCOUNT_REPORT_CRON = '0 6 * * 1';
/** Before the working day starts (07:00 in most agencies), so reminders are there at sign-in. */
const DEADLINE_REMINDERS_CRON = '30 6 * * *';
const CERTIFICATE_EXPIRY_CRON = '45 6 * * *';
const SEAL_SAGA_SWEEP_MS = 60_000;

/** Recurring jobs. Upserting is idempotent, so every worker process may do it at start. */
type OptionalSchedule =
  | typeof JobName.backup
  | typeof JobName.restoreDrill
  | typeof JobName.orphanCollect
  | typeof JobName.auditCheckpoint
  | typeof JobName.handoverScan
  | typeof JobName.notificationDigest
  | typeof JobName.longTermRefresh
  | typeof JobName.exchangeAxisDirectorySync
  | typeof JobName.reminders;

@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly backups: BackupService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.scheduleFixityCheck();
    await this.scheduleUnusedAccountReport();
    await this.scheduleDeadlineReminders();
    await this.scheduleCertificateExpiryReminders();
    await this.scheduleAuditCheckpoints();
    await this.scheduleMailIntake();
    await this.scheduleNotificationMail();
    // Seal sagas (docs/outgoing.md): each has its own jobs; the sweep resumes one whose job a crash lost.
    await this.jobs.queueFor(JobName.outgoingSealSaga).upsertJobScheduler('seal-saga-sweep', { every: SEAL_SAGA_SWEEP_MS }, { name: JobName.outgoingSealSaga, data: {} });
    // Liên thông: steps of received copies become status messages for their senders.
    const every = this.config.EXCHANGE_STATUS_SCAN_SECONDS * 1000;
    await this.jobs.queueFor(JobName.exchangeStatusScan).upsertJobScheduler('exchange-status-scan-scheduled', { every }, { name: JobName.exchangeStatusScan, data: {} });
    await this.scheduleAxis();
    // Decision 28/2018: issued documents not sent, or not acknowledged, after EXCHANGE_ACK_REMINDER_HOURS → the clerks.
    await this.jobs.queueFor(JobName.exchangeTimelinessScan).upsertJobScheduler('exchange-timeliness-scan-scheduled', { every }, { name: JobName.exchangeTimelinessScan, data: {} });
    const interrupted = await this.backups.failInterrupted();
    if (interrupted) this.logger.warn(`${interrupted} interrupted backup(s) marked failed`);
    // Without a repository there is nothing to write to: say so at every start instead of failing nightly.
    const configured = this.backups.destinations().length > 0;
    if (!configured) this.logger.warn('Backups are not configured (BACKUP_REPOSITORY, BACKUP_REPOSITORY_PASSWORD): none is scheduled');
    await this.scheduleOptional(JobName.backup, 'backup-scheduled', configured ? this.config.BACKUP_CRON : 'off');
    await this.scheduleOptional(JobName.restoreDrill, 'restore-drill-scheduled', configured ? this.config.RESTORE_DRILL_CRON : 'off');
    await this.scheduleOptional(JobName.orphanCollect, 'orphan-collect-scheduled', this.config.ORPHAN_COLLECTOR_CRON);
    // Nộp lưu: owners of closed records are told 30 days before the hand-over deadline and once it passed.
    await this.scheduleOptional(JobName.handoverScan, 'handover-scan-scheduled', this.config.HANDOVER_SCAN_CRON);
    await this.scheduleOptional(JobName.notificationDigest, 'notification-digest-scheduled', this.config.NOTIFICATION_DIGEST_CRON);
    // Nhắc việc: validity ending, intake items waiting too long (each person, thing and threshold once).
    await this.scheduleOptional(JobName.reminders, 'reminders-scheduled', this.config.REMINDERS_CRON);
    // PAdES: pending upgrades and the B-LTA refresh, only when a TSA is configured.
    await this.scheduleOptional(JobName.longTermRefresh, 'long-term-refresh-scheduled', this.config.SIGNING_TSA_URL ? this.config.SIGNING_LONG_TERM_CRON : 'off');
  }

  /**
   * The national document axis (docs/exchange.md): polled, reconciled and its agency list synchronised,
   * only when configured — the installation's account, or secrets for agencies' own accounts (an
   * account can only be set naming one of those, so without any there is nothing to poll).
   */
  private async scheduleAxis(): Promise<void> {
    const on = Boolean(this.config.EXCHANGE_AXIS_URL) || Object.keys(this.config.axisSecrets ?? {}).length > 0;
    const every = [
      [JobName.exchangeAxisPoll, 'exchange-axis-poll-scheduled', this.config.EXCHANGE_AXIS_POLL_SECONDS],
      [JobName.exchangeAxisReconcile, 'exchange-axis-reconcile-scheduled', this.config.EXCHANGE_AXIS_RECONCILE_SECONDS],
    ] as const;
    for (const [name, id, seconds] of every) {
      const queue = this.jobs.queueFor(name);
      if (on) await queue.upsertJobScheduler(id, { every: seconds * 1000 }, { name, data: {} });
      else await queue.removeJobScheduler(id);
    }
    await this.scheduleOptional(JobName.exchangeAxisDirectorySync, 'exchange-axis-directory-sync-scheduled', on ? this.config.EXCHANGE_AXIS_DIRECTORY_CRON : 'off');
    if (on) this.logger.log(`national axis polled every ${this.config.EXCHANGE_AXIS_POLL_SECONDS} s`);
  }

  /**
   * Notifications by e-mail: always scheduled, even without SMTP, so the pending rows are settled
   * (`no_mail`) instead of piling up to be mailed, stale, the day SMTP is configured.
   */
  private async scheduleNotificationMail(): Promise<void> {
    const every = this.config.NOTIFICATION_MAIL_SECONDS * 1000;
    await this.jobs.queueFor(JobName.notificationMail).upsertJobScheduler('notification-mail-scheduled', { every }, { name: JobName.notificationMail, data: {} });
  }

  /**
   * Tiếp nhận qua thư điện tử: the mailboxes (each agency's own, set through the API, and the default
   * INTAKE_IMAP_URL) are read every INTAKE_POLL_SECONDS. Always scheduled, since an administrator may
   * set an agency's mailbox at any time; with none configured a poll is one small query.
   */
  private async scheduleMailIntake(): Promise<void> {
    const queue = this.jobs.queueFor(JobName.intakeMailFetch);
    const every = this.config.INTAKE_POLL_SECONDS * 1000;
    await queue.upsertJobScheduler('intake-mail-fetch-scheduled', { every }, { name: JobName.intakeMailFetch, data: {} });
    this.logger.log(`${JobName.intakeMailFetch} every ${this.config.INTAKE_POLL_SECONDS} s`);
  }

  /** Without a key there is nothing to sign with: no schedule (and a warning, since the trail's end is then unguarded). */
  private async scheduleAuditCheckpoints(): Promise<void> {
    if (!this.config.AUDIT_CHECKPOINT_KEY) this.logger.warn('AUDIT_CHECKPOINT_KEY is not set: no signed audit checkpoints');
    const cron = this.config.AUDIT_CHECKPOINT_KEY ? this.config.AUDIT_CHECKPOINT_CRON : 'off';
    await this.scheduleOptional(JobName.auditCheckpoint, 'audit-checkpoint-scheduled', cron ?? 'off');
  }

  /** A schedule an installation may switch off (`off` or empty). */
  private async scheduleOptional(name: OptionalSchedule, id: string, cron: string): Promise<void> {
    const queue = this.jobs.queueFor(name);
    if (!cron || cron === 'off') {
      await queue.removeJobScheduler(id);
      return;
    }
    await queue.upsertJobScheduler(id, { pattern: cron, tz: this.config.TZ_NAME }, { name, data: {} });
    this.logger.log(`${name} scheduled: "${cron}" (${this.config.TZ_NAME})`);
  }

  private async scheduleCertificateExpiryReminders(): Promise<void> {
    await this.jobs.queueFor(JobName.certificateExpiryReminders).upsertJobScheduler(
      'certificate-expiry-reminders-scheduled',
      { pattern: CERTIFICATE_EXPIRY_CRON, tz: this.config.TZ_NAME },
      { name: JobName.certificateExpiryReminders, data: {} },
    );
  }

  private async scheduleDeadlineReminders(): Promise<void> {
    await this.jobs.queueFor(JobName.incomingDeadlineReminders).upsertJobScheduler(
      'incoming-deadline-reminders-scheduled',
      { pattern: DEADLINE_REMINDERS_CRON, tz: this.config.TZ_NAME },
      { name: JobName.incomingDeadlineReminders, data: {} },
    );
  }

  /** the Bình Định e-mail rules (2014) Điều 5.2: units unused for 6 months are reported; weekly, Monday 06:00, for the admin's week. */
  private async scheduleUnusedAccountReport(): Promise<void> {
    const queue = this.jobs.queueFor(JobName.unusedAccountReport);
    await queue.upsertJobScheduler(
      'unused-account-report-scheduled',
      { pattern: UNUSED_ACCOUNT_REPORT_CRON, tz: this.config.TZ_NAME },
      { name: JobName.unusedAccountReport, data: {} },
    );
    this.logger.log(`Unused-account report scheduled: "${UNUSED_ACCOUNT_REPORT_CRON}" (${this.config.TZ_NAME})`);
  }

  private async scheduleFixityCheck(): Promise<void> {
    const queue = this.jobs.queueFor(JobName.fixityCheck);
    const id = 'fixity-check-scheduled';
    if (!this.config.FIXITY_CHECK_CRON) {
      await queue.removeJobScheduler(id);
      return;
    }
    await queue.upsertJobScheduler(
      id,
      { pattern: this.config.FIXITY_CHECK_CRON, tz: this.config.TZ_NAME },
      { name: JobName.fixityCheck, data: {} },
    );
    this.logger.log(`Fixity check scheduled: "${this.config.FIXITY_CHECK_CRON}" (${this.config.TZ_NAME})`);
  }
}
