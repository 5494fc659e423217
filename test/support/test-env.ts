import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const STATE_FILE = join(ROOT, '.data', 'e2e-run.json');

/** What global setup made for this run: a fresh database, a queue prefix and a file directory. */
export interface E2eRun {
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  fileStoreDir: string;
  jwtSecret: string;
  signingKey: string;
  mfaKey: string;
  /** The argon2 hash of the organisation fixture's password, made once per run (organisation.ts). */
  organisationPasswordHash?: string;
}

export const ADMIN_PASSWORD = 'Admin@e2e-2026';
export const DEMO_PASSWORD = 'Demo@2026!';

/** URLs found by scripts/services.sh, falling back to the environment and then to the defaults. */
export function serviceUrls(): { databaseUrl: string; redisUrl: string } {
  const file = join(ROOT, '.data', 'services.env');
  const vars: Record<string, string> = {};
  if (existsSync(file)) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const [key, ...rest] = line.split('=');
      if (key && rest.length) vars[key] = rest.join('=');
    }
  }
  return {
    databaseUrl: process.env.DATABASE_URL ?? vars.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/eoffice',
    redisUrl: process.env.REDIS_URL ?? vars.REDIS_URL ?? 'redis://127.0.0.1:6379',
  };
}

/** The run global setup made: the pristine migrated database every suite's own copy is made from. */
export function loadBaseRun(): E2eRun {
  return JSON.parse(readFileSync(STATE_FILE, 'utf8')) as E2eRun;
}

/** The running test file's name without `.e2e-spec.ts` (`outgoing-search`). */
export function suiteFile(): string {
  // Outside jest (a bench reusing these helpers) there is no suite: the process is its own world.
  const path = typeof expect === 'undefined' ? `bench-${process.pid}` : (expect.getState().testPath ?? 'suite');
  return basename(path).replace(/\.e2e-spec\.ts$/, '');
}

/** A short name for the running test file (`outgoing_search`), usable in database names. */
export function suiteName(): string {
  return suiteFile().replace(/[^a-z0-9]+/gi, '_').toLowerCase().slice(0, 24);
}

let suiteRun: E2eRun | undefined;

/**
 * This suite's own world: a copy of the run's migrated database, a queue prefix and a file store of
 * its own, made before its first hook and dropped after its last (test/support/jest-setup.ts). Nothing
 * an earlier suite left — rows, queued jobs, outbox entries, enrolled second factors — reaches it.
 */
export function loadRun(): E2eRun {
  if (suiteRun) return suiteRun;
  const base = loadBaseRun();
  const suite = suiteName();
  const url = new URL(base.databaseUrl);
  url.pathname = `${url.pathname}_${suite}`;
  suiteRun = {
    ...base,
    databaseUrl: url.toString(),
    queuePrefix: `${base.queuePrefix}_${suite}`,
    fileStoreDir: join(dirname(base.fileStoreDir), 'suites', suite, 'files'),
  };
  return suiteRun;
}

/** The environment a spawned API or worker gets, before per-test overrides. */
export function processEnv(run: E2eRun, overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    DATABASE_URL: run.databaseUrl,
    REDIS_URL: run.redisUrl,
    QUEUE_PREFIX: run.queuePrefix,
    FILE_STORE_DIR: run.fileStoreDir,
    JWT_SECRET: run.jwtSecret,
    SIGNING_KEY_ENCRYPTION_KEY: run.signingKey,
    MFA_ENCRYPTION_KEY: run.mfaKey,
    BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD,
    FIXITY_CHECK_CRON: '',
    ...overrides,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return env;
}
