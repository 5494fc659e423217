import { join } from 'node:path';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type * as Accounts from '@eoffice/accounts';
import type * as Core from '@eoffice/core';
import { E2eRun, processEnv, ROOT } from './test-env';

/**
 * The accounts services in-process, from the build the API runs (`npm run build`), against the
 * run's database: for testing what later services call (OrganisationScope) without HTTP. The
 * build is used rather than the sources because its decorator metadata is what TypeORM expects.
 */
export async function startAccountsContext(run: E2eRun): Promise<{ context: INestApplicationContext; accounts: typeof Accounts; close: () => Promise<void> }> {
  const built = join(ROOT, 'dist/apps/api/libs');
  const accounts = (await import(join(built, 'accounts/src/index.js'))) as typeof Accounts;
  const core = (await import(join(built, 'core/src/index.js'))) as typeof Core;
  const saved = { ...process.env };
  // The services read their configuration from the environment, as the apps do.
  Object.assign(process.env, processEnv(run, { LOG_LEVEL: 'silent' }));
  @Module({ imports: [core.CoreModule, accounts.AccountsModule.forWorker() as DynamicModule] })
  class AccountsContextModule {}
  const context = await NestFactory.createApplicationContext(AccountsContextModule, { logger: false });
  return {
    context,
    accounts,
    close: async () => {
      await context.close();
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    },
  };
}
