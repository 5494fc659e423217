import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { copyDatabase, databaseName } from './database-copy';
import { MFA_STATE_DIR } from './mfa';
import { E2eRun, processEnv, ROOT, seededDatabaseUrl, serviceUrls, STATE_FILE } from './test-env';

/**
 * One fresh database per run, migrated with the real migrations and nothing else (each suite makes
 * its own organisation in its copy: organisation.ts), and beside it a copy loaded with the demo
 * organisation for the demo-seed suite and the suites not yet moved off it (seeded-suites.ts); a
 * queue prefix and a file directory of its own, so runs never share state. No suite uses either
 * directly: each works on a copy of its own (test-env.ts loadRun, jest-setup.ts).
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
  execFileSync('node', ['scripts/probe.js', 'createdb', run.databaseUrl], { cwd: ROOT });
  // The built CLIs, exactly as `npm run migrate` and `npm run seed` run them.
  execFileSync('node', ['dist/apps/api/apps/api/src/migrate.js'], { cwd: ROOT, env: processEnv(run), stdio: 'pipe' });
  const seeded = await copyDatabase(run.databaseUrl, databaseName(seededDatabaseUrl(run)));
  execFileSync('node', ['dist/apps/api/apps/api/src/seed.js'], { cwd: ROOT, env: processEnv({ ...run, databaseUrl: seeded }), stdio: 'pipe' });
  mkdirSync(join(ROOT, '.data'), { recursive: true });
  writeFileSync(STATE_FILE, JSON.stringify(run));
  // Nobody has enrolled a second factor in the fresh database yet.
  for (const name of readdirSync(MFA_STATE_DIR)) if (name.startsWith('e2e-mfa')) rmSync(join(MFA_STATE_DIR, name), { force: true });
}
