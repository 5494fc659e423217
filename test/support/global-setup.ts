import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clearSuiteCpu } from './cpu';
import type * as Accounts from '@eoffice/accounts';
import { MFA_STATE_DIR } from './mfa';
import { organisationPasswordHash } from './organisation-password';
import { E2eRun, processEnv, ROOT, serviceUrls, STATE_FILE } from './test-env';

/**
 * One fresh database per run, migrated with the real migrations and nothing else (each suite makes
 * its own organisation in its copy: organisation.ts; the demo-seed suite loads the demo seed into
 * its own), a queue prefix and a file directory of its own, so runs never share state. No suite
 * uses it directly: each works on a copy of its own (test-env.ts loadRun, jest-setup.ts).
 */
export default async function globalSetup(): Promise<void> {
  const { databaseUrl, redisUrl } = serviceUrls();
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.pathname = `/eoffice_test_${id}`;
  const run: E2eRun = {
    databaseUrl: url.toString(),
    redisUrl,
    queuePrefix: `eoffice_test_${id}`,
    fileStoreDir: join(tmpdir(), `eoffice-test-${id}`, 'files'),
    jwtSecret: randomBytes(48).toString('base64url'),
    signingKey: randomBytes(32).toString('base64'),
    mfaKey: randomBytes(32).toString('base64'),
  };
  mkdirSync(run.fileStoreDir, { recursive: true });
  clearSuiteCpu();
  execFileSync('node', ['scripts/probe.js', 'createdb', run.databaseUrl], { cwd: ROOT });
  // The built CLI, exactly as `npm run migrate` runs it.
  execFileSync('node', ['dist/apps/api/apps/api/src/migrate.js'], { cwd: ROOT, env: processEnv(run), stdio: 'pipe' });
  // Every suite's people share one password: hashed here once, not in each suite (organisation.ts).
  const accounts = (await import(join(ROOT, 'dist/apps/worker/libs/accounts/src/index.js'))) as Pick<typeof Accounts, 'PASSWORD_HASH_OPTIONS'>;
  run.organisationPasswordHash = await organisationPasswordHash(accounts);
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(run));
  // Nobody has enrolled a second factor in the fresh database yet.
  for (const name of readdirSync(MFA_STATE_DIR)) if (name.startsWith('e2e-mfa')) rmSync(join(MFA_STATE_DIR, name), { force: true });
}
