import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { Redis } from 'ioredis';
import { databaseName, databasesStartingWith, dropDatabasesAtOnce } from './database-copy';
import { loadBaseRun, ROOT, STATE_FILE } from './test-env';

export default async function globalTeardown(): Promise<void> {
  const run = loadBaseRun();
  if (!process.env.KEEP_TEST_DB) {
    // Every suite's copy (and the second copies some make: accounts-run.ts) is dropped here, all at
    // once, not by the suite: each drop waits for a checkpoint (database-copy.ts, jest-setup.ts).
    await dropDatabasesAtOnce(run.databaseUrl, await databasesStartingWith(run.databaseUrl, `${databaseName(run.databaseUrl)}_`));
    execFileSync('node', ['scripts/probe.js', 'dropdb', run.databaseUrl], { cwd: ROOT });
  }
  rmSync(dirname(run.fileStoreDir), { recursive: true, force: true });
  const redis = new Redis(run.redisUrl);
  const keys = await redis.keys(`${run.queuePrefix}*`); // suites with queues of their own add a suffix
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  rmSync(STATE_FILE, { force: true });
}
