import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError, JobRun, JobRunService } from '@eoffice/core';

/** GET /jobs/:id: the person who started the job, or an administrator. */
@Injectable()
export class JobStatusService {
  constructor(private readonly runs: JobRunService) {}

  async get(actor: Actor, id: string): Promise<JobRun> {
    const run = await this.runs.find(id);
    // Someone else's job is "not found", so job ids cannot be probed.
    if (!run || (run.requestedBy !== actor.id && !hasRole(actor, Role.admin))) throw AppError.notFound('công việc (job)');
    return run;
  }
}
