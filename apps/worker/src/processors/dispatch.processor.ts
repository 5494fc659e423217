import { Processor } from '@nestjs/bullmq';
import { jobWorkerOptions, QueueName } from '@eoffice/core';
import { JobProcessor } from './job-processor';

/** E-mails to outside recipients; a failed send is retried with backoff (queues.module.ts). */
@Processor(QueueName.dispatch, jobWorkerOptions(2))
export class DispatchProcessor extends JobProcessor {}
