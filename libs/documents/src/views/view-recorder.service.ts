import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { DocumentViewRepository, PendingView, ViewAction, ViewedKind } from './document-view.repository';

/** Where a request came from, as the API saw it. */
export interface ViewSource {
  ip: string | null;
  userAgent: string | null;
}

/** The most views one statement writes. */
const BATCH = 500;

interface Waiting {
  view: PendingView;
  written: () => void;
}

/**
 * Access history (docs/access-history.md), written before the read answers, so a process killed
 * after answering has not lost the view. Views noted in the same event-loop turn are written by one
 * append-only INSERT (group commit): one round trip shared by every request of that turn, and the
 * request awaits it alongside its own reads, so a read is not slower by more than that insert.
 * While one batch is written the next gathers. A batch that fails (database away) does not fail the
 * read: it is kept in memory and retried every VIEW_FLUSH_MS, and written when the process stops.
 */
@Injectable()
export class ViewRecorder implements OnModuleDestroy {
  private readonly logger = new Logger(ViewRecorder.name);
  private waiting: Waiting[] = [];
  private scheduled = false;
  private writing: Promise<void> | null = null;
  /** Views whose batch failed, for the timer. */
  private failed: PendingView[] = [];
  private retrying: Promise<void> | null = null;
  private readonly timer: NodeJS.Timeout;
  private readonly enabled: boolean;

  constructor(
    private readonly views: DocumentViewRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.enabled = config.VIEW_RECORDING;
    this.timer = setInterval(() => void this.retryFailed(), config.VIEW_FLUSH_MS);
    this.timer.unref();
  }

  /** Resolves once the view is written (or kept for a retry); never rejects. */
  document(kind: ViewedKind, documentId: string, viewerId: string, action: ViewAction, from?: ViewSource, fileId: string | null = null): Promise<void> {
    return this.note({ documentKind: kind, documentId, viewerId, action, fileId, viewedAt: new Date(), ip: from?.ip ?? null, userAgent: from?.userAgent ?? null });
  }

  /** A stored file read by id: the documents it belongs to are looked up when the batch is written. */
  file(fileId: string, viewerId: string, from?: ViewSource): Promise<void> {
    return this.note({ documentKind: null, documentId: null, viewerId, action: 'file', fileId, viewedAt: new Date(), ip: from?.ip ?? null, userAgent: from?.userAgent ?? null });
  }

  /** Writes whatever is noted or kept from a failed batch (shutdown, tests). */
  async flush(): Promise<void> {
    while (this.writing || this.waiting.length) {
      this.writeNext();
      await this.writing;
    }
    await this.retryFailed();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private note(view: PendingView): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    return new Promise((written) => {
      this.waiting.push({ view, written });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => {
        this.scheduled = false;
        this.writeNext();
      });
    });
  }

  /** One batch at a time: what arrives meanwhile is the next batch. */
  private writeNext(): void {
    if (this.writing || this.waiting.length === 0) return;
    const batch = this.waiting.splice(0, BATCH);
    this.writing = this.views
      .insertMany(batch.map((w) => w.view))
      .catch((error: unknown) => {
        this.failed.push(...batch.map((w) => w.view));
        this.logger.warn({ views: batch.length, error: String(error) }, 'access history not written yet; retrying');
      })
      .finally(() => {
        for (const w of batch) w.written();
        this.writing = null;
        this.writeNext();
      });
  }

  private retryFailed(): Promise<void> {
    if (this.retrying) return this.retrying;
    if (this.failed.length === 0) return Promise.resolve();
    const batch = this.failed;
    this.failed = [];
    this.retrying = this.views
      .insertMany(batch)
      .catch((error: unknown) => {
        this.failed = batch.concat(this.failed);
        this.logger.warn({ views: batch.length, error: String(error) }, 'access history not written yet; retrying');
      })
      .finally(() => {
        this.retrying = null;
      });
    return this.retrying;
  }
}
