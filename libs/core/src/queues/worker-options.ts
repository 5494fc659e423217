import type { WorkerOptions } from 'bullmq';
import { loadConfig } from '../config/app-config';

/**
 * A job stalls when its worker dies mid-job (its lock is not renewed). The first stall puts the job
 * back to wait; the second fails it for good ("job stalled more than allowable limit"), which the
 * worker reports as JOB_STALLED on the job's run.
 */
export const MAX_STALLED_COUNT = 1;

/**
 * Worker options for `@Processor(queue, jobWorkerOptions(n))`. The decorator runs when the module is
 * imported, before the configuration is read, so the lock and stall timings are getters: BullMQ's
 * worker is created at module init, after `loadConfig()` has validated the environment.
 */
export function jobWorkerOptions(concurrency: number): Partial<Omit<WorkerOptions, 'connection'>> {
  return {
    concurrency,
    maxStalledCount: MAX_STALLED_COUNT,
    get lockDuration() {
      return loadConfig().JOB_LOCK_SECONDS * 1000;
    },
    get stalledInterval() {
      return loadConfig().JOB_STALLED_CHECK_SECONDS * 1000;
    },
  };
}
