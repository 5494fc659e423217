import { Processor } from '@nestjs/bullmq';
import { jobWorkerOptions, QueueName } from '@eoffice/core';
import { JobProcessor } from './job-processor';

/**
 * OCR and office conversions: each runs single-threaded tools (tesseract with OMP_THREAD_LIMIT=1,
 * LibreOffice), so two at a time keep two cores busy; more processes scale out.
 */
@Processor(QueueName.conversion, jobWorkerOptions(2))
export class ConversionProcessor extends JobProcessor {}
