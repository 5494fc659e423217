import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Deadline, runCommand } from '@eoffice/core';
import type { BackupManifestSummary } from './backup-run.entity';
import { MANIFEST_FORMAT, ManifestHeader, ManifestWriter } from './backup-manifest';
import type { DatabaseSnapshot } from './backup-source.repository';

const BLOB_BATCH = 5000;

export interface BackupFiles {
  /** Paths restic backs up: the blob directory, the dump, the manifest (fixed, so retention groups them). */
  paths: string[];
  summary: BackupManifestSummary;
  /** Milliseconds: the manifest (row counts, blob list, audit hash) and pg_dump. */
  stepsMs: { manifest: number; dump: number };
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

/**
 * Writes the manifest and the pg_dump of one database snapshot into the scratch directory: the
 * manifest's counts, blob list and audit hash and the dump all see the same instant.
 */
export async function writeDumpAndManifest(input: {
  backupId: string;
  snapshot: DatabaseSnapshot;
  databaseUrl: string;
  pgDumpPath: string;
  scratchDir: string;
  fileStoreDir: string;
  deadline: Deadline;
}): Promise<BackupFiles> {
  const major = await pgDumpMajorVersion(input.pgDumpPath);
  if (major !== input.snapshot.serverMajorVersion) {
    throw new Error(`pg_dump is version ${major}, the database server ${input.snapshot.serverMajorVersion}: set BACKUP_PG_DUMP_PATH to pg_dump ${input.snapshot.serverMajorVersion}`);
  }
  const scratch = resolve(input.scratchDir);
  const fileStore = resolve(input.fileStoreDir);
  await mkdir(scratch, { recursive: true });
  await mkdir(join(fileStore, 'sha256'), { recursive: true });
  const dumpPath = join(scratch, 'database.dump');
  const manifestPath = join(scratch, 'manifest.ndjson');
  await rm(dumpPath, { force: true });

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
      dumpPath,
    };
    await writer.line(header);
  } finally {
    await writer.close();
  }
  const t1 = Date.now();
  await pgDump(input.pgDumpPath, input.databaseUrl, input.snapshot.snapshotId, dumpPath, input.deadline);
  return {
    stepsMs: { manifest: t1 - t0, dump: Date.now() - t1 },
    paths: [join(fileStore, 'sha256'), dumpPath, manifestPath],
    summary: { tableCounts, blobCount, auditLastHash, serverMajorVersion: input.snapshot.serverMajorVersion },
  };
}

async function pgDump(program: string, databaseUrl: string, snapshotId: string, file: string, deadline: Deadline): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  // The password goes through the environment: a command line is readable by every user of the machine.
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  // Uncompressed (-Z0): restic compresses with zstd anyway, faster than pg_dump's single-threaded
  // zlib, and an uncompressed dump's unchanged tables deduplicate from one backup to the next.
  const args = ['--format=custom', '--compress=0', `--snapshot=${snapshotId}`, `--file=${file}`, `--dbname=${url.toString()}`];
  const result = await runCommand(program, args, { timeoutMs: deadline.remainingMs(), env });
  if (result.exitCode !== 0) throw new Error(`pg_dump failed: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}
