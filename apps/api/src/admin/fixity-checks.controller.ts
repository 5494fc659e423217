import { Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';
import { FixityCheckDto } from './dto/fixity.dto';
import { toFixityCheckDto } from './fixity.mapper';

import { FixityService } from '@eoffice/core';

@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.admin)
@Controller('admin/fixity-checks')
export class FixityChecksController {
  constructor(private readonly fixity: FixityService) {}

  /** Queues a pass over every stored file; the worker fills in the report. */
  @Post()
  @Answers(202, FixityCheckDto)
  async request(@CurrentActor() actor: Actor): Promise<FixityCheckDto> {
    return toFixityCheckDto(await this.fixity.request('manual', actor.id));
  }

  @Get(':id')
  @Answers(200, FixityCheckDto, { errors: [404] })
  async get(@Param('id', ParseUUIDPipe) id: string): Promise<FixityCheckDto> {
    return toFixityCheckDto(await this.fixity.get(id));
  }
}
