import { Redis } from 'ioredis';
import { Client as PgClient } from 'pg';

const OBJECT_IN_USE = '55006';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export const databaseName = (databaseUrl: string) => decodeURIComponent(new URL(databaseUrl).pathname.slice(1));

export function withDatabase(databaseUrl: string, name: string): string {
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function onServer<T>(databaseUrl: string, fn: (pg: PgClient) => Promise<T>): Promise<T> {
  const pg = new PgClient({ connectionString: withDatabase(databaseUrl, 'postgres') });
  await pg.connect();
  try {
    return await fn(pg);
  } finally {
    await pg.end();
  }
}

/**
 * A new database copied from another (PostgreSQL's TEMPLATE: a file copy, well under a second for
 * a migrated database). The source must have no connection at that instant; between suites
 * nobody holds one, so a short wait covers a process still shutting down.
 */
export async function copyDatabase(sourceUrl: string, target: string): Promise<string> {
  const source = databaseName(sourceUrl);
  await onServer(sourceUrl, async (pg) => {
    await pg.query(`DROP DATABASE IF EXISTS ${quote(target)} WITH (FORCE)`);
    for (let attempt = 0; ; attempt += 1) {
      try {
        await pg.query(`CREATE DATABASE ${quote(target)} TEMPLATE ${quote(source)}`);
        // A suite's commits do not wait for the WAL to reach the disk: what the suites kill is the API,
        // the worker and their tools, never PostgreSQL, so nothing they check changes; what goes is a
        // flush per commit, ~20 ms each on this machine's disk under load (docs/testing.md).
        await pg.query(`ALTER DATABASE ${quote(target)} SET synchronous_commit = off`);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== OBJECT_IN_USE || attempt >= 75) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  });
  return withDatabase(sourceUrl, target);
}

export async function dropDatabases(serverUrl: string, names: string[]): Promise<void> {
  await onServer(serverUrl, async (pg) => {
    for (const name of names) await pg.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  });
}

/**
 * Drops many databases over a few connections at once. On PostgreSQL 15 every DROP DATABASE waits
 * for a checkpoint of the whole server; drops waiting at the same time are served by the same
 * checkpoint, so eight lanes take about an eighth of the time one after another would.
 */
export async function dropDatabasesAtOnce(serverUrl: string, names: string[], lanes = 8): Promise<void> {
  const queue = [...names];
  await Promise.all(Array.from({ length: Math.min(lanes, queue.length) }, () => onServer(serverUrl, async (pg) => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) await pg.query(`DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`);
  })));
}

/** Databases whose name starts with `prefix` (the copies a run made, when a suite could not drop its own). */
export async function databasesStartingWith(serverUrl: string, prefix: string): Promise<string[]> {
  return onServer(serverUrl, async (pg) => {
    const { rows } = await pg.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE starts_with(datname, $1)`, [prefix]);
    return rows.map((r) => r.datname);
  });
}

export async function deleteQueueKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
