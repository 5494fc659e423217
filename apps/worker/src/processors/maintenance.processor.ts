import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { jobContextOf, JobHandlerRegistry, QueueName } from '@eoffice/core';

/** Long, I/O-heavy jobs (fixity checks, backups): one at a time per worker process. */
@Processor(QueueName.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  private readonly logger = new Logger(MaintenanceProcessor.name);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    this.logger.log({ jobId: job.id, job: job.name, attempt: job.attemptsMade + 1 }, 'job started');
    const result = await this.registry.dispatch(job.name, job.data, jobContextOf(job));
    this.logger.log({ jobId: job.id, job: job.name }, 'job finished');
    return result;
  }
}
