import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobOutbox } from '@eoffice/core';

/**
 * Relays the jobs that are still in the outbox every OUTBOX_POLL_SECONDS: those whose change
 * committed while its process could not reach Redis, or that a process died before relaying. A
 * plain timer rather than a repeatable job, since it must work exactly when Redis did not.
 */
@Injectable()
export class OutboxRelayPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly outbox: JobOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.outbox.relaySoon();
    this.timer = setInterval(() => this.outbox.relaySoon(), this.config.OUTBOX_POLL_SECONDS * 1000);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }
}
