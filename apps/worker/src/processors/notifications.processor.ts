import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { jobContextOf, JobHandlerRegistry, QueueName } from '@eoffice/core';

/** Short jobs that tell people about their work; several at once. */
@Processor(QueueName.notifications, { concurrency: 4 })
export class NotificationsProcessor extends WorkerHost {
  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job.name, job.data, jobContextOf(job));
  }
}
