import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import type { JobContext } from './job-context';
import { describeJobFailure } from './job-failure';
import { JobRun, JobRunError } from './job-run.entity';
import { JobRunRepository } from './job-run.repository';

export type ReportProgress = (percent: number) => Promise<void>;

/**
 * The life of a job somebody waits for: queued → running → completed | failed, with progress and
 * a result or an error the person can read. A retry puts the run back to queued (describeJobFailure).
 */
@Injectable()
export class JobRunService {
  private readonly logger = new Logger(JobRunService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: JobRunRepository,
    private readonly audit: AuditService,
  ) {}

  /** Inside the caller's transaction, so the run exists only if what it works on does. */
  async create(manager: EntityManager, run: Pick<JobRun, 'name' | 'requestedBy' | 'input'>): Promise<JobRun> {
    const created = await this.runs.create(manager, run);
    await this.audit.record(manager, {
      actorId: run.requestedBy,
      action: 'job.requested',
      entityType: 'job_run',
      entityId: created.id,
      data: { name: run.name, input: run.input },
    });
    return created;
  }

  find(id: string): Promise<JobRun | null> {
    return this.runs.findById(id);
  }

  /** Runs `work` for the run and records how it ended; a finished run is not done again. */
  async track<T extends Record<string, unknown>>(id: string, context: JobContext, work: (run: JobRun, progress: ReportProgress) => Promise<T>): Promise<T | null> {
    const run = await this.runs.start(id);
    if (!run) return null;
    try {
      const result = await work(run, (percent) => this.runs.update(id, { progress: Math.max(0, Math.min(99, Math.round(percent))) }));
      await this.finish(run, { state: 'completed', progress: 100, result });
      return result;
    } catch (error) {
      const { final, error: reported } = describeJobFailure(error, context);
      if (final) await this.finish(run, { state: 'failed', error: reported });
      else await this.runs.update(id, { state: 'queued', error: reported });
      if (!(error instanceof AppError)) this.logger.error({ jobRunId: id, attempt: context.attempt, error: String(error) }, 'job attempt failed');
      throw error;
    }
  }

  /**
   * For a run whose queue job BullMQ failed for good without the handler recording it (its worker
   * died in it twice: stalled). A run that already finished is left as it is.
   */
  async failUnfinished(id: string, error: JobRunError): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const run = await this.runs.findById(id, manager);
      if (!run || !(await this.runs.failIfUnfinished(id, error, manager))) return false;
      await this.audit.record(manager, {
        actorId: null,
        action: 'job.failed',
        entityType: 'job_run',
        entityId: id,
        data: { name: run.name, result: null, error },
      });
      return true;
    });
  }

  /** Inside the caller's transaction: the run's queue job is being retried by an administrator. */
  requeue(id: string, manager: EntityManager): Promise<void> {
    return this.runs.requeue(id, manager);
  }

  private finish(run: JobRun, changes: Partial<Pick<JobRun, 'state' | 'progress' | 'result' | 'error'>>): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      await this.runs.update(run.id, { ...changes, finishedAt: new Date() }, manager);
      await this.audit.record(manager, {
        actorId: null,
        action: `job.${changes.state}`,
        entityType: 'job_run',
        entityId: run.id,
        data: { name: run.name, result: changes.result ?? null, error: changes.error ?? null },
      });
    });
  }
}
