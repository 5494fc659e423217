import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditCheckpointService } from './audit-checkpoint.service';
import { AuditEvent } from './audit-event.entity';
import { AuditSealerService } from './audit-sealer.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';

/** The API and the worker each add AuditSealPoller to their own providers; scripts (seed) leave sealing to them. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditEvent])],
  providers: [AuditRepository, AuditService, AuditSealerService, AuditCheckpointService],
  exports: [AuditService, AuditSealerService, AuditCheckpointService],
})
export class AuditModule {}
