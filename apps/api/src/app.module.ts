import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AccountsModule } from '@eoffice/accounts';
import { AuditSealPoller, CoreModule, InputChecksMiddleware, ProblemDetailsFilter } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { RecordsModule } from '@eoffice/records';
import { StatisticsModule } from '@eoffice/statistics';
import { AuthController } from './accounts/auth.controller';
import { AgenciesController } from './accounts/agencies.controller';
import { AxisAccountController } from './exchange/axis-account.controller';
import { AxisController } from './exchange/axis.controller';
import { ExchangeController } from './exchange/exchange.controller';
import { DirectoryController } from './accounts/directory.controller';
import { MeController } from './accounts/me.controller';
import { UnitDelegationsController } from './accounts/unit-delegations.controller';
import { UnitsController } from './accounts/units.controller';
import { UnusedAccountReportsController } from './accounts/unused-account-reports.controller';
import { UsersController } from './accounts/users.controller';
import { FixityChecksController } from './admin/fixity-checks.controller';
import { BackupsController } from './admin/backups.controller';
import { DashboardSessionService } from './admin/dashboard-session.service';
import { OperationsController } from './admin/operations.controller';
import { AuditController } from './audit/audit.controller';
import { CertificatesController } from './certificates/certificates.controller';
import { FilesController } from './files/files.controller';
import { HealthController } from './health/health.controller';
import { RedisHealthIndicator } from './health/redis.health';
import { InboxController } from './incoming/inbox.controller';
import { IncomingController } from './incoming/incoming.controller';
import { IntakeController } from './intake/intake.controller';
import { IntakeMailboxController } from './intake/intake-mailbox.controller';
import { OutgoingController } from './outgoing/outgoing.controller';
import { SignaturesController } from './outgoing/signatures.controller';
import { RemoteSigningController } from './outgoing/remote-signing.controller';
import { SignBatchesController } from './outgoing/sign-batches.controller';
import { PublicVerificationController } from './outgoing/public-verification.controller';
import { SealController } from './outgoing/seal.controller';
import { JobsController } from './jobs/jobs.controller';
import { ContentTypeMiddleware } from './http/content-type.middleware';
import { NoStoreMiddleware } from './http/no-store.middleware';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';
import { NotificationPreferencesController } from './notifications/notification-preferences.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { RegistersController } from './registers/registers.controller';
import { FileListsController } from './records/file-lists.controller';
import { RecordsController } from './records/records.controller';
import { HandoversController } from './records/handovers.controller';
import { RecordHoldsController } from './records/record-holds.controller';
import { DestructionsController } from './records/destructions.controller';
import { ScansController } from './scans/scans.controller';
import { StatsController } from './stats/stats.controller';

@Module({
  imports: [CoreModule, TerminusModule, AccountsModule.forApi(), DocumentsModule, StatisticsModule, RecordsModule],
  controllers: [
    HealthController,
    MetricsController,
    AuthController,
    MeController,
    UnitsController,
    UnitDelegationsController,
    UsersController,
    DirectoryController,
    AgenciesController,
    ExchangeController,
    AxisController,
    AxisAccountController,
    UnusedAccountReportsController,
    IncomingController,
    IntakeController,
    IntakeMailboxController,
    OutgoingController,
    SignaturesController,
    RemoteSigningController,
    SignBatchesController,
    PublicVerificationController,
    SealController,
    InboxController,
    NotificationsController,
    NotificationPreferencesController,
    RegistersController,
    StatsController,
    CertificatesController,
    FilesController,
    ScansController,
    JobsController,
    FixityChecksController,
    BackupsController,
    AuditController,
    OperationsController,
    FileListsController,
    RecordsController,
    HandoversController,
    RecordHoldsController,
    DestructionsController,
  ],
  providers: [RedisHealthIndicator, DashboardSessionService, { provide: APP_FILTER, useClass: ProblemDetailsFilter }, AuditSealPoller],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware, NoStoreMiddleware, ContentTypeMiddleware, InputChecksMiddleware).forRoutes('*path');
  }
}
