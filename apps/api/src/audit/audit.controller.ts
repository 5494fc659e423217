import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { Role, Roles } from '@eoffice/accounts';
import { AuditService } from '@eoffice/core';

class AuditQuery {
  @ApiProperty() @IsString() @MaxLength(40) entityType!: string;
  @ApiProperty() @IsString() @MaxLength(64) entityId!: string;
}

@ApiTags('audit')
@ApiBearerAuth()
@Roles(Role.admin, Role.leadership)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  trail(@Query() query: AuditQuery) {
    return this.audit.trail(query.entityType, query.entityId);
  }

  /** Re-computes the hash chain over the whole trail. */
  @Get('verify')
  verify() {
    return this.audit.verify();
  }
}
