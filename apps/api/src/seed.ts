import 'reflect-metadata';
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccountsModule, baseUsername } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, ConfigError, CoreModule, loadConfig } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './seed/demo-organisation';
import { writeDemoPki } from './seed/demo-pki-files';
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
    if (!created) console.log('Demo organisation already present; its sign-ins:');
    // Beside the file store: .data/demo for the default FILE_STORE_DIR of ./.data/files.
    const dataDir = dirname(resolve(config.FILE_STORE_DIR));
    const leader = DEMO_PEOPLE.find((p) => p.roles.includes('leader'))!;
    const pkiDir = join(dataDir, 'demo-pki');
    // The PKI is not in the database yet (certificates come with outgoing documents), so a checkout
    // that finds the demo organisation already loaded still gets its own files.
    if (created || !existsSync(pkiDir)) writeDemoPki(pkiDir, leader.fullName);
    // Demo names do not clash, so an existing organisation's usernames follow from the naming rule.
    const people = created
      ? logins
      : DEMO_PEOPLE.map((p) => ({ username: baseUsername(p.fullName), fullName: p.fullName, roles: p.roles, unit: p.unit }));
    const lines = [
      'Demo sign-ins (DEMO ONLY — password for all: ' + DEMO_PASSWORD + '):',
      ...people.map((l) => `  ${l.username.padEnd(10)} ${l.roles.join(',').padEnd(11)} ${l.fullName} — ${l.unit}`),
      `  ${config.BOOTSTRAP_ADMIN_USERNAME.padEnd(10)} admin       first administrator (BOOTSTRAP_ADMIN_PASSWORD)`,
      `Demo signing material (DEMO CA, leader and agency PKCS#12, images): ${pkiDir}`,
    ];
    writeFileSync(join(dataDir, 'demo-logins.txt'), `${lines.join('\n')}\n`);
    console.log(lines.join('\n'));
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
