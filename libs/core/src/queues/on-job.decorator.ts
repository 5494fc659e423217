import { SetMetadata } from '@nestjs/common';
import type { JobName } from './jobs';

export const ON_JOB = Symbol('ON_JOB');

/** Marks a service method as the handler of a job; the worker refuses to start if a job has none. */
export const OnJob = (name: JobName) => SetMetadata(ON_JOB, name);
