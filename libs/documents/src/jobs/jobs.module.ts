import { Module } from '@nestjs/common';
import { JobStatusService } from './job-status.service';

/** The state of a background job, as the API reports it to whoever started it. */
@Module({ providers: [JobStatusService], exports: [JobStatusService] })
export class JobsModule {}
