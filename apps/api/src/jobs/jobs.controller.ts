import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor } from '@eoffice/accounts';
import type { JobRun } from '@eoffice/core';
import { JobStatusService } from '@eoffice/documents';

const toJobDto = (run: JobRun) => ({
  id: run.id,
  name: run.name,
  state: run.state,
  progress: run.progress,
  result: run.result,
  error: run.error,
  createdAt: run.createdAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
});

/** Background work a person started (a scan, …): GET /jobs/:id for its state, progress and result. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobStatusService) {}

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string) {
    return toJobDto(await this.jobs.get(actor, id));
  }
}
