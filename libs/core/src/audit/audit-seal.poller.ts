import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AuditSealerService } from './audit-sealer.service';

/**
 * Seals the audit chain every AUDIT_SEAL_INTERVAL_MS. Every API and worker process runs one; the
 * advisory lock lets one of them work at a time and the others skip the tick, so the chain is
 * sealed within about one interval as long as any process is up.
 */
@Injectable()
export class AuditSealPoller implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(AuditSealPoller.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly sealer: AuditSealerService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.tick(), this.config.AUDIT_SEAL_INTERVAL_MS);
    this.tick();
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private tick(): void {
    if (this.running) return;
    this.running = this.sealer
      .sealPending(false)
      .then(() => undefined)
      // A lost database connection is the database's alarm, not ours: the next tick tries again.
      .catch((error: unknown) => this.logger.warn({ err: error }, 'audit sealing failed; retrying next tick'))
      .finally(() => (this.running = undefined));
  }
}
