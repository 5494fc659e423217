import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { describeFinalQueueFailure, JobRunService, MetricsService } from '@eoffice/core';

/** `JOB_FAILED`-style code of a failure reason: `OCR_TIMEOUT: …` keeps its code, a crash is generic. */
function codeOf(reason: string, final: boolean): string {
  const stalled = describeFinalQueueFailure(reason);
  if (stalled.code === 'JOB_STALLED') return stalled.code;
  return /^([A-Z][A-Z0-9_]{2,}):/.exec(reason)?.[1] ?? (final ? 'JOB_FAILED' : 'JOB_RETRYING');
}

/**
 * What the worker does when a job attempt ends: metrics for every attempt, and for a job that BullMQ
 * failed for good without its handler recording it (the worker died in it twice), the job's run is
 * failed with the reason, so `GET /jobs/:id` never says `running` forever.
 */
@Injectable()
export class JobOutcomes {
  private readonly logger = new Logger(JobOutcomes.name);

  constructor(
    private readonly metrics: MetricsService,
    private readonly runs: JobRunService,
  ) {}

  attempted(job: Job, seconds: number, outcome: 'completed' | 'failed'): void {
    this.metrics.jobDuration.observe({ queue: job.queueName, name: job.name, outcome }, seconds);
    this.logger.log({ queue: job.queueName, jobId: job.id, job: job.name, attempt: job.attemptsMade + 1, ms: Math.round(seconds * 1000), outcome }, 'job attempt ended');
  }

  async failed(queue: string, job: Job | undefined, error: Error): Promise<void> {
    if (!job) return;
    // BullMQ sets finishedOn only when the job moved to failed, not when it will be retried.
    const final = Boolean(job.finishedOn);
    const code = codeOf(error.message, final);
    this.metrics.jobFailures.inc({ queue, name: job.name, final: String(final), code });
    const log = { queue, jobId: job.id, job: job.name, attempt: job.attemptsMade, final, code, reason: error.message };
    if (code === 'JOB_STALLED') this.logger.error(log, 'job failed: its worker stopped in it too many times');
    else this.logger.warn(log, 'job attempt failed');
    const jobRunId = (job.data as { jobRunId?: unknown } | undefined)?.jobRunId;
    if (!final || typeof jobRunId !== 'string') return;
    try {
      await this.runs.failUnfinished(jobRunId, describeFinalQueueFailure(error.message));
    } catch (cause) {
      this.logger.error({ jobRunId, error: String(cause) }, 'could not record the failed job run');
    }
  }
}
