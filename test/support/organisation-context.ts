import { join } from 'node:path';
import { Global, Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type * as Accounts from '@eoffice/accounts';
import type * as Core from '@eoffice/core';
import type * as Documents from '@eoffice/documents';
import { E2eRun, processEnv, ROOT } from './test-env';

type Registers = Pick<typeof Documents, 'RegistersModule' | 'RegisterService' | 'REGISTER_BOOK_SOURCES'>;

/**
 * What the organisation fixture needs and no more: core, accounts and the registers area of the
 * documents library, from the build. Loading the whole documents library (every area, the PDF and
 * office tools behind them) in each suite's jest sandbox cost more CPU than making the organisation
 * (docs/testing.md); the registers area is a Nest module with an entry point of its own
 * (libs/documents/src/registers/index.ts), and the register book's sources — bound where the library
 * is composed — are not needed to open registers.
 */
export async function startOrganisationContext(
  run: E2eRun,
): Promise<{ context: INestApplicationContext; accounts: typeof Accounts; registers: Registers; close: () => Promise<void> }> {
  const built = join(ROOT, 'dist/apps/worker/libs');
  const core = (await import(join(built, 'core/src/index.js'))) as typeof Core;
  const accounts = (await import(join(built, 'accounts/src/index.js'))) as typeof Accounts;
  const registers = (await import(join(built, 'documents/src/registers/index.js'))) as Registers;
  const saved = { ...process.env };
  Object.assign(process.env, processEnv(run, { LOG_LEVEL: 'silent' }));
  @Global()
  @Module({ providers: [{ provide: registers.REGISTER_BOOK_SOURCES, useValue: [] }], exports: [registers.REGISTER_BOOK_SOURCES] })
  class NoRegisterBookSources {}
  @Module({ imports: [core.CoreModule, accounts.AccountsModule.forWorker() as DynamicModule, NoRegisterBookSources, registers.RegistersModule] })
  class OrganisationContextModule {}
  const context = await NestFactory.createApplicationContext(OrganisationContextModule, { logger: false });
  return {
    context,
    accounts,
    registers,
    close: async () => {
      await context.close();
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    },
  };
}
