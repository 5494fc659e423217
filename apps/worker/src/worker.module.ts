import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '@eoffice/accounts';
import { AuditSealPoller, CoreModule, JobHandlerRegistry } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { RecordsModule } from '@eoffice/records';
import { DispatchProcessor } from './processors/dispatch.processor';
import { ConversionProcessor } from './processors/conversion.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { SchedulesService } from './schedules.service';
import { OutboxRelayPoller } from './outbox-relay.poller';
import { JobOutcomes } from './processors/job-outcomes.service';
import { WorkerVitals } from './worker-vitals.service';

/** The worker runs the same services as the API; only the entry points differ. */
@Module({
  imports: [CoreModule, DiscoveryModule, AccountsModule.forWorker(), DocumentsModule, RecordsModule],
  providers: [
    JobHandlerRegistry,
    JobOutcomes,
    MaintenanceProcessor,
    NotificationsProcessor,
    DispatchProcessor,
    ConversionProcessor,
    SchedulesService,
    OutboxRelayPoller,
    AuditSealPoller,
    WorkerVitals,
  ],
})
export class WorkerModule {}
