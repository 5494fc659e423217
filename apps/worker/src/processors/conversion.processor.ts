import { Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { jobContextOf, JobHandlerRegistry, QueueName } from '@eoffice/core';

/**
 * OCR and office conversions: each runs single-threaded tools (tesseract with OMP_THREAD_LIMIT=1,
 * LibreOffice), so two at a time keep two cores busy; more processes scale out.
 */
@Processor(QueueName.conversion, { concurrency: 2 })
export class ConversionProcessor extends WorkerHost {
  private readonly logger = new Logger(ConversionProcessor.name);

  constructor(private readonly registry: JobHandlerRegistry) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    const started = Date.now();
    const result = await this.registry.dispatch(job.name, job.data, jobContextOf(job));
    this.logger.log({ jobId: job.id, job: job.name, attempt: job.attemptsMade + 1, ms: Date.now() - started }, 'job finished');
    return result;
  }
}
