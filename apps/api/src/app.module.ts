import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AccountsModule } from '@eoffice/accounts';
import { CoreModule, ProblemDetailsFilter } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { AuthController } from './accounts/auth.controller';
import { MeController } from './accounts/me.controller';
import { FixityChecksController } from './admin/fixity-checks.controller';
import { AuditController } from './audit/audit.controller';
import { FilesController } from './files/files.controller';
import { HealthController } from './health/health.controller';
import { RedisHealthIndicator } from './health/redis.health';
import { ContentTypeMiddleware } from './http/content-type.middleware';
import { HttpMetricsMiddleware } from './metrics/http-metrics.middleware';
import { MetricsController } from './metrics/metrics.controller';

@Module({
  imports: [CoreModule, TerminusModule, AccountsModule.forApi(), DocumentsModule],
  controllers: [
    HealthController,
    MetricsController,
    AuthController,
    MeController,
    FilesController,
    FixityChecksController,
    AuditController,
  ],
  providers: [RedisHealthIndicator, { provide: APP_FILTER, useClass: ProblemDetailsFilter }],
})
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware, ContentTypeMiddleware).forRoutes('*path');
  }
}
