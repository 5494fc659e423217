import { BullModule } from '@nestjs/bullmq';
import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { JobRun } from './job-run.entity';
import { JobRunRepository } from './job-run.repository';
import { JobRunService } from './job-run.service';
import { QueueName } from './jobs';
import { JobQueue } from './job-queue.service';
import { JobOutbox } from './job-outbox.service';
import { JobOutboxRepository } from './job-outbox.repository';
import { QueueOperationsService } from './queue-operations.service';
import { WorkerHeartbeat } from './worker-heartbeat.service';

/**
 * Retries with exponential backoff for transient failures; completed jobs are pruned,
 * failed ones kept for a month so an operator can see what went wrong.
 */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 5000 },
  removeOnComplete: { age: 7 * 24 * 3600, count: 10000 },
  removeOnFail: { age: 30 * 24 * 3600 },
};

@Global()
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        connection: { url: config.REDIS_URL, maxRetriesPerRequest: null },
        prefix: config.QUEUE_PREFIX,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    ...Object.values(QueueName).map((name) => BullModule.registerQueue({ name })),
    TypeOrmModule.forFeature([JobRun]),
  ],
  providers: [JobQueue, JobOutbox, JobOutboxRepository, JobRunRepository, JobRunService, WorkerHeartbeat, QueueOperationsService],
  exports: [JobQueue, JobOutbox, JobRunService, WorkerHeartbeat, QueueOperationsService, BullModule],
})
export class QueuesModule {}
