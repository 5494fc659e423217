import { Injectable } from '@nestjs/common';
import type { Job, Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../errors/app-error';
import { JobQueue } from './job-queue.service';
import { JobRunService } from './job-run.service';
import { WorkerHeartbeat, WorkerLiveness } from './worker-heartbeat.service';

export interface ScheduleView {
  queue: string;
  id: string;
  name: string;
  cron: string | null;
  timeZone: string | null;
  lastRunAt: string | null;
  lastResult: 'completed' | 'failed' | null;
  lastError: string | null;
  nextRunAt: string | null;
}

export interface FailedJobView {
  queue: string;
  id: string;
  name: string;
  reason: string;
  attempts: number;
  failedAt: string | null;
}

/** How far back the views look in each queue's finished jobs (BullMQ keeps a month of failures). */
const RECENT = 200;
const iso = (ms: number | undefined) => (ms ? new Date(ms).toISOString() : null);

/** The administrator's view of the queues: schedules, failed jobs and retrying them, worker liveness. */
@Injectable()
export class QueueOperationsService {
  constructor(
    private readonly jobs: JobQueue,
    private readonly heartbeat: WorkerHeartbeat,
    private readonly runs: JobRunService,
    private readonly audit: AuditService,
    private readonly dataSource: DataSource,
  ) {}

  worker(): Promise<WorkerLiveness> {
    return this.heartbeat.read();
  }

  async schedules(): Promise<ScheduleView[]> {
    const views: ScheduleView[] = [];
    for (const queue of this.jobs.all()) {
      const schedulers = await queue.getJobSchedulers(0, -1, true);
      if (!schedulers.length) continue;
      const finished = await queue.getJobs(['completed', 'failed'], 0, RECENT - 1);
      for (const scheduler of schedulers) {
        const last = finished
          .filter((job) => job.repeatJobKey === scheduler.key && job.finishedOn)
          .sort((a, b) => (b.finishedOn ?? 0) - (a.finishedOn ?? 0))[0];
        views.push({
          queue: queue.name,
          id: scheduler.key,
          name: scheduler.name,
          cron: scheduler.pattern ?? null,
          timeZone: scheduler.tz ?? null,
          lastRunAt: iso(last?.finishedOn),
          lastResult: last ? (last.failedReason ? 'failed' : 'completed') : null,
          lastError: last?.failedReason || null,
          nextRunAt: iso(scheduler.next),
        });
      }
    }
    return views;
  }

  async failed(): Promise<FailedJobView[]> {
    const views: FailedJobView[] = [];
    for (const queue of this.jobs.all()) {
      for (const job of await queue.getJobs(['failed'], 0, RECENT - 1)) {
        views.push({ queue: queue.name, id: job.id ?? '', name: job.name, reason: job.failedReason, attempts: job.attemptsMade, failedAt: iso(job.finishedOn) });
      }
    }
    return views.sort((a, b) => (b.failedAt ?? '').localeCompare(a.failedAt ?? ''));
  }

  /** Puts a failed job back in its queue (its run, if any, back to queued), audited. */
  async retry(actorId: string, queueName: string, jobId: string): Promise<FailedJobView> {
    const queue = this.jobs.all().find((q) => q.name === queueName);
    const job = queue && (await queue.getJob(jobId));
    if (!queue || !job) throw AppError.notFound('công việc (job)');
    const state = await job.getState();
    if (state !== 'failed') {
      throw AppError.conflict('JOB_NOT_FAILED', `Chỉ chạy lại được công việc đã thất bại; công việc này đang "${state}" (only failed jobs can be retried)`);
    }
    const view = this.viewOf(queue, job);
    await this.dataSource.transaction(async (manager) => {
      const jobRunId = (job.data as { jobRunId?: unknown }).jobRunId;
      if (typeof jobRunId === 'string') await this.runs.requeue(jobRunId, manager);
      await this.audit.record(manager, {
        actorId,
        action: 'job.retried',
        entityType: 'queue_job',
        entityId: `${queue.name}:${jobId}`.slice(0, 64),
        data: { queue: queue.name, jobId, name: job.name, reason: job.failedReason, attempts: job.attemptsMade },
      });
      // Last, so a refusal by BullMQ (the job changed meanwhile) rolls the audit entry back.
      await job.retry('failed');
    });
    return view;
  }

  private viewOf(queue: Queue, job: Job): FailedJobView {
    return { queue: queue.name, id: job.id ?? '', name: job.name, reason: job.failedReason, attempts: job.attemptsMade, failedAt: iso(job.finishedOn) };
  }
}
