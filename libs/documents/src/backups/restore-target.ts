import { Client } from 'pg';
import { chainHash } from '@eoffice/core';
import { countTables } from './backup-source.repository';

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

export function databaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Host, port and database: two URLs naming the same database compare equal whatever else differs. */
export function sameDatabase(a: string, b: string): boolean {
  const [x, y] = [new URL(a), new URL(b)];
  const host = (u: URL) => (u.hostname === 'localhost' ? '127.0.0.1' : u.hostname);
  return host(x) === host(y) && (x.port || '5432') === (y.port || '5432') && databaseName(a) === databaseName(b);
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function serverUrl(url: string): string {
  const server = new URL(url);
  server.pathname = '/postgres';
  return server.toString();
}

/** Creates the database when missing; returns whether it holds anything (a table, a sequence, an extension's objects…). */
export async function prepareDatabase(url: string): Promise<{ created: boolean; empty: boolean }> {
  const name = databaseName(url);
  const created = await withClient(serverUrl(url), async (client) => {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    await client.query(`CREATE DATABASE ${quote(name)}`);
    return true;
  });
  const empty = await withClient(url, async (client) => {
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`,
    );
    return Number(rows[0].n) === 0;
  });
  return { created, empty };
}

/** Only after `--force`: the target's schema is dropped with everything in it. */
export async function emptyDatabase(url: string): Promise<void> {
  await withClient(url, async (client) => {
    await client.query('DROP SCHEMA IF EXISTS public CASCADE');
    await client.query('CREATE SCHEMA public');
  });
}

export async function dropDatabase(url: string): Promise<void> {
  await withClient(serverUrl(url), (client) => client.query(`DROP DATABASE IF EXISTS ${quote(databaseName(url))} WITH (FORCE)`));
}

/** Live blobs the database refers to, in key order, a batch after `afterKey`. */
export function blobsOf(url: string, afterKey: string, size: number): Promise<{ key: string; sha256: string }[]> {
  return withClient(url, async (client) =>
    (
      await client.query<{ key: string; sha256: string }>(
        `SELECT DISTINCT storage_key AS key, sha256 FROM stored_file WHERE destroyed_at IS NULL AND storage_key > $1 ORDER BY storage_key LIMIT $2`,
        [afterKey, size],
      )
    ).rows,
  );
}

/** Whether the audit chain holds a line with this hash. */
export function auditHolds(url: string, hash: string): Promise<boolean> {
  return withClient(url, async (client) => ((await client.query('SELECT 1 FROM audit_event WHERE hash = $1 LIMIT 1', [hash])).rowCount ?? 0) > 0);
}

export function tableCountsOf(url: string): Promise<Record<string, number>> {
  return withClient(url, (client) => countTables({ query: async (sql: string) => (await client.query(sql)).rows }));
}

/**
 * The audit chain of the restored database, recomputed from its first line in the sealer's order
 * (`chain_seq`, not `id`: transactions commit out of id order); returns the problem or the last hash.
 * Lines written but not yet sealed when the copy was taken carry no hash yet: the restored
 * installation's sealer chains them after the end the manifest names.
 */
export async function verifyAuditChain(url: string): Promise<{ intact: boolean; eventsChecked: number; lastHash: string | null; brokenAt: string | null }> {
  return withClient(url, async (client) => {
    let prevHash: string | null = null;
    let afterSeq = '0';
    let checked = 0;
    for (;;) {
      const { rows } = await client.query<{
        id: string;
        chain_seq: string;
        occurred_at: Date;
        actor_id: string | null;
        action: string;
        entity_type: string;
        entity_id: string;
        data: Record<string, unknown>;
        prev_hash: string | null;
        hash: string;
      }>('SELECT * FROM audit_event WHERE chain_seq > $1 ORDER BY chain_seq LIMIT 5000', [afterSeq]);
      if (rows.length === 0) return { intact: true, eventsChecked: checked, lastHash: prevHash, brokenAt: null };
      for (const row of rows) {
        const fields = {
          occurredAt: row.occurred_at,
          actorId: row.actor_id,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          data: row.data,
          prevHash: row.prev_hash,
        };
        if (Number(row.chain_seq) !== checked + 1 || row.prev_hash !== prevHash || chainHash(fields) !== row.hash) {
          return { intact: false, eventsChecked: checked, lastHash: prevHash, brokenAt: row.id };
        }
        prevHash = row.hash;
        checked += 1;
      }
      afterSeq = rows[rows.length - 1].chain_seq;
    }
  });
}

/**
 * The copy was taken while its own backup ran: that row (and any other in flight) still says
 * "running". The backup restored from did finish (its snapshot exists); any other did not here.
 */
export async function settleInFlightBackups(url: string, restoredFrom: string): Promise<void> {
  await withClient(url, (client) =>
    client.query(
      `UPDATE backup_run
          SET status = CASE WHEN id::text = $1 THEN 'succeeded' ELSE 'failed' END,
              finished_at = coalesce(finished_at, now()),
              error = CASE WHEN id::text = $1 THEN NULL ELSE 'in progress when the restored copy was taken' END
        WHERE status IN ('queued', 'running')`,
      [restoredFrom],
    ),
  );
}

/**
 * Queue job ids are `outbox-<row id>`, and the queue (Redis) remembers finished jobs for days: a
 * restored database would hand out ids the queue has already seen, and those jobs would be dropped
 * as duplicates. The sequence moves past anything an earlier copy can have reached: the current
 * time in milliseconds (an installation writes far fewer than 1,000 outbox rows a second).
 */
export async function advanceOutboxIds(url: string): Promise<void> {
  await withClient(url, (client) =>
    client.query(
      `SELECT setval(pg_get_serial_sequence('job_outbox', 'id'),
                     greatest((SELECT coalesce(max(id), 0) FROM job_outbox) + 1, (extract(epoch FROM clock_timestamp()) * 1000)::bigint))`,
    ),
  );
}
