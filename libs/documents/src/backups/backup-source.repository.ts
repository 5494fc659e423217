import { Injectable } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';

/** The database as one backup sees it: every read goes through one exported snapshot. */
export interface DatabaseSnapshot {
  /** Pass to `pg_dump --snapshot` so the dump sees exactly what the manifest counted. */
  snapshotId: string;
  serverMajorVersion: number;
  tableCounts(): Promise<Record<string, number>>;
  /** Every stored blob (storage key, SHA-256), in key order, a batch at a time. */
  blobs(afterKey: string | null, size: number): Promise<{ key: string; sha256: string }[]>;
  auditLastHash(): Promise<string | null>;
  release(): Promise<void>;
}

@Injectable()
export class BackupSourceRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A REPEATABLE READ transaction whose snapshot is exported; it stays open (and the snapshot valid)
   * until `release`, so the manifest and the dump describe the same instant.
   */
  async openSnapshot(): Promise<DatabaseSnapshot> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const [{ id }] = (await runner.query('SELECT pg_export_snapshot() AS id')) as { id: string }[];
      const [{ v }] = (await runner.query(`SELECT current_setting('server_version_num')::int AS v`)) as { v: number }[];
      return snapshotOn(runner, id, Math.floor(v / 10000));
    } catch (error) {
      await runner.release();
      throw error;
    }
  }
}

function snapshotOn(runner: QueryRunner, snapshotId: string, serverMajorVersion: number): DatabaseSnapshot {
  return {
    snapshotId,
    serverMajorVersion,
    tableCounts: () => countTables(runner),
    blobs: async (afterKey, size) =>
      (await runner.query(
        `SELECT DISTINCT storage_key AS key, sha256 FROM stored_file WHERE destroyed_at IS NULL AND ($1::text IS NULL OR storage_key > $1) ORDER BY storage_key LIMIT $2`,
        [afterKey, size],
      )) as { key: string; sha256: string }[],
    auditLastHash: async () => {
      const rows = (await runner.query('SELECT hash FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1')) as { hash: string }[];
      return rows[0]?.hash ?? null;
    },
    release: async () => {
      try {
        await runner.query('COMMIT');
      } finally {
        await runner.release();
      }
    },
  };
}

/** Row counts of every table of the application's schema. */
export async function countTables(runner: { query: (sql: string) => Promise<unknown> }): Promise<Record<string, number>> {
  const tables = (await runner.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  )) as { tablename: string }[];
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [{ n }] = (await runner.query(`SELECT count(*)::bigint AS n FROM "${tablename.replace(/"/g, '""')}"`)) as { n: string }[];
    counts[tablename] = Number(n);
  }
  return counts;
}
