/**
 * The job catalogue: every queue, every job name and its payload, in one place, so the API
 * (producer) and the worker (consumer) cannot drift apart. Payloads carry ids only; handlers
 * re-read state, so running a job twice is harmless.
 */
export const QueueName = {
  maintenance: 'maintenance',
} as const;
export type QueueName = (typeof QueueName)[keyof typeof QueueName];

export const JobName = {
  fixityCheck: 'fixity-check',
} as const;
export type JobName = (typeof JobName)[keyof typeof JobName];

export interface JobPayloads {
  /** Without an id, the handler opens a scheduled check itself. */
  [JobName.fixityCheck]: { fixityCheckId?: string };
}

export const JOB_QUEUE: Record<JobName, QueueName> = {
  [JobName.fixityCheck]: QueueName.maintenance,
};
