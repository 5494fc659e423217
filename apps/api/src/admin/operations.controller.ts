import { Controller, Get, Param, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Actor, CurrentActor, Role, Roles } from '@eoffice/accounts';
import { Answers } from '../http/api-answers.decorator';
import { QueueOperationsService } from '@eoffice/core';
import { DashboardSessionService } from './dashboard-session.service';
import { DashboardSessionDto, FailedJobDto, FailedJobsDto, JobRefParams, SchedulesDto } from './dto/operations.dto';

/** The operations view: scheduled jobs and the worker's heartbeat, failed jobs and retrying them, the queue dashboard. */
@ApiTags('admin')
@ApiBearerAuth()
@Roles(Role.admin)
@Controller('admin')
export class OperationsController {
  constructor(
    private readonly operations: QueueOperationsService,
    private readonly sessions: DashboardSessionService,
  ) {}

  @Get('schedules')
  @Answers(200, SchedulesDto)
  async schedules(): Promise<SchedulesDto> {
    const [worker, items] = await Promise.all([this.operations.worker(), this.operations.schedules()]);
    return { worker, items };
  }

  @Get('jobs/failed')
  @Answers(200, FailedJobsDto)
  async failed(): Promise<FailedJobsDto> {
    return { items: await this.operations.failed() };
  }

  @Post('jobs/:queue/:jobId/retry')
  @Answers(202, FailedJobDto, { errors: [404, 409] })
  retry(@CurrentActor() actor: Actor, @Param() params: JobRefParams): Promise<FailedJobDto> {
    return this.operations.retry(actor.id, params.queue, params.jobId);
  }

  /** Trades the administrator's bearer token for the dashboard's HttpOnly cookie. */
  @Post('queues/session')
  @Answers(201, DashboardSessionDto)
  async session(@CurrentActor() actor: Actor, @Res({ passthrough: true }) res: Response): Promise<DashboardSessionDto> {
    const session = await this.sessions.issue(actor.id);
    res.setHeader('Set-Cookie', this.sessions.cookie(session.value, session.maxAgeSeconds));
    res.setHeader('Cache-Control', 'no-store');
    return { expiresAt: session.expiresAt.toISOString(), dashboard: '/api/v1/admin/queues' };
  }
}
