import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig, JobName, JobQueue } from '@eoffice/core';

/** Recurring jobs. Upserting is idempotent, so every worker process may do it at start. */
@Injectable()
export class SchedulesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SchedulesService.name);

  constructor(
    private readonly jobs: JobQueue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const queue = this.jobs.queueFor(JobName.fixityCheck);
    const id = 'fixity-check-scheduled';
    if (!this.config.FIXITY_CHECK_CRON) {
      await queue.removeJobScheduler(id);
      return;
    }
    await queue.upsertJobScheduler(
      id,
      { pattern: this.config.FIXITY_CHECK_CRON, tz: this.config.TZ_NAME },
      { name: JobName.fixityCheck, data: {} },
    );
    this.logger.log(`Fixity check scheduled: "${this.config.FIXITY_CHECK_CRON}" (${this.config.TZ_NAME})`);
  }
}
