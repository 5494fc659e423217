import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { copyDatabase, databaseName, deleteQueueKeys, dropDatabases } from './database-copy';
import { scaledBudget } from './processes';
import { SUITES_ON_DEMO_SEED } from './seeded-suites';
import { loadBaseRun, loadRun, seededDatabaseUrl, suiteFile } from './test-env';

// End-to-end tests start real processes; on a loaded machine (CI at load 9–12 on 2 cores) they are
// slow, not wrong, and a sign-in takes argon2 and a second factor. The per-test budget grows with the
// load per core, capped at 15 minutes.
jest.setTimeout(scaledBudget(240_000, 15 * 60_000));

// Each suite gets its own copy of the run's database (see loadRun): the bare migrated one, in which
// it makes its own organisation (organisation.ts), or the seeded one for the suites still on the demo
// seed. Registered here, before the suite's own hooks, so the copy exists when they start.
beforeAll(async () => {
  const base = loadBaseRun();
  const run = loadRun();
  const source = SUITES_ON_DEMO_SEED.includes(suiteFile()) ? seededDatabaseUrl(base) : base.databaseUrl;
  await copyDatabase(source, databaseName(run.databaseUrl));
  // The file store and what the seed wrote beside it (the demo PKI), as global setup left them.
  const baseDir = dirname(base.fileStoreDir);
  for (const name of readdirSync(baseDir)) {
    if (name !== 'suites') cpSync(join(baseDir, name), join(dirname(run.fileStoreDir), name), { recursive: true });
  }
  mkdirSync(run.fileStoreDir, { recursive: true });
});

afterAll(async () => {
  if (process.env.KEEP_TEST_DB) return;
  const run = loadRun();
  await dropDatabases(run.databaseUrl, [databaseName(run.databaseUrl)]);
  await deleteQueueKeys(run.redisUrl, run.queuePrefix);
  rmSync(dirname(run.fileStoreDir), { recursive: true, force: true });
});
