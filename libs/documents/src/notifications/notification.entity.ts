import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type IncomingNotificationKind = 'submitted' | 'assigned' | 'reopened' | 'due_soon' | 'overdue' | 'received' | 'recalled';
/** `outgoing_remote_*`: the leader's own remote signature finished (signed, or rejected/expired/failed). */
export type OutgoingNotificationKind = 'outgoing_review' | 'outgoing_returned' | 'outgoing_to_issue' | 'remote_signed' | 'remote_sign_failed' | 'outgoing_copy_returned';
/** Liên thông: an intake item the sending agency recalled; issued documents not sent, or not acknowledged, in time (Decision 28/2018). */
export type ExchangeNotificationKind = 'intake_recalled' | 'incoming_replaced' | 'exchange_not_sent' | 'exchange_not_acknowledged';
export type BackupNotificationKind = 'backup_failed' | 'restore_drill_failed';
/** A closed record nearing (or past) its hand-over deadline (nộp lưu, docs/records.md). */
export type RecordNotificationKind = 'record_handover_due' | 'record_to_file' | 'record_list_pending' | 'record_destruction';
/** Reminders (reminder.service.ts): an incoming or an issued outgoing document's validity ends soon; an intake item waits too long to be registered. */
export type ReminderNotificationKind = 'validity_ending' | 'outgoing_validity_ending' | 'intake_waiting';
export type NotificationKind =
  | IncomingNotificationKind
  | OutgoingNotificationKind
  | ExchangeNotificationKind
  | 'certificate_expiring'
  | BackupNotificationKind
  | RecordNotificationKind
  | ReminderNotificationKind;

@Entity('notification')
export class Notification {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'uuid' }) userId!: string;
  @Column({ type: 'varchar' }) kind!: NotificationKind;
  /** What the notification is about: an incoming document, an outgoing one, or a signing certificate. */
  @Column({ type: 'uuid', nullable: true }) documentId!: string | null;
  @Column({ type: 'uuid', nullable: true }) outgoingDocumentId!: string | null;
  @Column({ type: 'uuid', nullable: true }) certificateId!: string | null;
  /** For administrators: a backup or a restore drill that failed. */
  @Column({ type: 'uuid', nullable: true }) backupRunId!: string | null;
  @Column({ type: 'uuid', nullable: true }) restoreDrillId!: string | null;
  /** For a record's owner: a hồ sơ to hand over to the archive. */
  @Column({ type: 'uuid', nullable: true }) recordId!: string | null;
  /** For the agency's clerks: an intake item (văn bản chờ vào sổ) waiting too long. */
  @Column({ type: 'uuid', nullable: true }) intakeItemId!: string | null;
  @Column() title!: string;
  @Column() dedupeKey!: string;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @Column({ type: 'timestamptz', nullable: true }) readAt!: Date | null;
  /** Its way out by e-mail (notification-mail.service.ts); null until the sender has looked at it. */
  @Column({ type: 'varchar', nullable: true }) emailState!: NotificationEmailState | null;
  @Column({ type: 'int' }) emailAttempts!: number;
  @Column({ type: 'timestamptz', nullable: true }) emailedAt!: Date | null;
}

/**
 * `sent` at once, or kept for the daily `digest` (then `digested`), or not mailed: `in_app` by
 * preference, `no_address` (no e-mail or deactivated), `no_mail` (SMTP not configured), `too_old`
 * (older than a day when first seen), `failed` after the last attempt. `sending`/`retry` in between.
 */
export type NotificationEmailState = 'sending' | 'retry' | 'sent' | 'digest' | 'digested' | 'in_app' | 'no_address' | 'no_mail' | 'too_old' | 'failed';
