import { join } from 'node:path';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type * as Accounts from '@eoffice/accounts';
import type * as Core from '@eoffice/core';
import type * as Documents from '@eoffice/documents';
import { E2eRun, processEnv, ROOT } from './test-env';

/**
 * The documents services in-process, from the build, against the run's database (see
 * accounts-context.ts): for what other services call without HTTP, such as the signer loading of
 * SigningCertificateService, recordVoidedNumber or the converter.
 */
export async function startDocumentsContext(
  run: E2eRun,
  overrides: Record<string, string | undefined> = {},
): Promise<{ context: INestApplicationContext; core: typeof Core; documents: typeof Documents; close: () => Promise<void> }> {
  const built = join(ROOT, 'dist/apps/worker/libs');
  const core = (await import(join(built, 'core/src/index.js'))) as typeof Core;
  const accounts = (await import(join(built, 'accounts/src/index.js'))) as typeof Accounts;
  const documents = (await import(join(built, 'documents/src/index.js'))) as typeof Documents;
  const saved = { ...process.env };
  Object.assign(process.env, processEnv(run, { LOG_LEVEL: 'silent', ...overrides }));
  @Module({ imports: [core.CoreModule, accounts.AccountsModule.forWorker() as DynamicModule, documents.DocumentsModule] })
  class DocumentsContextModule {}
  const context = await NestFactory.createApplicationContext(DocumentsContextModule, { logger: false });
  return {
    context,
    core,
    documents,
    close: async () => {
      await context.close();
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    },
  };
}
