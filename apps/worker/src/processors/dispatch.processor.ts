import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobHandlerRegistry, QueueName } from '@eoffice/core';

/** E-mails to outside recipients; a failed send is retried with backoff (queues.module.ts). */
@Processor(QueueName.dispatch, { concurrency: 2 })
export class DispatchProcessor extends WorkerHost {
  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  process(job: Job): Promise<unknown> {
    return this.registry.dispatch(job.name, job.data);
  }
}
