import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AccountsModule, baseUsername } from '@eoffice/accounts';
import { ConfigError, CoreModule, loadConfig } from '@eoffice/core';
import { DocumentsModule } from '@eoffice/documents';
import { DemoCertificateSeedService } from './seed/demo-certificate-seed.service';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './seed/demo-organisation';
import { ensureDemoPki } from './seed/demo-pki-files';
import { DemoSeedService } from './seed/demo-seed.service';

@Module({
  imports: [CoreModule, AccountsModule.forWorker(), DocumentsModule],
  providers: [DemoSeedService, DemoCertificateSeedService],
})
class SeedModule {}

/** `npm run seed`: loads the DEMO organisation (units, one person per role, registers, certificates). */
async function main(): Promise<void> {
  const config = loadConfig();
  // Beside the file store: .data/demo-pki for the default FILE_STORE_DIR of ./.data/files.
  const dataDir = dirname(resolve(config.FILE_STORE_DIR));
  const pkiDir = join(dataDir, 'demo-pki');
  // Written before the services start, because SIGNING_TRUST_ANCHORS may name the demo CA in it.
  const pki = ensureDemoPki(pkiDir);
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const { created, logins } = await app.get(DemoSeedService).seed();
    const registered = await app.get(DemoCertificateSeedService).register(pkiDir, pki);
    if (!created) console.log('Demo organisation already present; its sign-ins:');
    // Demo names do not clash, so an existing organisation's usernames follow from the naming rule.
    const people = created
      ? logins
      : DEMO_PEOPLE.map((p) => ({ username: baseUsername(p.fullName), fullName: p.fullName, roles: p.roles, unit: p.unit }));
    const lines = [
      'Demo sign-ins (DEMO ONLY — password for all: ' + DEMO_PASSWORD + '):',
      ...people.map((l) => `  ${l.username.padEnd(10)} ${l.roles.join(',').padEnd(11)} ${l.fullName} — ${l.unit}`),
      `  ${config.BOOTSTRAP_ADMIN_USERNAME.padEnd(10)} admin       first administrator (BOOTSTRAP_ADMIN_PASSWORD)`,
      `Demo signing material (DEMO CA, PKCS#12 of the leaders and agencies, images): ${pkiDir}`,
      `  certificates registered for signing: ${pki.certificates.map((c) => c.owner).join(', ')} (${registered} new)`,
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
