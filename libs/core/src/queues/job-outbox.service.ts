import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions } from 'bullmq';
import { DataSource, EntityManager } from 'typeorm';
import { JobOutboxRepository, OutboxRow } from './job-outbox.repository';
import { JobQueue } from './job-queue.service';
import { JobName, JobPayloads } from './jobs';

export type { OutboxRow } from './job-outbox.repository';

const BATCH = 100;
/** A relay that stops mid-batch (a crash) leaves its rows to the next relay after this. */
const LEASE_SECONDS = 60;
/** Redis commands wait while Redis is unreachable; a relay gives up on a row after this. */
const QUEUE_TIMEOUT_MS = 5000;

/**
 * How code puts work on a queue: `add` writes the job in the caller's transaction (one opened with
 * `transaction`), so it exists if and only if the change commits; once that transaction has
 * committed its jobs are handed to BullMQ at once, and the worker relays whatever is left (Redis
 * was down, the process died) every few seconds. A row is
 * queued under the job id `outbox-<row id>` (or the caller's own id), so relaying it twice queues
 * it once.
 */
@Injectable()
export class JobOutbox {
  private readonly logger = new Logger(JobOutbox.name);
  private running: Promise<number> | null = null;
  private again = false;
  /** Transactions that wrote jobs: only those are followed by a relay. */
  private readonly wroteJobs = new WeakSet<EntityManager>();
  /** Rows queued by `relayCommitted`, deleted together by the next `flushDeletes`. */
  private readonly queuedRows: string[] = [];
  private deleting: Promise<void> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly rows: JobOutboxRepository,
    private readonly queue: JobQueue,
  ) {}

  /** A transaction whose jobs (if it adds any) are relayed as soon as it has committed. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    let used: EntityManager | undefined;
    const result = await this.dataSource.transaction((manager) => {
      used = manager;
      return work(manager);
    });
    if (used && this.wroteJobs.has(used)) this.relaySoon();
    return result;
  }

  add<N extends JobName>(manager: EntityManager, name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<string> {
    this.wroteJobs.add(manager);
    return this.rows.insert(manager, name, payload, options);
  }

  /**
   * Rows a statement wrote and committed, whose ids the caller has (RETURNING): queued at once,
   * without claiming them, and deleted in one statement with those of other requests meanwhile.
   * Another relay taking the same row queues it under the same job id, which BullMQ ignores; a
   * row that could not be queued stays for the worker's periodic relay.
   */
  relayCommitted(rows: OutboxRow[]): void {
    for (const row of rows) {
      withTimeout(this.queue.enqueue(row.name as JobName, row.payload as never, { jobId: `outbox-${row.id}`, ...row.options }), QUEUE_TIMEOUT_MS).then(
        () => {
          this.queuedRows.push(row.id);
          this.deleting ??= this.flushDeletes();
        },
        (error: unknown) => this.logger.warn({ outboxId: row.id, job: row.name, error: String(error) }, 'job not queued yet; kept in the outbox'),
      );
    }
  }

  private async flushDeletes(): Promise<void> {
    try {
      while (this.queuedRows.length > 0) {
        const ids = this.queuedRows.splice(0);
        // Left in place on failure: a later relay queues them again under the same job ids.
        await this.rows.deleteMany(ids).catch((error: unknown) => this.logger.warn({ error: String(error) }, 'queued outbox rows not deleted yet'));
      }
    } finally {
      this.deleting = null;
    }
  }

  /** Relays in the background: the request that committed does not wait for Redis. */
  relaySoon(): void {
    this.relay().catch((error: unknown) => this.logger.error({ error: String(error) }, 'outbox relay failed'));
  }

  /** Relays every pending row; one relay at a time per process (a call meanwhile runs it once more). */
  relay(): Promise<number> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.relayAll().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.relaySoon();
      }
    });
    return this.running;
  }

  private async relayAll(): Promise<number> {
    let relayed = 0;
    for (;;) {
      const batch = await this.rows.claim(BATCH, LEASE_SECONDS);
      if (batch.length === 0) return relayed;
      for (const [index, row] of batch.entries()) {
        const failure = await this.relayOne(row);
        if (failure) {
          // Redis is away: hand the rest of the batch back for the next relay.
          for (const rest of batch.slice(index + 1)) await this.rows.release(rest.id, failure);
          return relayed;
        }
        relayed += 1;
      }
    }
  }

  /** Queues one row and deletes it; on failure keeps it and says why. */
  private async relayOne(row: OutboxRow): Promise<string | undefined> {
    try {
      await withTimeout(this.queue.enqueue(row.name as JobName, row.payload as never, { jobId: `outbox-${row.id}`, ...row.options }), QUEUE_TIMEOUT_MS);
      await this.rows.delete(row.id);
      return undefined;
    } catch (error) {
      await this.rows.release(row.id, String(error));
      this.logger.warn({ outboxId: row.id, job: row.name, error: String(error) }, 'job not queued yet; kept in the outbox');
      return String(error);
    }
  }
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from Redis within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
