import { copyDatabase, databaseName, deleteQueueKeys } from './database-copy';
import type { E2eRun } from './test-env';

export interface IsolatedRun {
  run: E2eRun;
  dispose: () => Promise<void>;
}

/**
 * A second copy of the suite's database and a queue prefix of its own, for a suite that needs a
 * world apart from its own (a restore target, another file store, different people): every suite
 * already has its own copy of the run's database (see jest-setup.ts).
 */
export async function isolatedRun(base: E2eRun, name: string): Promise<IsolatedRun> {
  const target = `${databaseName(base.databaseUrl)}_${name}`.slice(0, 63);
  const run: E2eRun = { ...base, databaseUrl: await copyDatabase(base.databaseUrl, target), queuePrefix: `${base.queuePrefix}_${name}` };
  return {
    run,
    // The copy itself is dropped by global teardown with the run's others (a DROP DATABASE waits for
    // a checkpoint: jest-setup.ts); its name starts with the run's, so teardown finds it.
    dispose: async () => {
      await deleteQueueKeys(base.redisUrl, run.queuePrefix);
    },
  };
}
