import { Processor } from '@nestjs/bullmq';
import { jobWorkerOptions, QueueName } from '@eoffice/core';
import { JobProcessor } from './job-processor';

/** Short jobs that tell people about their work; several at once. */
@Processor(QueueName.notifications, jobWorkerOptions(4))
export class NotificationsProcessor extends JobProcessor {}
