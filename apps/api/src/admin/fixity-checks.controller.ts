import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { FixityService } from '@eoffice/core';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.admin)
@Controller('admin/fixity-checks')
export class FixityChecksController {
  constructor(private readonly fixity: FixityService) {}

  /** Queues a pass over every stored file; the worker fills in the report. */
  @Post()
  @HttpCode(202)
  request(@CurrentActor() actor: Actor) {
    return this.fixity.request('manual', actor.id);
  }

  @Get(':id')
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.fixity.get(id);
  }
}
