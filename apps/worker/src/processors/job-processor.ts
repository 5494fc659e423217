import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import { jobContextOf, JobHandlerRegistry } from '@eoffice/core';
import { JobOutcomes } from './job-outcomes.service';

/**
 * Every queue's processor: runs the job's handler, times the attempt, and reports failures (also
 * those BullMQ decides without running the handler, such as a job stalled too often).
 * `@Injectable` so its constructor's parameter types are recorded; the subclasses inherit them.
 */
@Injectable()
export abstract class JobProcessor extends WorkerHost {
  constructor(
    private readonly registry: JobHandlerRegistry,
    private readonly outcomes: JobOutcomes,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const started = process.hrtime.bigint();
    const seconds = () => Number(process.hrtime.bigint() - started) / 1e9;
    try {
      const result = await this.registry.dispatch(job.name, job.data, jobContextOf(job));
      this.outcomes.attempted(job, seconds(), 'completed');
      return result;
    } catch (error) {
      this.outcomes.attempted(job, seconds(), 'failed');
      throw error;
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): Promise<void> {
    return this.outcomes.failed(this.worker.name, job, error);
  }
}
