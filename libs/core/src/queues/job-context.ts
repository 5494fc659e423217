import type { Job } from 'bullmq';

/** Which attempt of a job this is, so a handler can tell a failure that will be retried from the last one. */
export interface JobContext {
  attempt: number;
  maxAttempts: number;
}

export const SINGLE_ATTEMPT: JobContext = { attempt: 1, maxAttempts: 1 };

export function jobContextOf(job: Pick<Job, 'attemptsMade' | 'opts'>): JobContext {
  return { attempt: job.attemptsMade + 1, maxAttempts: job.opts.attempts ?? 1 };
}
