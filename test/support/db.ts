import { Pool } from 'pg';

/**
 * One small pool per database: a suite reads in bursts (a count before and after each call of the
 * authorization matrix, a probe every 100 ms while it waits), and a new connection per read cost
 * a server process each time — 125 ms of wall and ~4 ms of the suite's CPU a read at load 15,
 * against 2 ms and 0.4 ms on a pooled one. Idle connections close after a second, so nothing is
 * held between suites, and an idle one cut off by a dropped database is just replaced.
 */
const pools = new Map<string, Pool>();

function poolFor(databaseUrl: string): Pool {
  let pool = pools.get(databaseUrl);
  if (!pool) {
    pool = new Pool({ connectionString: databaseUrl, max: 2, idleTimeoutMillis: 1_000, allowExitOnIdle: true });
    pool.on('error', () => undefined);
    pools.set(databaseUrl, pool);
  }
  return pool;
}

/** Direct SQL for assertions ("nothing was written") and the few setup steps no route offers (backdating a row). */
export async function query<T = any>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await poolFor(databaseUrl).query(sql, params)).rows as T[];
}

export async function count(databaseUrl: string, table: string): Promise<number> {
  const rows = await query<{ n: string }>(databaseUrl, `SELECT count(*) AS n FROM ${table}`);
  return Number(rows[0].n);
}

/** Closes every pool (at the end of a suite: jest-setup.ts). */
export async function closeQueryPools(): Promise<void> {
  const all = [...pools.values()];
  pools.clear();
  await Promise.all(all.map((pool) => pool.end()));
}
