// Shared by the benchmarks: a throwaway installation (database, queue prefix, file directory,
// built API process) on the machine's PostgreSQL and Redis, progress lines, percentiles, and a
// cleanup that runs on success, failure and Ctrl-C alike.
import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { Client as PgClient } from 'pg';
// The same service discovery and port picking as the end-to-end tests.
import { API_MAIN, freePort, WORKER_MAIN } from '../../test/support/processes';
import { ROOT, serviceUrls } from '../../test/support/test-env';

export { API_MAIN, WORKER_MAIN } from '../../test/support/processes';
export { ROOT };
export const DEMO_PASSWORD = 'Demo@2026!';

/** `--name=value`, `--name`, or BENCH_NAME from the environment; numbers accept 1_000_000. */
export function option(name: string, fallback: number): number;
export function option(name: string, fallback: string): string;
export function option(name: string, fallback: number | string): number | string {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  const env = process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  const raw = arg ? (arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'true') : env;
  if (raw === undefined) return fallback;
  if (typeof fallback === 'number') {
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isFinite(n) || n < 0) throw new Error(`--${name} must be a number`);
    return n;
  }
  return raw;
}

// ---------------------------------------------------------------------------------------------
// Small helpers: progress, statistics, cleanup
// ---------------------------------------------------------------------------------------------

const started = Date.now();
export function log(message: string): void {
  const s = Math.floor((Date.now() - started) / 1000);
  console.log(`[${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}] ${message}`);
}
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
export const elapsedMs = () => Date.now() - started;

export function percentile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

const cleanups: { what: string; run: () => Promise<unknown> | unknown }[] = [];

/** Registers an undo step; `cleanup()` runs them newest first. */
export function onCleanup(what: string, run: () => Promise<unknown> | unknown): void {
  cleanups.push({ what, run });
}
let cleaning: Promise<void> | null = null;
let interrupted = false;
/** Undoes everything, newest first; every caller (signal, failure, normal end) awaits the same run. */
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const step of cleanups.reverse()) {
      try {
        await step.run();
      } catch (error) {
        console.error(`cleanup (${step.what}) failed: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(code));
  });
}

// ---------------------------------------------------------------------------------------------
// The throwaway installation: database, queue prefix, file directory, API process
// ---------------------------------------------------------------------------------------------

export interface Installation {
  id: string;
  serverUrl: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  workDir: string;
  fileStoreDir: string;
  env: NodeJS.ProcessEnv;
}

export async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new PgClient({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export function runNode(script: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolvePromise(output) : reject(new Error(`${script} exited with ${code}:\n${output}`))));
  });
}

/** A fresh database migrated and seeded by the built CLIs; `extraSql` statements run after (`{db}` = its name). */
export async function createInstallation(options: { keep?: boolean; extraSql?: string } = {}): Promise<Installation> {
  const { databaseUrl, redisUrl } = serviceUrls();
  const id = `${Date.now().toString(36)}_${randomBytes(2).toString('hex')}`;
  const server = new URL(databaseUrl);
  server.pathname = '/postgres';
  const target = new URL(databaseUrl);
  target.pathname = `/eoffice_bench_${id}`;
  const workDir = mkdtempSync(join(tmpdir(), `eoffice-bench-${id}-`));
  const inst: Installation = {
    id,
    serverUrl: server.toString(),
    databaseUrl: target.toString(),
    redisUrl,
    queuePrefix: `eoffice_bench_${id}`,
    workDir,
    fileStoreDir: join(workDir, 'files'),
    env: {},
  };
  mkdirSync(inst.fileStoreDir, { recursive: true });
  cleanups.push({ what: 'temp directory', run: () => rmSync(workDir, { recursive: true, force: true }) });
  cleanups.push({
    what: 'queue keys',
    run: async () => {
      const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 });
      await redis.connect();
      try {
        let cursor = '0';
        do {
          const [next, keys] = await redis.scan(cursor, 'MATCH', `${inst.queuePrefix}:*`, 'COUNT', 1000);
          if (keys.length) await redis.del(...keys);
          cursor = next;
        } while (cursor !== '0');
      } finally {
        redis.disconnect();
      }
    },
  });
  inst.env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: inst.databaseUrl,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: inst.queuePrefix,
    FILE_STORE_DIR: inst.fileStoreDir,
    JWT_SECRET: randomBytes(48).toString('base64url'),
    SIGNING_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    MFA_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    BOOTSTRAP_ADMIN_PASSWORD: 'Bench@2026!x',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    FIXITY_CHECK_CRON: '',
  };
  await adminQuery(inst.serverUrl, `CREATE DATABASE "eoffice_bench_${id}"`);
  cleanups.push({
    what: 'database',
    run: async () => {
      if (options.keep) {
        console.log(`--keep: database kept at ${inst.databaseUrl}`);
        return;
      }
      await adminQuery(inst.serverUrl, `DROP DATABASE IF EXISTS "eoffice_bench_${id}" WITH (FORCE)`);
    },
  });
  log(`database eoffice_bench_${id} created; queue prefix ${inst.queuePrefix}; files in ${inst.fileStoreDir}`);
  await runNode('dist/apps/api/apps/api/src/migrate.js', inst.env);
  await runNode('dist/apps/api/apps/api/src/seed.js', inst.env);
  log('migrated and demo organisation seeded (built migrate + seed CLIs)');
  for (const statement of (options.extraSql ?? '').split(';').map((x) => x.trim()).filter(Boolean)) {
    const sql = statement.replace(/\{db\}/g, `"eoffice_bench_${id}"`);
    const client = new PgClient({ connectionString: inst.databaseUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    log(`--extra-sql: ${sql}`);
  }
  return inst;
}

export interface Api {
  url: string;
  child: ChildProcess;
  /** The last 20,000 characters the API printed. */
  output: () => string;
}

/** The cleanup stops the child: SIGTERM, then SIGKILL after 10 s. */
function stopOnCleanup(what: string, child: ChildProcess): void {
  const exited = new Promise<void>((r) => child.on('exit', () => r()));
  cleanups.push({
    what,
    run: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  });
}

export async function startApi(inst: Installation, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): Promise<Api> {
  const port = await freePort();
  const child = spawn(process.execPath, [...nodeArgs, API_MAIN], { cwd: ROOT, env: { ...inst.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
  stopOnCleanup('API process', child);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`API exited at start:\n${output}`);
    try {
      if ((await fetch(`${url}/ready`)).ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`API not ready after 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  log(`API started (pid ${child.pid}, ${url})`);
  return { url, child, output: () => output };
}

/** The built worker with the installation's settings; stopped (SIGTERM, then SIGKILL) by the cleanup. */
export function startWorker(inst: Installation, env: NodeJS.ProcessEnv = {}, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, WORKER_MAIN], { cwd: ROOT, env: { ...inst.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[worker] ${d.toString()}`));
  stopOnCleanup('worker process', child);
  log(`worker started (pid ${child.pid})`);
  return child;
}

/** Runs a benchmark's main, then the cleanup, also on failure (exit code 1, or 130 after Ctrl-C). */
export function runBench(main: () => Promise<void>): void {
  main()
    .then(
      () => cleanup(),
      async (error: unknown) => {
        // After Ctrl-C the run fails where it was (API stopped, database dropped): not worth a stack.
        if (!interrupted) console.error(error instanceof Error ? (error.stack ?? error.message) : error);
        await cleanup();
        process.exitCode = interrupted ? 130 : 1;
      },
    )
    .then(() => process.exit());
}
