import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { startedProcessCpu, writeSuiteCpu } from './cpu';
import { copyDatabase, databaseName, deleteQueueKeys } from './database-copy';
import { closeQueryPools } from './db';
import { scaledBudget } from './processes';
import { loadBaseRun, loadRun, suiteFile } from './test-env';

// End-to-end tests start real processes; on a loaded machine (CI at load 9–12 on 2 cores) they are
// slow, not wrong, and a sign-in takes argon2 and a second factor. The per-test budget grows with the
// load per core, capped at 15 minutes.
jest.setTimeout(scaledBudget(240_000, 15 * 60_000));

// Before the suite's file is loaded: its imports are part of its cost (test/support/cpu.ts).
const cpuAtStart = process.cpuUsage();

// Each suite gets its own copy of the run's bare migrated database (see loadRun), in which it makes
// its own organisation (organisation.ts). Registered here, before the suite's own hooks, so the copy
// exists when they start.
beforeAll(async () => {
  const base = loadBaseRun();
  const run = loadRun();
  await copyDatabase(base.databaseUrl, databaseName(run.databaseUrl));
  // The file store as global setup left it.
  const baseDir = dirname(base.fileStoreDir);
  for (const name of readdirSync(baseDir)) {
    if (name !== 'suites') cpSync(join(baseDir, name), join(dirname(run.fileStoreDir), name), { recursive: true });
  }
  mkdirSync(run.fileStoreDir, { recursive: true });
});

afterAll(async () => {
  const used = process.cpuUsage(cpuAtStart);
  writeSuiteCpu({ suite: suiteFile(), jest: (used.user + used.system) / 1e6, processes: startedProcessCpu.seconds });
  await closeQueryPools();
  if (process.env.KEEP_TEST_DB) return;
  const run = loadRun();
  // The database copy is left to global teardown, which drops every copy of the run at once: on
  // PostgreSQL 15 each DROP DATABASE waits for a checkpoint of the whole server (0.2 s when quiet,
  // 20–40 s while other runs write), and this worker would sit idle through it.
  await deleteQueueKeys(run.redisUrl, run.queuePrefix);
  rmSync(dirname(run.fileStoreDir), { recursive: true, force: true });
});
