import { Redis } from 'ioredis';
import { Client as PgClient } from 'pg';
import type { E2eRun } from './test-env';

const OBJECT_IN_USE = '55006';

function serverUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

async function onServer<T>(databaseUrl: string, fn: (pg: PgClient) => Promise<T>): Promise<T> {
  const pg = new PgClient({ connectionString: serverUrl(databaseUrl) });
  await pg.connect();
  try {
    return await fn(pg);
  } finally {
    await pg.end();
  }
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface IsolatedRun {
  run: E2eRun;
  dispose: () => Promise<void>;
}

/**
 * A copy of the run's database (migrated and seeded, plus whatever earlier suites left) and a
 * queue prefix of its own, for a suite that adds units and people: what it creates never shows up
 * in the suites that count the organisation (test/demo-seed.e2e-spec.ts). PostgreSQL copies a
 * database only while nobody is connected to it; between suites nobody is, so a short wait suffices.
 */
export async function isolatedRun(base: E2eRun, name: string): Promise<IsolatedRun> {
  const source = decodeURIComponent(new URL(base.databaseUrl).pathname.slice(1));
  const target = `${source}_${name}`.slice(0, 63);
  await onServer(base.databaseUrl, async (pg) => {
    await pg.query(`DROP DATABASE IF EXISTS ${quote(target)} WITH (FORCE)`);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await pg.query(`CREATE DATABASE ${quote(target)} TEMPLATE ${quote(source)}`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 75) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  });
  const url = new URL(base.databaseUrl);
  url.pathname = `/${target}`;
  const run: E2eRun = { ...base, databaseUrl: url.toString(), queuePrefix: `${base.queuePrefix}_${name}` };
  return {
    run,
    dispose: async () => {
      await onServer(base.databaseUrl, (pg) => pg.query(`DROP DATABASE IF EXISTS ${quote(target)} WITH (FORCE)`));
      const redis = new Redis(base.redisUrl);
      try {
        const keys = await redis.keys(`${run.queuePrefix}:*`);
        if (keys.length) await redis.del(...keys);
      } finally {
        redis.disconnect();
      }
    },
  };
}
