import { Controller, Get, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';

import { AuditCheckpointService, AuditService } from '@eoffice/core';
import { DocumentAuditTrailService } from '@eoffice/documents';
import { toAuditCheckpointDto, toAuditEventDto, toAuditVerificationDto } from './audit.mapper';
import { AuditCheckpointDto, AuditEventDto, AuditVerificationDto } from './dto/audit.dto';

class AuditQuery {
  @ApiProperty() @IsString() @MaxLength(40) entityType!: string;
  @ApiProperty() @IsString() @MaxLength(64) entityId!: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.admin, Role.leadership)
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly checkpoints: AuditCheckpointService,
    private readonly trails: DocumentAuditTrailService,
  ) {}

  /** A confidential (mật) document's entries carry their content only for the people it names (`redacted` otherwise). */
  @Get()
  @Answers(200, [AuditEventDto], { errors: [404] })
  async trail(@CurrentActor() actor: Actor, @Query() query: AuditQuery): Promise<AuditEventDto[]> {
    return (await this.trails.trail(actor, query.entityType, query.entityId)).map(toAuditEventDto);
  }

  /** Seals, re-computes the hash chain over the whole trail and holds it against the latest signed checkpoint. */
  @Get('verify')
  @Answers(200, AuditVerificationDto)
  async verify(): Promise<AuditVerificationDto> {
    return toAuditVerificationDto(await this.audit.verify());
  }

  /** Publishes a signed checkpoint of the chain's head now (the worker also does on AUDIT_CHECKPOINT_CRON). */
  @Roles(Role.admin)
  @Post('checkpoints')
  @Answers(201, AuditCheckpointDto, { errors: [409] })
  async checkpoint(@CurrentActor() actor: Actor): Promise<AuditCheckpointDto> {
    return toAuditCheckpointDto(await this.checkpoints.publish(actor.id));
  }
}
