import type { JobRun } from '@eoffice/core';
import type { JobDto } from './dto/job.dto';

export const toJobDto = (run: JobRun): JobDto => ({
  id: run.id,
  name: run.name,
  state: run.state,
  progress: run.progress,
  result: run.result,
  error: run.error && { code: run.error.code, message: run.error.message },
  createdAt: run.createdAt,
  startedAt: run.startedAt,
  finishedAt: run.finishedAt,
});
