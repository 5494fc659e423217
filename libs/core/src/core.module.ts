import { Module } from '@nestjs/common';
import { AuditModule } from './audit/audit.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FilesModule } from './files/files.module';
import { LoggingModule } from './logging/logging.module';
import { MailModule } from './mail/mail.module';
import { MetricsModule } from './metrics/metrics.module';
import { QueuesModule } from './queues/queues.module';
import { RateLimitsModule } from './rate-limits/rate-limits.module';

/** The infrastructure both processes stand on. Imported once, by each app's root module. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueuesModule,
    AuditModule,
    FilesModule,
    MetricsModule,
    MailModule,
    RateLimitsModule,
  ],
  exports: [ConfigModule, LoggingModule, DatabaseModule, QueuesModule, AuditModule, FilesModule, MetricsModule, MailModule, RateLimitsModule],
})
export class CoreModule {}
