import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentAuditTrailService } from './audit/document-audit-trail.service';
import { DueDateService } from './deadlines/due-date.service';
import { AccessHistoryService } from './views/access-history.service';
import { DocumentViewRepository } from './views/document-view.repository';
import { ViewRecorder } from './views/view-recorder.service';
import { AppearanceImages } from './certificates/appearance-images.service';
import { CertificateChecker } from './certificates/certificate-checker.service';
import { CertificateExpiryService } from './certificates/certificate-expiry.service';
import { CertificateKeyVault } from './certificates/certificate-key-vault.service';
import { CertificateQueryService } from './certificates/certificate-query.service';
import { CertificateRegistrationService } from './certificates/certificate-registration.service';
import { SigningCertificate } from './certificates/signing-certificate.entity';
import { SigningCertificateRepository } from './certificates/signing-certificate.repository';
import { SigningCertificateService } from './certificates/signing-certificate.service';
import { TrustStore } from './certificates/trust-store.service';
import { OfficeConverter } from './conversion/office-converter.service';
import { DocumentFileService } from './files/document-file.service';
import { IncomingRegisterBookSource } from './incoming/book/incoming-register-book.source';
import { IncomingAssignment } from './incoming/entities/incoming-assignment.entity';
import { IncomingDocument } from './incoming/entities/incoming-document.entity';
import { IncomingEvent } from './incoming/entities/incoming-event.entity';
import { IncomingAccess } from './incoming/incoming-access.service';
import { IncomingAssignmentRepository } from './incoming/incoming-assignment.repository';
import { IncomingEventRepository } from './incoming/incoming-event.repository';
import { IncomingRegistrationRepository } from './incoming/incoming-registration.repository';
import { IncomingFlowService } from './incoming/incoming-flow.service';
import { IncomingQueryService } from './incoming/incoming-query.service';
import { IncomingRegistrationService } from './incoming/incoming-registration.service';
import { IncomingScanService } from './incoming/incoming-scan.service';
import { IncomingRepository } from './incoming/incoming.repository';
import { IncomingSearchRepository } from './incoming/incoming-search.repository';
import { JobStatusService } from './jobs/job-status.service';
import { IncomingNotificationService } from './notifications/incoming-notification.service';
import { OutgoingNotificationService } from './notifications/outgoing-notification.service';
import { NotificationInboxService } from './notifications/notification-inbox.service';
import { Notification } from './notifications/notification.entity';
import { NotificationRepository } from './notifications/notification.repository';
import { REGISTER_BOOK_SOURCES, RegisterBookSource } from './registers/book/register-book-source';
import { RegisterBookService } from './registers/book/register-book.service';
import { SearchablePdfMaker } from './ocr/searchable-pdf.service';
import { TextExtractor } from './ocr/text-extractor.service';
import { RegisterNumberingRepository } from './registers/register-numbering.repository';
import { Register } from './registers/register.entity';
import { RegisterRepository } from './registers/register.repository';
import { RegisterService } from './registers/register.service';
import { IncomingDeliveryService } from './incoming/incoming-delivery.service';
import { OutgoingDocument } from './outgoing/entities/outgoing-document.entity';
import { OutgoingEvent } from './outgoing/entities/outgoing-event.entity';
import { OutgoingRecipient } from './outgoing/entities/outgoing-recipient.entity';
import { OutgoingVersion } from './outgoing/entities/outgoing-version.entity';
import { SigningSession } from './outgoing/entities/signing-session.entity';
import { OutgoingAccess } from './outgoing/outgoing-access.service';
import { OutgoingRegisterBookSource } from './outgoing/book/outgoing-register-book.source';
import { OutgoingConversionService } from './outgoing/outgoing-conversion.service';
import { OutgoingTextService } from './outgoing/outgoing-text.service';
import { OutgoingDispatchService } from './outgoing/outgoing-dispatch.service';
import { OutgoingDraftingService } from './outgoing/outgoing-drafting.service';
import { OutgoingEventRepository } from './outgoing/outgoing-event.repository';
import { OutgoingIssueService } from './outgoing/outgoing-issue.service';
import { OutgoingMailService } from './outgoing/outgoing-mail.service';
import { OutgoingQueryService } from './outgoing/outgoing-query.service';
import { OutgoingRecipientRepository } from './outgoing/outgoing-recipient.repository';
import { OutgoingReviewService } from './outgoing/outgoing-review.service';
import { OutgoingSigningService } from './outgoing/outgoing-signing.service';
import { OutgoingAppendixService } from './outgoing/outgoing-appendix.service';
import { OutgoingAppendixRepository } from './outgoing/outgoing-appendix.repository';
import { OutgoingAppendix } from './outgoing/entities/outgoing-appendix.entity';
import { OutgoingPluginSigningService } from './outgoing/outgoing-plugin-signing.service';
import { LeaderSignatureSteps } from './outgoing/leader-signature-steps';
import { OutgoingVersionRepository } from './outgoing/outgoing-version.repository';
import { OutgoingWorkflow } from './outgoing/outgoing-workflow.service';
import { OutgoingRepository } from './outgoing/outgoing.repository';
import { OutgoingIssuedReplies } from './outgoing/outgoing-issued-replies';
import { IssuedReplies } from './incoming/issued-replies';
import { SigningSessionRepository } from './outgoing/signing-session.repository';
import { VoidedNumber } from './registers/voided-number.entity';
import { VoidedNumberRepository } from './registers/voided-number.repository';
import { VoidedNumberService } from './registers/voided-number.service';
import { ScanFiles } from './scans/scan-files.service';
import { ScanRateLimiter } from './scans/scan-rate-limiter.service';
import { ScanService } from './scans/scan.service';
import { IncomingStatsRepository } from './stats/incoming-stats.repository';
import { OutgoingStatsRepository } from './stats/outgoing-stats.repository';
import { StatsAccess } from './stats/stats-access.service';
import { StatsDrilldownService } from './stats/stats-drilldown.service';
import { StatsReportService } from './stats/stats-report.service';
import { StatsService } from './stats/stats.service';
import { TrackingBookService } from './stats/tracking-book.service';
import { BackupMetrics } from './backups/backup-metrics.service';
import { BackupNotifier } from './backups/backup-notifier.service';
import { BackupRun } from './backups/backup-run.entity';
import { BackupRunRepository } from './backups/backup-run.repository';
import { BackupSourceRepository } from './backups/backup-source.repository';
import { BackupService } from './backups/backup.service';
import { OrphanCollectorService } from './backups/orphan-collector.service';
import { RestoreDrill } from './backups/restore-drill.entity';
import { RestoreDrillService } from './backups/restore-drill.service';
import { FilableDocuments } from './filing/filable-documents.service';
import { ArchivalEvidence } from './filing/archival-evidence.service';

