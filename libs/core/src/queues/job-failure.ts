import { AppError } from '../errors/app-error';
import type { JobContext } from './job-context';
import type { JobRunError } from './job-run.entity';

export interface JobFailure {
  /** No attempt will follow: the run is failed for good. */
  final: boolean;
  /** What the person who started the job reads. */
  error: JobRunError;
}

/**
 * A caller-type error (4xx AppError) will not get better by retrying and is told as it is; anything
 * else is retried until the last attempt, and the person gets a generic line (details go to the logs).
 */
export function describeJobFailure(error: unknown, context: JobContext): JobFailure {
  if (error instanceof AppError && error.status < 500) return { final: true, error: { code: error.code, message: error.message } };
  const final = context.attempt >= context.maxAttempts;
  return {
    final,
    error: final
      ? { code: 'JOB_FAILED', message: 'Lỗi hệ thống, không xử lý được (internal error; the job failed)' }
      : { code: 'JOB_RETRYING', message: 'Lỗi hệ thống, đang thử lại (internal error; the job will be retried)' },
  };
}
