import { AppError } from '../errors/app-error';
import type { JobContext } from './job-context';
import type { JobRunError } from './job-run.entity';

export interface JobFailure {
  /** No attempt will follow: the run is failed for good. */
  final: boolean;
  /** What the person who started the job reads. */
  error: JobRunError;
}

export const JOB_FAILED: JobRunError = { code: 'JOB_FAILED', message: 'Lỗi hệ thống, không xử lý được (internal error; the job failed)' };

export const JOB_STALLED: JobRunError = {
  code: 'JOB_STALLED',
  message: 'Tiến trình xử lý bị dừng giữa chừng nhiều lần, công việc đã dừng (the worker stopped mid-job too many times; the job failed)',
};

/** BullMQ's reason for a job whose worker died mid-job more often than the stall limit allows. */
const STALLED_REASON = 'job stalled more than allowable limit';

/**
 * A caller-type error (4xx AppError) will not get better by retrying and is told as it is; anything
 * else is retried until the last attempt, and the person gets a generic line (details go to the logs).
 */
export function describeJobFailure(error: unknown, context: JobContext): JobFailure {
  if (error instanceof AppError && error.status < 500) return { final: true, error: { code: error.code, message: error.message } };
  const final = context.attempt >= context.maxAttempts;
  return {
    final,
    error: final ? JOB_FAILED : { code: 'JOB_RETRYING', message: 'Lỗi hệ thống, đang thử lại (internal error; the job will be retried)' },
  };
}

/**
 * How a job that BullMQ failed for good is told when its handler could not record it itself: the
 * worker died in it (stalled), or the failure happened outside the handler.
 */
export function describeFinalQueueFailure(reason: string | undefined): JobRunError {
  return reason?.includes(STALLED_REASON) ? JOB_STALLED : JOB_FAILED;
}
