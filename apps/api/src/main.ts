// First: what the API loads from here on is compiled with the V8 code cache (issue 13.10).
import { codeCache } from './startup/code-cache.install';
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import express from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import {
  answerClientErrors, APP_CONFIG, AppConfig, ConfigError, createValidationPipe, loadConfig, notFoundFallback, verifyJsonDepth,
} from '@eoffice/core';
import { CODE_CACHE_SAVE_DELAY_MS } from '@eoffice/core/startup/code-cache';
import { mountQueueDashboard } from './admin/queue-dashboard';
import { mountPublicPages, mountWebClient } from './http/web-client';
import { AppModule } from './app.module';
import { API_PREFIX, buildOpenApiDocument, UNPREFIXED_PATHS } from './openapi-document';

export { API_PREFIX };

async function bootstrap(): Promise<void> {
  loadConfig(); // fail fast, before anything connects, with one line naming the variable
  const app = await NestFactory.create<NestExpressApplication>(AppModule, { bufferLogs: true, bodyParser: false });
  const config = app.get<AppConfig>(APP_CONFIG);
  app.useLogger(app.get(Logger));
  app.disable('x-powered-by');
  // Every answer is Cache-Control: no-store (NoStoreMiddleware), so no client revalidates with an
  // ETag; Express would still hash every JSON body for one (issue 13.10: CPU on every request).
  // The web client's files keep theirs (express.static makes its own).
  app.set('etag', false);
  app.set('trust proxy', 'loopback');
  app.use(helmet());
  // The depth check runs on the raw bytes before JSON.parse: class-transformer recurses per level and a
  // 3,000-level body would overflow its stack.
  app.use(express.json({ limit: config.JSON_BODY_LIMIT_BYTES, type: ['application/json', 'application/*+json'], verify: verifyJsonDepth }));
  mountQueueDashboard(app);
  // The printed verification link opens a page in a browser and answers JSON to everyone else.
  mountPublicPages(app);
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS });
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();
  // Built on the first request for /docs or /docs-json, not at start-up: scanning every route and DTO is
  // a few percent of the API's start-up CPU (issue 13.10, ready in <= 2 s) that no probe or client needs.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app));
  await app.init();
  // The web client at `/` (docs/web.md), when built: after the API's routes, before the 404 fallback.
  const webClient = mountWebClient(app);
  // After every route (Nest's, the OpenAPI pages): any other path is a problem+json 404, not an HTML page.
  app.use(notFoundFallback);
  const server = app.getHttpServer() as Server;
  answerClientErrors(server);
  // A request still arriving after this is cut off, whatever it sends meanwhile (slow-loris).
  server.requestTimeout = config.HTTP_REQUEST_TIMEOUT_SECONDS * 1000;
  // An idle keep-alive connection is kept longer than the proxies and clients in front of it keep
  // theirs (Node's 5 s is shorter than most), so the server is not the one to close a socket a client
  // is just sending on: that race shows as "other side closed" on a busy machine.
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // On these signals Nest closes the server (enableShutdownHooks): a connection whose request is in
  // flight then closes as soon as it is answered, instead of idling KEEP_ALIVE_MS and holding the exit.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => void (server.keepAliveTimeout = 1));
  await app.listen(config.PORT);
  // Written off the start's path; a start that found everything in the cache writes nothing.
  setTimeout(() => codeCache.save(), CODE_CACHE_SAVE_DELAY_MS).unref();
  app.get(Logger).log(`API listening on port ${config.PORT}${webClient ? ', web client at /' : ''}`);
}

const KEEP_ALIVE_MS = 65_000;

bootstrap().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
