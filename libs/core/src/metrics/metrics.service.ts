import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { JobQueue } from '../queues/job-queue.service';

/**
 * Prometheus metrics of this process: HTTP latency (API), job durations and failures (worker), queue
 * depth, and Node's own (memory, event loop).
 */
@Injectable()
export class MetricsService {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request latency by method, route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** One handler run, observed in the worker that ran it; a stalled run (worker died) has none. */
  readonly jobDuration = new Histogram({
    name: 'job_duration_seconds',
    help: 'Time a worker spent on one job attempt, by queue, job name and outcome (completed|failed)',
    labelNames: ['queue', 'name', 'outcome'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 900, 3600],
    registers: [this.registry],
  });

  /** Failed attempts: `final` says whether the job failed for good, `code` why (JOB_STALLED, OCR_TIMEOUT, …). */
  readonly jobFailures = new Counter({
    name: 'job_failures_total',
    help: 'Failed job attempts by queue, job name, whether it was the last one, and code',
    labelNames: ['queue', 'name', 'final', 'code'] as const,
    registers: [this.registry],
  });

  constructor(jobs: JobQueue) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs per queue and state',
      labelNames: ['queue', 'state'] as const,
      registers: [this.registry],
      async collect() {
        for (const queue of jobs.all()) {
          const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized');
          for (const [state, count] of Object.entries(counts)) this.set({ queue: queue.name, state }, count);
        }
      },
    });
  }
}
