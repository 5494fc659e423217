import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { API_PREFIX, buildOpenApiDocument, sortedDocument, UNPREFIXED_PATHS } from './openapi-document';

/**
 * Writes the OpenAPI document to the file named (default openapi.json) without a database, Redis
 * or configuration: the application is created in preview mode, so no provider is instantiated —
 * only the controllers' metadata is read.
 */
async function main(): Promise<void> {
  const target = process.argv[2] ?? 'openapi.json';
  const app = await NestFactory.create(AppModule, { preview: true, logger: false, abortOnError: false });
  app.setGlobalPrefix(API_PREFIX, { exclude: UNPREFIXED_PATHS });
  const document = sortedDocument(buildOpenApiDocument(app));
  writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