const services = [
  RegisterService,
  DocumentFileService,
  IncomingRegistrationService,
  IncomingFlowService,
  IncomingQueryService,
  DueDateService,
  IncomingNotificationService,
  OutgoingNotificationService,
  NotificationInboxService,
  CertificateRegistrationService,
  CertificateQueryService,
  SigningCertificateService,
  CertificateExpiryService,
  OutgoingDraftingService,
  OutgoingReviewService,
  OutgoingSigningService,
  OutgoingPluginSigningService,
  OutgoingAppendixService,
  OutgoingIssueService,
  OutgoingDispatchService,
  OutgoingMailService,
  OutgoingConversionService,
  OutgoingTextService,
  OutgoingQueryService,
  RegisterBookService,
  VoidedNumberService,
  OfficeConverter,
  SearchablePdfMaker,
  TextExtractor,
  ScanService,
  ScanRateLimiter,
  IncomingScanService,
  JobStatusService,
  StatsService,
  StatsDrilldownService,
  StatsReportService,
  TrackingBookService,
  DocumentAuditTrailService,
  BackupService,
  RestoreDrillService,
  OrphanCollectorService,
  AccessHistoryService,
  FilableDocuments,
  ArchivalEvidence,
];

/** One source per register kind. */
const registerBookSources = {
  provide: REGISTER_BOOK_SOURCES,
  useFactory: (...sources: RegisterBookSource[]) => sources,
  inject: [IncomingRegisterBookSource, OutgoingRegisterBookSource],
};

@Module({
  // AccountsModule is global: OrganisationScope comes from whichever variant the app imports.
  imports: [
    TypeOrmModule.forFeature([
      Register, VoidedNumber, IncomingDocument, IncomingAssignment, IncomingEvent, Notification,
      OutgoingDocument, OutgoingVersion, OutgoingRecipient, OutgoingEvent, OutgoingAppendix, SigningSession, SigningCertificate,
      BackupRun, RestoreDrill,
    ]),
  ],
  providers: [
    RegisterRepository,
    RegisterNumberingRepository,
    IncomingRepository,
    IncomingSearchRepository,
    IncomingAssignmentRepository,
    IncomingEventRepository,
    IncomingRegistrationRepository,
    IncomingAccess,
    NotificationRepository,
    SigningCertificateRepository,
    TrustStore,
    CertificateChecker,
    CertificateKeyVault,
    AppearanceImages,
    IncomingDeliveryService,
    OutgoingRepository,
    { provide: IssuedReplies, useClass: OutgoingIssuedReplies },
    OutgoingVersionRepository,
    OutgoingRecipientRepository,
    OutgoingEventRepository,
    SigningSessionRepository,
    LeaderSignatureSteps,
    OutgoingAppendixRepository,
    OutgoingAccess,
    OutgoingWorkflow,
    IncomingRegisterBookSource,
    OutgoingRegisterBookSource,
    registerBookSources,
    VoidedNumberRepository,
    ScanFiles,
    IncomingStatsRepository,
    OutgoingStatsRepository,
    StatsAccess,
    BackupRunRepository,
    BackupSourceRepository,
    BackupNotifier,
    BackupMetrics,
    DocumentViewRepository,
    ViewRecorder,
    ...services,
  ],
  exports: services,
})
export class DocumentsModule {}
