import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, SignedIn } from '@eoffice/accounts';
import { JobStatusService } from '@eoffice/documents';
import { Answers } from '../http/api-answers.decorator';
import { JobDto } from './dto/job.dto';
import { toJobDto } from './job.mapper';

/** Background work a person started (a scan, …): GET /jobs/:id for its state, progress and result. */
@ApiTags('jobs')
@ApiBearerAuth()
@Controller('jobs')
export class JobsController {
  constructor(private readonly jobs: JobStatusService) {}

  @Get(':id')
  @SignedIn()
  @Answers(200, JobDto, { errors: [404] })
  async get(@CurrentActor() actor: Actor, @Param('id', ParseUUIDPipe) id: string): Promise<JobDto> {
    return toJobDto(await this.jobs.get(actor, id));
  }
}
