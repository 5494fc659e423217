import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { UnrecoverableError } from 'bullmq';
import { AppError } from '../errors/app-error';
import { JobContext, SINGLE_ATTEMPT } from './job-context';
import { JobName } from './jobs';
import { ON_JOB } from './on-job.decorator';

type Handler = (payload: unknown, context: JobContext) => Promise<unknown>;

/**
 * Finds every `@OnJob` method among the worker's providers. Start-up fails if a job of the
 * catalogue has no handler or two, so a forgotten handler is found before any job is lost.
 */
@Injectable()
export class JobHandlerRegistry implements OnApplicationBootstrap {
  private readonly logger = new Logger(JobHandlerRegistry.name);
  private readonly handlers = new Map<string, Handler>();
  private loaded = false;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  onApplicationBootstrap(): void {
    this.load();
    this.logger.log(`Job handlers: ${[...this.handlers.keys()].join(', ')}`);
  }

  /**
   * Reads the handlers once. BullMQ's workers start consuming in their module's init, before this
   * registry's bootstrap hook: a job taken in that window (one queued while the worker restarted)
   * failed for good with "No handler" and left its record waiting forever (a backup stuck "queued").
   * Every provider instance exists before any init hook runs, so the first dispatch may read them.
   */
  private load(): void {
    if (this.loaded) return;
    this.handlers.clear();
    for (const wrapper of this.discovery.getProviders()) {
      const instance = wrapper.instance as Record<string, unknown> | undefined;
      if (!instance || typeof instance !== 'object') continue;
      for (const method of this.scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
        const fn = instance[method] as Handler;
        const name = Reflect.getMetadata(ON_JOB, fn) as string | undefined;
        if (!name) continue;
        if (this.handlers.has(name)) throw new Error(`Job "${name}" has more than one handler`);
        this.handlers.set(name, fn.bind(instance));
      }
    }
    const missing = Object.values(JobName).filter((name) => !this.handlers.has(name));
    if (missing.length) throw new Error(`No handler for job(s): ${missing.join(', ')}`);
    this.loaded = true;
  }

  /** A caller-type error (AppError below 500) will not get better by retrying, so it stops retries. */
  async dispatch(name: string, payload: unknown, context: JobContext = SINGLE_ATTEMPT): Promise<unknown> {
    this.load();
    const handler = this.handlers.get(name);
    if (!handler) throw new UnrecoverableError(`No handler for job "${name}"`);
    try {
      return await handler(payload, context);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) throw new UnrecoverableError(`${error.code}: ${error.message}`);
      throw error;
    }
  }
}
