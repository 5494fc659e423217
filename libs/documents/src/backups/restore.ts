import { createHash, randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { chmod, mkdir, readdir, rename, rm, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { Deadline, runCommand, runMigrations } from '@eoffice/core';
import { BACKUP_TAG } from './backup-destinations';
import { readManifest } from './backup-manifest';
import { carryTombstones } from './restore-tombstones';
import { BackupParts, DUMP_TAG, pairSnapshots } from './backup-parts';
import { Destination, Restic, ResticError } from './restic';
import { recoverToDump, RecoveryTimes } from './wal-restore';
import { BASE_FILENAME, serverBinDir } from './wal-archive';
import { advanceOutboxIds, auditHolds, blobsOf, emptyDatabase, prepareDatabase, sameDatabase, settleInFlightBackups, tableCountsOf, verifyAuditChain } from './restore-target';

/** A report names this many differences; beyond them it says how many more there are. */
const MAX_DIFFERENCES = 100;

export interface RestoreOptions {
  /** A backup id, or `latest`. */
  backupId: string;
  destinations: Destination[];
  targetDatabaseUrl: string;
  targetFileStore: string;
  /** The installation's own database and file store: never written unless `force`. */
  live: { databaseUrl: string; fileStoreDir: string };
  force: boolean;
  pgRestorePath: string;
  /** WAL-mode backups: replay up to this instant (point-in-time recovery); null: to the end of the backup's archive. */
  targetTime?: Date | null;
  /** WAL-mode backups: PostgreSQL's server programs (default /usr/lib/postgresql/<major>/bin). */
  pgBinDir?: string;
  timeoutMs: number;
  log?: (line: string) => void;
}

export interface RestoreReport {
  backupId: string;
  destination: string;
  snapshotId: string;
  migrationsApplied: string[];
  blobsChecked: number;
  auditEventsChecked: number;
  /** WAL mode: milliseconds of unpacking the base, replaying WAL and dumping from the recovered cluster. */
  recovery?: RecoveryTimes;
  /** Every way the restored copy differs from the manifest; empty when it is whole. */
  differences: string[];
  durationMs: number;
}

/** A refusal before anything was written (non-empty or live target, unknown backup). */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

/**
 * Brings one backup back: the database through pg_restore into an empty database, the blobs into an
 * empty file store, then pending migrations, then a check of everything against the manifest.
 */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreReport> {
  const started = Date.now();
  const deadline = new Deadline(options.timeoutMs);
  const log = options.log ?? (() => undefined);
  const fileStore = resolve(options.targetFileStore);
  await refuseUnsafeTargets(options, fileStore);
  const database = await prepareDatabase(options.targetDatabaseUrl);
  if (!database.empty) {
    if (!options.force) throw new RestoreRefused(`the target database is not empty; restore into an empty one or pass --force to replace it`);
  }
  const found = await findSnapshot(options.destinations, options.backupId, deadline);
  const parts = [found.parts.files, ...(found.parts.dump ? [found.parts.dump] : [])];
  log(`Backup ${found.backupId}: snapshot${parts.length > 1 ? 's' : ''} ${parts.map((p) => p.id.slice(0, 8)).join(' + ')} in destination ${found.destination.name}`);

  if (!database.empty) await emptyDatabase(options.targetDatabaseUrl);
  await mkdir(fileStore, { recursive: true });
  if (options.force) await rm(join(fileStore, 'sha256'), { recursive: true, force: true });

  const staging = join(fileStore, `.restore-${randomBytes(4).toString('hex')}`);
  try {
    // The blobs with the manifest, and the dump (its own snapshot since the dump is streamed), side by side.
    const restic = new Restic(found.destination, () => deadline.remainingMs());
    await Promise.all(parts.map((part) => restic.restore(part.id, staging)));
    const manifestPath = found.parts.files.paths.find((p) => p.endsWith('manifest.ndjson'));
    if (!manifestPath) throw new RestoreRefused(`snapshot ${found.parts.files.id} holds no manifest`);
    const header = await readManifest(join(staging, manifestPath), async () => undefined);
    let recovery: RecoveryTimes | undefined;
    let dumpPath = join(staging, header.dumpPath);
    let pgRestorePath = options.pgRestorePath;
    if (header.wal) {
      // WAL mode: base + archived segments replayed in a scratch cluster, then dumped for pg_restore.
      const binDir = serverBinDir(options.pgBinDir, header.serverMajorVersion);
      const baseParts = found.parts.dump && found.backupId === header.wal.baseRunId ? found.parts : found.all.find((b) => b.backupId === header.wal!.baseRunId);
      if (!baseParts?.dump) throw new RestoreRefused(`the base backup ${header.wal.baseRunId} of backup ${found.backupId} is not in destination ${found.destination.name}`);
      if (baseParts !== found.parts) await restic.restore(baseParts.dump.id, staging);
      dumpPath = join(staging, 'database.dump');
      // restic makes its target directory private (0700), and a umask of 077 (a hardened service) the
      // file store's: the scratch cluster's user (postgres, when this runs as root) must pass through both.
      await chmod(staging, 0o711);
      if (process.getuid?.() === 0) await chmod(fileStore, (await stat(fileStore)).mode | 0o111);
      pgRestorePath = join(binDir, 'pg_restore');
      recovery = await recoverToDump({
        binDir,
        baseTar: join(staging, BASE_FILENAME),
        walDir: join(staging, header.wal.walDir),
        database: header.wal.database,
        targetTime: options.targetTime ?? null,
        workDir: join(staging, 'recovery'),
        dumpPath,
        deadline,
        log,
      });
    } else if (options.targetTime) {
      throw new RestoreRefused(`backup ${found.backupId} is a dump (BACKUP_MODE=dump): it restores to its own instant only, not to a point in time`);
    }
    log(`Restoring the database (${Object.keys(header.tableCounts).length} tables) with pg_restore`);
    await pgRestore(pgRestorePath, dumpPath, options.targetDatabaseUrl, deadline);
    // WAL mode replays past the manifest's instant (to the archive's end, or to another time): its row counts are no measure.
    const differences = header.wal ? [] : compareCounts(header.tableCounts, await tableCountsOf(options.targetDatabaseUrl));
    const restoredBlobs = join(staging, header.fileStorePath, 'sha256');
    if (await exists(restoredBlobs)) await rename(restoredBlobs, join(fileStore, 'sha256'));
    // Destructions after the backup must not be undone by it: their tombstones come along, and the
    // restored installation's records scan applies them (docs/backups.md, "Destroyed records").
    const tombstones = await carryTombstones(options.live.fileStoreDir, fileStore);
    if (tombstones) log(`Carried ${tombstones} tombstone(s) of destroyed records over from the live file store`);
    const migrationsApplied = await runMigrations({ DATABASE_URL: options.targetDatabaseUrl });
    await settleInFlightBackups(options.targetDatabaseUrl, found.backupId);
    await advanceOutboxIds(options.targetDatabaseUrl);
    let blobs: number;
    if (header.wal) {
      // Every blob the recovered database refers to, against the SHA-256 its row records; the
      // manifest's blobs (of the files snapshot's instant) must all be there too.
      log(`Checking the blobs the recovered database refers to, and the manifest's ${header.blobCount}`);
      blobs = await checkDatabaseBlobs(options.targetDatabaseUrl, fileStore, differences);
      await readManifest(join(staging, manifestPath), async ([key]) => {
        if (!(await exists(join(fileStore, key)))) differences.push(`blob ${key}: missing`);
      });
    } else {
      log(`Checking ${header.blobCount} blobs against the manifest`);
      blobs = await checkBlobs(join(staging, manifestPath), fileStore, differences);
    }
    if (differences.length > MAX_DIFFERENCES) differences.splice(MAX_DIFFERENCES, differences.length, `… and ${differences.length - MAX_DIFFERENCES} more`);
    const audit = await verifyAuditChain(options.targetDatabaseUrl);
    if (!audit.intact) differences.push(`audit chain broken at event ${audit.brokenAt}`);
    else if (header.wal) {
      // Replayed to the end, the chain goes on past the manifest's instant: it must pass through the manifest's last hash.
      if (!options.targetTime && header.auditLastHash && !(await auditHolds(options.targetDatabaseUrl, header.auditLastHash))) differences.push(`audit chain does not hold the manifest's last hash ${header.auditLastHash}`);
    } else if (audit.lastHash !== header.auditLastHash) differences.push(`audit chain ends at ${audit.lastHash ?? 'nothing'}, manifest says ${header.auditLastHash ?? 'nothing'}`);
    return {
      backupId: found.backupId,
      destination: found.destination.name,
      snapshotId: found.parts.files.id,
      migrationsApplied,
      blobsChecked: blobs,
      auditEventsChecked: audit.eventsChecked,
      recovery,
      differences,
      durationMs: Date.now() - started,
    };
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

async function refuseUnsafeTargets(options: RestoreOptions, fileStore: string): Promise<void> {
  if (!options.force && sameDatabase(options.targetDatabaseUrl, options.live.databaseUrl)) {
    throw new RestoreRefused('the target database is the live installation (DATABASE_URL); name another with --target-database-url, or pass --force');
  }
  if (!options.force && fileStore === resolve(options.live.fileStoreDir)) {
    throw new RestoreRefused('the target file store is the live one (FILE_STORE_DIR); name another with --target-file-store, or pass --force');
  }
  const entries = (await exists(fileStore)) ? (await readdir(fileStore)).filter((e) => !e.startsWith('.restore-')) : [];
  const holdsBlobs = entries.includes('sha256') && (await readdir(join(fileStore, 'sha256'))).length > 0;
  if (holdsBlobs && !options.force) throw new RestoreRefused(`the target file store ${fileStore} is not empty; pass --force to replace its blobs`);
}

interface FoundSnapshot {
  backupId: string;
  destination: Destination;
  parts: BackupParts;
  /** Every whole backup of that destination (a WAL-mode backup's base is another run's). */
  all: BackupParts[];
}

/** The backup's snapshots in the first destination that holds it whole (a lost first medium falls back to the second). */
async function findSnapshot(destinations: Destination[], backupId: string, deadline: Deadline): Promise<FoundSnapshot> {
  const problems: string[] = [];
  for (const destination of destinations) {
    try {
      // Only whole backups: a half one (a worker killed between its two snapshots) is never restored.
      const { whole } = pairSnapshots(await new Restic(destination, () => deadline.remainingMs()).snapshots(BACKUP_TAG, DUMP_TAG));
      const parts = backupId === 'latest' ? whole[0] : whole.find((b) => b.backupId === backupId);
      if (parts) return { backupId: parts.backupId, destination, parts, all: whole };
      problems.push(`destination ${destination.name}: no such backup`);
    } catch (error) {
      problems.push(error instanceof ResticError ? error.reason : String(error));
    }
  }
  throw new RestoreRefused(`backup ${backupId} not found (${problems.join('; ') || 'no destination configured'})`);
}

async function pgRestore(program: string, dumpPath: string, databaseUrl: string, deadline: Deadline): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  // Parallel jobs: tables load and indexes build side by side (a custom-format file allows it).
  const jobs = Math.max(1, Math.min(4, availableParallelism()));
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', `--jobs=${jobs}`, `--dbname=${url.toString()}`, dumpPath];
  const result = await runCommand(program, args, { timeoutMs: deadline.remainingMs(), env, dieWithParent: true }).catch((error: NodeJS.ErrnoException) => {
    throw new Error(error.code === 'ENOENT' ? `${program} not found` : String(error));
  });
  if (result.exitCode !== 0) throw new Error(`pg_restore failed: ${result.stderr.trim().split('\n').slice(-3).join(' | ')}`);
}

function compareCounts(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const differences: string[] = [];
  for (const [table, count] of Object.entries(expected)) {
    if (actual[table] !== count) differences.push(`table ${table}: ${actual[table] ?? 'missing'} rows, manifest says ${count}`);
  }
  return differences;
}

/** Every blob of the manifest is in the restored store with its SHA-256. */
async function checkBlobs(manifestPath: string, fileStore: string, differences: string[]): Promise<number> {
  let checked = 0;
  await readManifest(manifestPath, async ([key, sha256]) => {
    checked += 1;
    const actual = await sha256Of(join(fileStore, key)).catch(() => null);
    if (actual === null) differences.push(`blob ${key}: missing`);
    else if (actual !== sha256) differences.push(`blob ${key}: SHA-256 ${actual}, manifest says ${sha256}`);
  });
  return checked;
}

/** WAL mode: every live blob the restored database refers to is in the store with the SHA-256 its row records. */
async function checkDatabaseBlobs(databaseUrl: string, fileStore: string, differences: string[]): Promise<number> {
  let checked = 0;
  for (let after = ''; ; ) {
    const rows = await blobsOf(databaseUrl, after, 5000);
    if (rows.length === 0) return checked;
    for (const { key, sha256 } of rows) {
      checked += 1;
      const actual = await sha256Of(join(fileStore, key)).catch(() => null);
      if (actual === null) differences.push(`blob ${key}: missing`);
      else if (actual !== sha256) differences.push(`blob ${key}: SHA-256 ${actual}, the database says ${sha256}`);
    }
    after = rows[rows.length - 1].key;
  }
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
