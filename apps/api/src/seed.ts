import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccountsModule } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, ConfigError, CoreModule, loadConfig } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { DEMO_PASSWORD } from './seed/demo-organisation';
import { DemoSeedService } from './seed/demo-seed.service';

@Module({
  imports: [CoreModule, AccountsModule.forWorker(), DocumentsModule],
  providers: [DemoSeedService],
})
class SeedModule {}

/** `npm run seed`: loads the DEMO organisation (units, one person per role, registers). */
async function main(): Promise<void> {
  loadConfig();
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const { created, logins } = await app.get(DemoSeedService).seed();
    const config = app.get<AppConfig>(APP_CONFIG);
    if (!created) {
      console.log('Demo organisation already present; nothing to do.');
      return;
    }
    const lines = [
      'Demo sign-ins (DEMO ONLY — password for all: ' + DEMO_PASSWORD + '):',
      ...logins.map((l) => `  ${l.username.padEnd(10)} ${l.roles.join(',').padEnd(11)} ${l.fullName} — ${l.unit}`),
      `  ${config.BOOTSTRAP_ADMIN_USERNAME.padEnd(10)} admin       first administrator (BOOTSTRAP_ADMIN_PASSWORD)`,
    ];
    writeFileSync('.data/demo-logins.txt', `${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
