import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AccountsModule } from '@eoffice/accounts';
import { CoreModule, JobHandlerRegistry } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { DispatchProcessor } from './processors/dispatch.processor';
import { ConversionProcessor } from './processors/conversion.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { NotificationsProcessor } from './processors/notifications.processor';
import { SchedulesService } from './schedules.service';
import { OutboxRelayPoller } from './outbox-relay.poller';

/** The worker runs the same services as the API; only the entry points differ. */
@Module({
  imports: [CoreModule, DiscoveryModule, AccountsModule.forWorker(), DocumentsModule],
  providers: [JobHandlerRegistry, MaintenanceProcessor, NotificationsProcessor, DispatchProcessor, ConversionProcessor, SchedulesService, OutboxRelayPoller],
})
export class WorkerModule {}
