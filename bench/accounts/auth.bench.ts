// Sign-in and authenticated-request benchmark (issue 3), against the built API on real PostgreSQL
// and Redis: sign-ins per second next to the raw argon2 verification rate with the same
// parameters, and token-authenticated requests per second next to an unauthenticated route.
//
//   npm run -s build && npm run bench:auth [-- --accounts=32 --seconds=10 --rounds=3 --connections=10]
//
// See bench/accounts/README.md for what it does and the figures.
import 'reflect-metadata'; // the built accounts module read below loads the core library's entities
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client as PgClient } from 'pg';
import type { PASSWORD_HASH_OPTIONS } from '@eoffice/accounts';
import { ACTIVE_PASSWORD, hireActivePerson, Person, signInAdmin, unitByCode } from '../../test/support/accounts';
import { Api, startApi, waitFor } from '../../test/support/processes';
import { E2eRun, processEnv, ROOT, serviceUrls } from '../../test/support/test-env';
import type { Argon2Job, Argon2Rate } from './argon2-rate';
import type { LoadJob, LoadResult } from './load';

function option(name: string, fallback: number): number {
  const arg = process.argv.find((a) => a.startsWith(`--${name}=`));
  const value = arg ? Number(arg.slice(name.length + 3)) : fallback;
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a positive integer`);
  return value;
}

const CORES = cpus().length;
const OPT = {
  /** Distinct accounts signed in in turn: no row is updated by two sign-ins at once, no limiter window fills. */
  accounts: option('accounts', 32),
  seconds: option('seconds', 10),
  /** Each comparison (argon2 / sign-in, /health / /me) is measured this many times, alternately. */
  rounds: option('rounds', 3),
  /** Sign-ins and raw argon2 run `cores` at a time: the CPU-bound work the machine can do in parallel. */
  signInConnections: option('sign-in-connections', CORES),
  /** Enough open connections to keep one API process busy on cheap routes. */
  connections: option('connections', 10),
};

/** A throwaway installation: its own database, queue prefix and file directory (as the e2e global setup makes). */
function createRun(): E2eRun {
  const { databaseUrl, redisUrl } = serviceUrls();
  const id = `${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const url = new URL(databaseUrl);
  url.pathname = `/eoffice_bench_auth_${id}`;
  return {
    databaseUrl: url.toString(),
    redisUrl,
    queuePrefix: `eoffice_bench_auth_${id}`,
    fileStoreDir: join(mkdtempSync(join(tmpdir(), 'eoffice-bench-auth-')), 'files'),
    jwtSecret: randomBytes(48).toString('base64url'),
    signingKey: randomBytes(32).toString('base64'),
    mfaKey: randomBytes(32).toString('base64'),
  };
}

function prepareDatabase(run: E2eRun): void {
  execFileSync('node', ['scripts/probe.js', 'createdb', run.databaseUrl], { cwd: ROOT });
  for (const cli of ['migrate', 'seed']) {
    execFileSync('node', [`dist/apps/api/apps/api/src/${cli}.js`], { cwd: ROOT, env: processEnv(run), stdio: 'pipe' });
  }
}

async function removeRun(run: E2eRun, api: Api | undefined): Promise<void> {
  await api?.stop();
  execFileSync('node', ['scripts/probe.js', 'dropdb', run.databaseUrl], { cwd: ROOT });
  rmSync(join(run.fileStoreDir, '..'), { recursive: true, force: true });
  const redis = new Redis(run.redisUrl);
  const keys = await redis.keys(`${run.queuePrefix}*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
}

/** Hires the bench accounts through the API and completes their first sign-in, two at a time. */
async function hireAccounts(api: Api): Promise<Person[]> {
  const admin = await signInAdmin(api.url);
  const unit = await unitByCode(admin, 'VP');
  const people: Person[] = [];
  while (people.length < OPT.accounts) {
    const batch = Math.min(CORES, OPT.accounts - people.length);
    people.push(...(await Promise.all(Array.from({ length: batch }, () => hireActivePerson(admin, { unitId: unit.id, roles: ['officer'] })))));
  }
  return people;
}

async function storedHash(run: E2eRun, username: string): Promise<string> {
  const client = new PgClient({ connectionString: run.databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ password_hash: string }>('SELECT password_hash FROM app_user WHERE username = $1', [username]);
    return rows[0].password_hash;
  } finally {
    await client.end();
  }
}

/** The parameters of the build being measured (dist/, from `npm run build`), not of the sources. */
async function builtPasswordHashOptions(): Promise<typeof PASSWORD_HASH_OPTIONS> {
  const built = (await import(join(ROOT, 'dist/apps/api/libs/accounts/src/services/password-hasher.service.js'))) as { PASSWORD_HASH_OPTIONS: typeof PASSWORD_HASH_OPTIONS };
  return built.PASSWORD_HASH_OPTIONS;
}

/** m, t, p of a PHC string such as `$argon2id$v=19$m=65536,p=4,t=3$…`. */
function phcParameters(hash: string): Record<string, number> {
  const fields = hash.split('$')[3] ?? '';
  return Object.fromEntries(fields.split(',').map((pair) => pair.split('=')).map(([key, value]) => [key, Number(value)]));
}

function child<T>(script: string, job: unknown): T {
  const result = spawnSync(process.execPath, ['-r', './scripts/ts-register.cjs', script, JSON.stringify(job)], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${script} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as T;
}

function load(job: LoadJob): LoadResult {
  const result = child<LoadResult>('bench/accounts/load.ts', job);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${job.method} ${job.path}: ${result.non2xx} non-2xx answers, ${result.errors} errors (${JSON.stringify(result.statusCodes)})`);
  }
  return result;
}

