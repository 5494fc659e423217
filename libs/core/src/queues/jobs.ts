/**
 * The job catalogue: every queue, every job name and its payload, in one place, so the API
 * (producer) and the worker (consumer) cannot drift apart. Payloads carry ids only; handlers
 * re-read state, so running a job twice is harmless.
 */
export const QueueName = {
  maintenance: 'maintenance',
  notifications: 'notifications',
  dispatch: 'dispatch',
  /** CPU-heavy document work: OCR of scans, office files to PDF. */
  conversion: 'conversion',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  fixityCheck: 'fixity-check',
  unusedAccountReport: 'unused-account-report',
  incomingNotify: 'incoming-notify',
  incomingDeadlineReminders: 'incoming-deadline-reminders',
  outgoingNotify: 'outgoing-notify',
  certificateExpiryReminders: 'certificate-expiry-reminders',
  outgoingEmail: 'outgoing-email',
  scanToPdf: 'scan-to-pdf',
  incomingScanIngest: 'incoming-scan-ingest',
  outgoingConvertDraft: 'outgoing-convert-draft',
  outgoingTextExtract: 'outgoing-text-extract',
  auditCheckpoint: 'audit-checkpoint',
  backup: 'backup',
  restoreDrill: 'restore-drill',
  orphanCollect: 'orphan-collect',
  handoverScan: 'handover-scan',
  handoverPackage: 'handover-package',
  intakeMailFetch: 'intake-mail-fetch',
  outgoingRemoteSignPoll: 'outgoing-remote-sign-poll',
  outgoingRemoteSignNotify: 'outgoing-remote-sign-notify',
  outgoingSignBatchPoll: 'outgoing-sign-batch-poll',
  intakeReply: 'intake-reply',
  notificationMail: 'notification-mail',
  notificationDigest: 'notification-digest',
  outgoingLongTermUpgrade: 'outgoing-long-term-upgrade',
  longTermRefresh: 'long-term-refresh',
  outgoingSealSaga: 'outgoing-seal-saga',
  exchangeSend: 'exchange-send',
  exchangeStatusSend: 'exchange-status-send',
  exchangeStatusScan: 'exchange-status-scan',
  exchangeAxisPoll: 'exchange-axis-poll',
  exchangeAxisReconcile: 'exchange-axis-reconcile',
  exchangeAxisDirectorySync: 'exchange-axis-directory-sync',
  exchangeRecall: 'exchange-recall',
  exchangeRefusalSend: 'exchange-refusal-send',
  exchangeUpdateSend: 'exchange-update-send',
  exchangeTimelinessScan: 'exchange-timeliness-scan',
  reminders: 'reminders',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  /** Without an id, the handler opens a scheduled check itself. */
  [JobName.fixityCheck]: { fixityCheckId?: string };
  /** Without an id, the handler opens a scheduled report itself (units unused for 6 months). */
  [JobName.unusedAccountReport]: { reportId?: string };
  /** Tell the people concerned about one timeline event (submitted, assigned, reopened). */
  [JobName.incomingNotify]: { documentId: string; eventId: string };
  /** Tell whoever's turn it is about one outgoing timeline event (to review, returned, to issue). */
  [JobName.outgoingNotify]: { documentId: string; eventId: string };
  /** Daily: due-soon and overdue reminders for every open incoming document. */
  [JobName.incomingDeadlineReminders]: Record<string, never>;
  /** Daily: tell owners (agency administrators for seal certificates) of certificates about to expire. */
  [JobName.certificateExpiryReminders]: Record<string, never>;
  /** E-mail an issued document (or its recall) to one external recipient; retried with backoff. */
  [JobName.outgoingEmail]: { recipientId: string; purpose: 'dispatch' | 'recall' };
  /** POST /scans: page images or a PDF (ids in the run's input) → one searchable PDF. */
  [JobName.scanToPdf]: { jobRunId: string };
  /** After registration: an image scan becomes a searchable PDF, then the scan's text goes to search. */
  [JobName.incomingScanIngest]: { documentId: string };
  /** A docx/odt draft version → its PDF with LibreOffice (the run's input names the version). */
  [JobName.outgoingConvertDraft]: { jobRunId: string };
  /** A new draft PDF or the issued PDF: its words go to the outgoing document's search text. */
  [JobName.outgoingTextExtract]: { documentId: string };
  /** On AUDIT_CHECKPOINT_CRON: a signed checkpoint of the audit chain's head into the file store and the logs. */
  [JobName.auditCheckpoint]: Record<string, never>;
  /** Database dump + file store into the backup repositories; without an id, the handler opens a scheduled run. */
  [JobName.backup]: { backupRunId?: string };
  /** Restores the latest backup into a scratch database and directory and compares it with its manifest; without an id, the handler opens a scheduled drill. */
  [JobName.restoreDrill]: { restoreDrillId?: string };
  /** Removes blobs no record refers to, once old enough and held by a later backup. */
  [JobName.orphanCollect]: Record<string, never>;
  /** On HANDOVER_SCAN_CRON: tell owners of closed records whose hand-over deadline (end date + 1 year) is within 30 days or past. */
  [JobName.handoverScan]: Record<string, never>;
  /** After an approval: one BagIt package per record of the hand-over list. */
  [JobName.handoverPackage]: { handoverId: string };
  /** Every INTAKE_POLL_SECONDS: new messages of the agency mailbox become intake items. */
  [JobName.intakeMailFetch]: Record<string, never>;
  /** Asks a remote signing provider how a signature stands; queued again (growing delay) while it is pending, until the provider's timeout. */
  [JobName.outgoingRemoteSignPoll]: { sessionId: string; poll: number };
  /** Asks the provider how a batch's one transaction stands (ký hàng loạt, CSC); queued again while pending, until the timeout; then each draft's session ends. */
  [JobName.outgoingSignBatchPoll]: { batchId: string; poll: number };
  /** Tells the leader their remote signature finished (signed, rejected, expired or failed). */
  [JobName.outgoingRemoteSignNotify]: { sessionId: string };
  /** Tells the e-mail sender of an intake item that it was registered (báo nhận, with our number) or returned (with the reason). */
  [JobName.intakeReply]: { itemId: string; purpose: 'acknowledgement' | 'return' };
  /** Every NOTIFICATION_MAIL_SECONDS: new notifications go out by e-mail (or wait for the digest) as each person chose. */
  [JobName.notificationMail]: Record<string, never>;
  /** On NOTIFICATION_DIGEST_CRON: one e-mail per person who chose digests, once a day. */
  [JobName.notificationDigest]: Record<string, never>;
  /** An issued document signed at B-B or B-T because the TSA/OCSP responder was down: DSS and document time-stamp now. */
  [JobName.outgoingLongTermUpgrade]: { documentId: string };
  /** On SIGNING_LONG_TERM_CRON: upgrade what is still pending and re-time-stamp (B-LTA) records whose time-stamp ages out. */
  [JobName.longTermRefresh]: Record<string, never>;
  /** Moves one seal saga on (remote e-seal: request, poll, embed; any: void past its time); without an id, every open saga (the sweep). */
  [JobName.outgoingSealSaga]: { sagaId?: string; poll?: number };
  /** Build, sign and send the edXML package of an issued document to one directory agency; retried with backoff. */
  [JobName.exchangeSend]: { recipientId: string };
  /** Send the queued status messages of one received package, oldest first; stops at the first failure (order per document). */
  [JobName.exchangeStatusSend]: { packageId: string };
  /** Every EXCHANGE_STATUS_SCAN_SECONDS: the steps received copies took since (registered, assigned, closed, returned) become queued statuses. */
  [JobName.exchangeStatusScan]: Record<string, never>;
  /** Every EXCHANGE_AXIS_POLL_SECONDS: what the national axis holds for us (packages, then statuses) is fetched, stored and acknowledged. */
  [JobName.exchangeAxisPoll]: Record<string, never>;
  /** Every EXCHANGE_AXIS_RECONCILE_SECONDS: our sent and received packages against the axis's lists; what is missing is fetched or sent again. */
  [JobName.exchangeAxisReconcile]: Record<string, never>;
  /** On EXCHANGE_AXIS_DIRECTORY_CRON: the axis's agency list into the agency directory. */
  [JobName.exchangeAxisDirectorySync]: Record<string, never>;
  /** Thu hồi: tell the directory agency of one recalled outgoing recipient (status 13 on the package it received). */
  [JobName.exchangeRecall]: { recipientId: string };
  /** Send the 02 (từ chối) for a package refused after its signature checked out. */
  [JobName.exchangeRefusalSend]: { refusalId: string };
  /** Cập nhật: send the update package (BussinessDocType 2) of one queued metadata correction. */
  [JobName.exchangeUpdateSend]: { updateId: string };
  /** Decision 28/2018: issued documents not yet sent, or sent and not acknowledged, after EXCHANGE_ACK_REMINDER_HOURS → the clerks. */
  [JobName.exchangeTimelinessScan]: Record<string, never>;
  /** On REMINDERS_CRON: incoming documents whose validity ends soon, intake items waiting too long; each person, thing and threshold once. */
  [JobName.reminders]: Record<string, never>;
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.fixityCheck]: QueueName.maintenance,
  [JobName.unusedAccountReport]: QueueName.maintenance,
  [JobName.incomingNotify]: QueueName.notifications,
  [JobName.incomingDeadlineReminders]: QueueName.notifications,
  [JobName.outgoingNotify]: QueueName.notifications,
  [JobName.certificateExpiryReminders]: QueueName.notifications,
  [JobName.outgoingEmail]: QueueName.dispatch,
  [JobName.scanToPdf]: QueueName.conversion,
  [JobName.incomingScanIngest]: QueueName.conversion,
  [JobName.outgoingConvertDraft]: QueueName.conversion,
  [JobName.outgoingTextExtract]: QueueName.conversion,
  [JobName.auditCheckpoint]: QueueName.maintenance,
  [JobName.backup]: QueueName.maintenance,
  [JobName.restoreDrill]: QueueName.maintenance,
  [JobName.orphanCollect]: QueueName.maintenance,
  [JobName.handoverScan]: QueueName.notifications,
  [JobName.handoverPackage]: QueueName.maintenance,
  [JobName.intakeMailFetch]: QueueName.dispatch,
  [JobName.outgoingRemoteSignPoll]: QueueName.dispatch,
  [JobName.outgoingRemoteSignNotify]: QueueName.notifications,
  [JobName.outgoingSignBatchPoll]: QueueName.dispatch,
  [JobName.intakeReply]: QueueName.dispatch,
  [JobName.notificationMail]: QueueName.notifications,
  [JobName.notificationDigest]: QueueName.notifications,
  [JobName.outgoingLongTermUpgrade]: QueueName.dispatch,
  [JobName.longTermRefresh]: QueueName.maintenance,
  [JobName.outgoingSealSaga]: QueueName.dispatch,
  [JobName.exchangeSend]: QueueName.dispatch,
  [JobName.exchangeStatusSend]: QueueName.dispatch,
  [JobName.exchangeStatusScan]: QueueName.dispatch,
  [JobName.exchangeAxisPoll]: QueueName.dispatch,
  [JobName.exchangeAxisReconcile]: QueueName.dispatch,
  [JobName.exchangeAxisDirectorySync]: QueueName.maintenance,
  [JobName.exchangeRecall]: QueueName.dispatch,
  [JobName.exchangeRefusalSend]: QueueName.dispatch,
  [JobName.exchangeUpdateSend]: QueueName.dispatch,
  [JobName.exchangeTimelinessScan]: QueueName.dispatch,
  [JobName.reminders]: QueueName.notifications,
};
