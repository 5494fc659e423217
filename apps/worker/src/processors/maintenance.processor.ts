import { Processor } from '@nestjs/bullmq';
import { jobWorkerOptions, QueueName } from '@eoffice/core';
import { JobProcessor } from './job-processor';

/** Long, I/O-heavy jobs (fixity checks, backups): one at a time per worker process. */
@Processor(QueueName.maintenance, jobWorkerOptions(1))
export class MaintenanceProcessor extends JobProcessor {}