const fixed = (n: number, digits = 1): string => n.toFixed(digits);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
  const run = createRun();
  let api: Api | undefined;
  const interrupted = (): void => void removeRun(run, api).finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    prepareDatabase(run);
    // As in production: NODE_ENV=production; request logs off (LOG_LEVEL=warn) so the figures are the API's, not pino's.
    api = await startApi(run, { NODE_ENV: 'production', LOG_LEVEL: 'warn', ACCESS_TOKEN_TTL_SECONDS: '3600' });
    const url = api.url;
    await waitFor(async () => ((await fetch(`${url}/ready`)).ok ? true : undefined), 'the API to be ready');
    const people = await hireAccounts(api);
    const hash = await storedHash(run, people[0].username);
    const stored = phcParameters(hash);
    const options = await builtPasswordHashOptions();
    const configured = { m: options.memoryCost, t: options.timeCost, p: options.parallelism };
    if (stored.m !== configured.m || stored.t !== configured.t || stored.p !== configured.p) {
      throw new Error(`stored hash parameters ${JSON.stringify(stored)} differ from PASSWORD_HASH_OPTIONS ${JSON.stringify(configured)}`);
    }

    console.log(`node ${process.version}, ${CORES} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg().map((l) => fixed(l, 2)).join(' ')}`);
    console.log(`argon2id (libs/accounts/src/services/password-hasher.service.ts PASSWORD_HASH_OPTIONS, same in the stored hashes): ` +
      `memoryCost ${configured.m} KiB, timeCost ${configured.t}, parallelism ${configured.p}`);
    console.log(`${OPT.accounts} accounts hired through the API; ${OPT.seconds} s per measurement\n`);

    // The machine is shared: each comparison is made in rounds, its two sides back to back, and
    // the median of the per-round ratios is reported.
    const signInRatios: number[] = [];
    const signInBodies = people.map((p) => JSON.stringify({ username: p.username, password: ACTIVE_PASSWORD }));
    for (let round = 1; round <= OPT.rounds; round += 1) {
      const argon2 = child<Argon2Rate>('bench/accounts/argon2-rate.ts', {
        hash, password: ACTIVE_PASSWORD, concurrency: OPT.signInConnections, seconds: OPT.seconds,
      } satisfies Argon2Job);
      const signIns = load({ url, method: 'POST', path: '/api/v1/auth/login', connections: OPT.signInConnections, seconds: OPT.seconds, bodies: signInBodies });
      signInRatios.push(signIns.requestsPerSecond / argon2.verifiesPerSecond);
      console.log(`round ${round}: argon2.verify ${fixed(argon2.verifiesPerSecond)} /s   POST /api/v1/auth/login ${fixed(signIns.requestsPerSecond)} /s ` +
        `(p50 ${signIns.latencyP50} ms, p99 ${signIns.latencyP99} ms, ${signIns.total} sign-ins, all 200)   ratio ${fixed(signIns.requestsPerSecond / argon2.verifiesPerSecond, 2)}`);
    }
    console.log(`sign-ins / raw argon2 verifies (${OPT.signInConnections} at a time, median of ${OPT.rounds} rounds): ${fixed(median(signInRatios), 2)}\n`);

    const authorizations = people.map((p) => `Bearer ${p.client.accessToken}`);
    const requests = { url, method: 'GET' as const, connections: OPT.connections, seconds: OPT.seconds };
    const requestRatios: number[] = [];
    for (let round = 1; round <= OPT.rounds; round += 1) {
      const health = load({ ...requests, path: '/health' });
      const me = load({ ...requests, path: '/api/v1/me', authorizations });
      requestRatios.push(me.requestsPerSecond / health.requestsPerSecond);
      console.log(`round ${round}: GET /health ${fixed(health.requestsPerSecond, 0)} /s (p50 ${health.latencyP50} ms)   ` +
        `GET /api/v1/me ${fixed(me.requestsPerSecond, 0)} /s (p50 ${me.latencyP50} ms)   ratio ${fixed(me.requestsPerSecond / health.requestsPerSecond, 2)}`);
    }
    console.log(`GET /api/v1/me with a bearer token / GET /health (${OPT.connections} connections, median of ${OPT.rounds} rounds): ${fixed(median(requestRatios), 2)}`);
    console.log(`\nload average after: ${loadavg().map((l) => fixed(l, 2)).join(' ')}`);
  } finally {
    process.removeListener('SIGINT', interrupted);
    await removeRun(run, api);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
