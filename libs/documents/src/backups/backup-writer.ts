import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { runCommand } from '@eoffice/core';
import { DUMP_PATH } from './backup-parts';
import type { BackupManifestSummary } from './backup-run.entity';
import { MANIFEST_FORMAT, ManifestHeader, ManifestWriter, WalManifest } from './backup-manifest';
import { BASE_FILENAME } from './wal-archive';
import type { DatabaseSnapshot } from './backup-source.repository';

const BLOB_BATCH = 5000;

export interface BackupFiles {
  /** Paths of the files snapshot: the blob directory and the manifest (fixed, so retention groups them). */
  paths: string[];
  summary: BackupManifestSummary;
  /** Milliseconds of the manifest (row counts, blob list, audit hash). */
  manifestMs: number;
}

/** The major version of a pg_dump program, or a clear reason why it cannot be used. */
export async function pgDumpMajorVersion(program: string): Promise<number> {
  const result = await runCommand(program, ['--version'], { timeoutMs: 30_000 }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `pg_dump not found (BACKUP_PG_DUMP_PATH=${program})` : String(error));
  });
  const match = /(\d+)(?:\.\d+)?/.exec(result.stdout.toString('utf8'));
  if (result.exitCode !== 0 || !match) throw new Error(`${program} --version did not answer with a version`);
  return Number(match[1]);
}

/** Refuses a pg_dump that is missing or of another major version than the server, before anything is written. */
export async function assertPgDumpMatches(program: string, serverMajorVersion: number): Promise<void> {
  const major = await pgDumpMajorVersion(program);
  if (major !== serverMajorVersion) {
    throw new Error(`pg_dump is version ${major}, the database server ${serverMajorVersion}: set BACKUP_PG_DUMP_PATH to pg_dump ${serverMajorVersion}`);
  }
}

/**
 * Writes the manifest of one database snapshot into the scratch directory: its counts, blob list
 * and audit hash see the same instant as the dump taken from the same snapshot (streamDump).
 */
export async function writeManifest(input: {
  backupId: string;
  snapshot: DatabaseSnapshot;
  scratchDir: string;
  fileStoreDir: string;
  wal?: WalManifest;
}): Promise<BackupFiles> {
  const scratch = resolve(input.scratchDir);
  const fileStore = resolve(input.fileStoreDir);
  await mkdir(scratch, { recursive: true });
  await mkdir(join(fileStore, 'sha256'), { recursive: true });
  const manifestPath = join(scratch, 'manifest.ndjson');
  // A dump file left by a backup from before the dump was streamed.
  await rm(join(scratch, 'database.dump'), { force: true });

  const t0 = Date.now();
  const tableCounts = await input.snapshot.tableCounts();
  const auditLastHash = await input.snapshot.auditLastHash();
  const writer = new ManifestWriter(manifestPath);
  let blobCount = 0;
  try {
    for (let after: string | null = null; ; ) {
      const batch = await input.snapshot.blobs(after, BLOB_BATCH);
      if (batch.length === 0) break;
      for (const blob of batch) await writer.line([blob.key, blob.sha256]);
      blobCount += batch.length;
      after = batch[batch.length - 1].key;
    }
    const header: ManifestHeader = {
      format: MANIFEST_FORMAT,
      backupId: input.backupId,
      takenAt: new Date().toISOString(),
      serverMajorVersion: input.snapshot.serverMajorVersion,
      tableCounts,
      blobCount,
      auditLastHash,
      fileStorePath: fileStore,
      dumpPath: input.wal ? `/${BASE_FILENAME}` : DUMP_PATH,
      ...(input.wal ? { wal: input.wal } : {}),
    };
    await writer.line(header);
  } finally {
    await writer.close();
  }
  return {
    manifestMs: Date.now() - t0,
    paths: [join(fileStore, 'sha256'), manifestPath, ...(input.wal ? [input.wal.walDir] : [])],
    summary: { tableCounts, blobCount, auditLastHash, serverMajorVersion: input.snapshot.serverMajorVersion, ...(input.wal ? { wal: { baseRunId: input.wal.baseRunId } } : {}) },
  };
}
