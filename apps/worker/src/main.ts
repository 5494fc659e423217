// First: what the worker loads from here on is compiled with the V8 code cache.
import { codeCache } from './startup/code-cache.install';
import 'reflect-metadata';
import { setPriority } from 'node:os';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import { ConfigError, loadConfig } from '@eoffice/core';
import { CODE_CACHE_SAVE_DELAY_MS } from '@eoffice/core/startup/code-cache';
import { WorkerModule } from './worker.module';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerModule, { bufferLogs: true });
  app.useLogger(app.get(Logger));
  lowerPriority(config.WORKER_NICENESS, app.get(Logger));
  // On SIGTERM Nest closes the BullMQ workers, which wait for running jobs to finish.
  app.enableShutdownHooks();
  // Written off the start's path; a start that found everything in the cache writes nothing.
  setTimeout(() => codeCache.save(), CODE_CACHE_SAVE_DELAY_MS).unref();
  app.get(Logger).log('Worker started');
}

/**
 * Background work yields to the requests: on one machine the API, the worker and PostgreSQL share
 * the cores, and a registration must not wait behind a document's text extraction (issue 13.10).
 */
function lowerPriority(niceness: number, logger: Logger): void {
  try {
    setPriority(niceness);
  } catch (error) {
    // A container may forbid it; the worker still works, at the API's priority.
    logger.warn(`Worker priority not lowered to nice ${niceness}: ${(error as Error).message}`);
  }
}

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
