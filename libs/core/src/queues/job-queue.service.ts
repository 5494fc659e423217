import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JOB_QUEUE, JobName, JobPayloads, QueueName } from './jobs';

/**
 * BullMQ's queues by job name. Application code does not add jobs here directly: it writes them in
 * its transaction through JobOutbox, which relays them here.
 */
@Injectable()
export class JobQueue {
  private readonly queues: Record<QueueName, Queue>;

  constructor(
    @InjectQueue(QueueName.maintenance) maintenance: Queue,
    @InjectQueue(QueueName.notifications) notifications: Queue,
    @InjectQueue(QueueName.dispatch) dispatch: Queue,
    @InjectQueue(QueueName.conversion) conversion: Queue,
  ) {
    this.queues = {
      [QueueName.maintenance]: maintenance,
      [QueueName.notifications]: notifications,
      [QueueName.dispatch]: dispatch,
      [QueueName.conversion]: conversion,
    };
  }

  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options?: JobsOptions): Promise<string> {
    const job = await this.queues[JOB_QUEUE[name]].add(name, payload, options);
    return job.id ?? '';
  }

  all(): Queue[] {
    return Object.values(this.queues);
  }

  queueFor(name: JobName): Queue {
    return this.queues[JOB_QUEUE[name]];
  }
}
