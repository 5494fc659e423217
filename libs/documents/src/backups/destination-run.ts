import type { Deadline } from '@eoffice/core';
import { assertDestinationPresent, BACKUP_TAG, runTag } from './backup-destinations';
import { BackupParts, DUMP_FILENAME, DUMP_TAG, pairSnapshots, runOf, SEPARATE_DUMP_TAG } from './backup-parts';
import type { BackupDestinationResult } from './backup-run.entity';
import type { DumpSink } from './dump-stream';
import { Destination, Restic, ResticError, SnapshotInfo, StdinBackup } from './restic';
import { removedByPolicy, Retention } from './retention';
import { baseOf, baseTag } from './wal-archive';

/** What restic says when another (possibly dead) process holds a lock on the repository. */
const LOCKED = /(repository is already locked|unable to create lock)/i;

/**
 * One destination during one backup: a failure here does not stop the other destination, and each
 * is verified on its own. The steps' milliseconds go into the result: open, dump (the stream into
 * `restic backup --stdin`), backup (blobs and manifest, alongside the dump), retention, check, size.
 */
export class DestinationRun {
  readonly result: BackupDestinationResult;
  readonly restic: Restic;
  private dumpSnapshot: string | null = null;
  /** The repository's backups, listed while the dump runs, for retention. */
  private listing: Promise<SnapshotInfo[] | Error> = Promise.resolve([]);
  private filesSnapshot: string | null = null;
  /** Set when the dump's restic failed; a lock left by a killed worker lets the caller dump once more. */
  private dumpError: unknown = null;
  /** A WAL-mode run between base backups: the files snapshot (blobs, manifest, WAL segments) is the whole backup. */
  private filesOnly = false;
  /** The name of the streamed part: the dump, or the base backup (WAL mode). */
  private dumpFilename = DUMP_FILENAME;

  constructor(
    readonly destination: Destination,
    deadline: Deadline,
  ) {
    this.result = { destination: destination.name, snapshotId: null, sizeAddedBytes: null, totalSizeBytes: null, verified: false, verification: null, error: null, stepsMs: {} };
    this.restic = new Restic(destination, () => deadline.remainingMs());
  }

  get ok(): boolean {
    return this.result.error === null;
  }

  fail(error: unknown): void {
    this.result.error ??= (error instanceof ResticError ? error.reason : error instanceof Error ? error.message : String(error)).slice(0, 1000);
  }

  private async step<T>(name: string, work: () => Promise<T>): Promise<T> {
    const t0 = Date.now();
    try {
      return await work();
    } finally {
      this.result.stepsMs![name] = (this.result.stepsMs![name] ?? 0) + Date.now() - t0;
    }
  }

  async open(): Promise<void> {
    await this.step('open', async () => {
      await assertDestinationPresent(this.destination);
      await this.restic.openOrInit();
    }).catch((error: unknown) => this.fail(error));
  }

  /**
   * Starts the dump's snapshot (fed by the caller through the sink) and, alongside, the files
   * snapshot. In WAL mode the streamed part is the base backup, and the files carry `extraTags`.
   */
  start(backupId: string, filePaths: string[], options: { dumpFilename?: string; extraTags?: string[] } = {}): { sink: DumpSink; finished: Promise<void> } {
    this.dumpFilename = options.dumpFilename ?? DUMP_FILENAME;
    this.list();
    const dump = this.startDump(backupId);
    const files = this.startFiles(filePaths, [BACKUP_TAG, SEPARATE_DUMP_TAG, runTag(backupId), ...(options.extraTags ?? [])]);
    return { sink: dump.sink, finished: Promise.all([dump.finished, files]).then(() => undefined) };
  }

  /** WAL mode between base backups: only the files snapshot (blobs, manifest and WAL segments), tagged with its base. */
  startFilesOnly(backupId: string, filePaths: string[], baseRunId: string): Promise<void> {
    this.filesOnly = true;
    this.list();
    return this.startFiles(filePaths, [BACKUP_TAG, runTag(backupId), baseTag(baseRunId)]);
  }

  private list(): void {
    this.listing = this.restic.snapshots(BACKUP_TAG, DUMP_TAG).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  }

  private startFiles(filePaths: string[], tags: string[]): Promise<void> {
    // The blobs are stored as they are: scans and PDFs are compressed already, and zstd over them
    // costs a quarter of their backup time for nothing (512 MB of random bytes: 11.6 s with restic's
    // default compression, 8.8 s without). The manifest beside them (a line per blob) is stored
    // uncompressed too; the dump, in its own snapshot, is compressed.
    return this.step('backup', () => this.restic.withStaleLocksRemoved(() => this.restic.backup(filePaths, tags, { compression: 'off' }))).then(
      (summary) => {
        this.filesSnapshot = this.result.snapshotId = summary.snapshotId;
        this.result.sizeAddedBytes = (this.result.sizeAddedBytes ?? 0) + summary.dataAddedBytes;
      },
      (error: unknown) => this.fail(error),
    );
  }

  dumpLocked(): boolean {
    return this.dumpError instanceof ResticError && LOCKED.test(this.dumpError.reason);
  }

  /** After a lock stopped the dump: removes the stale locks (a live process's stay) and starts the dump again. */
  async restartDump(backupId: string): Promise<{ sink: DumpSink; finished: Promise<void> }> {
    this.dumpError = null;
    await this.restic.run(['unlock']);
    return this.startDump(backupId);
  }

  private startDump(backupId: string): { sink: DumpSink; finished: Promise<void> } {
    const t0 = Date.now();
    const dump: StdinBackup = this.restic.backupStdin(this.dumpFilename, [DUMP_TAG, runTag(backupId)]);
    const finished = dump.done.then(
      (summary) => {
        this.dumpSnapshot = summary.snapshotId;
        this.result.sizeAddedBytes = (this.result.sizeAddedBytes ?? 0) + summary.dataAddedBytes;
      },
      (error: unknown) => {
        this.dumpError = error;
      },
    );
    return { sink: { input: dump.input, childPipe: true, abort: dump.abort }, finished: finished.finally(() => (this.result.stepsMs!.dump = Date.now() - t0)) };
  }

  /**
   * Both snapshots are in, or this destination failed: then the one part written is removed (best
   * effort; retention removes any half backup left anyway), so nothing half is listed as a backup.
   */
  async settle(): Promise<void> {
    if (this.dumpError) this.fail(this.dumpError);
    if (this.ok && (this.dumpSnapshot || this.filesOnly) && this.filesSnapshot) return;
    this.fail(new Error('the backup did not complete'));
    const written = [this.dumpSnapshot, this.filesSnapshot].filter((id): id is string => id !== null);
    this.result.snapshotId = null;
    if (written.length) await this.restic.withStaleLocksRemoved(() => this.restic.forgetIds(written, false)).catch(() => undefined);
  }

  /**
   * Retention, then verification and size. The repository's backups were listed while the dump
   * ran (read without a lock; this run's own parts are not in that list: it is the newest, and
   * whole). Half backups (one part only) are removed, so they never count as a day's backup; the
   * policy applies to whole backups, and everything to remove goes in one `forget --prune`.
   * Returns the ids of the backups removed.
   */
  async finish(backupId: string, keep: Retention, readData: boolean, baseRunId: string | null = null): Promise<string[]> {
    const removed: string[] = [];
    try {
      await this.step('retention', async () => {
        if (keep.daily <= 0 && keep.weekly <= 0 && keep.monthly <= 0) return;
        const listed = await this.listing;
        if (listed instanceof Error) throw listed;
        const { whole, incomplete } = pairSnapshots(listed.filter((s) => runOf(s) !== backupId));
        const self: BackupParts = { backupId, files: { id: this.filesSnapshot!, time: new Date().toISOString(), tags: [], paths: [] }, dump: null };
        // WAL mode: a base backup stays while a backup kept replays from it, whatever its own date.
        const due = removedByPolicy([self, ...whole], keep);
        const kept = whole.filter((b) => !due.includes(b));
        const neededBases = new Set([baseRunId, ...kept.map((b) => baseOf(b.files.tags))]);
        const old = due.filter((b) => !neededBases.has(b.backupId));
        removed.push(...old.map((b) => b.backupId));
        const ids = [...old.flatMap((b) => [b.files.id, ...(b.dump ? [b.dump.id] : [])]), ...incomplete.map((s) => s.id)];
        if (ids.length) await this.restic.withStaleLocksRemoved(() => this.restic.forgetIds(ids, true));
      });
      // What was checked is recorded: `structure` (every index, snapshot and tree, no pack data) or
      // `read-data` (every pack read back and hashed); the drill restores and hashes every blob too.
      this.result.verification = await this.step('check', () => this.restic.withStaleLocksRemoved(() => this.restic.check(readData)));
      this.result.verified = true;
      this.result.totalSizeBytes = await this.step('size', () => this.restic.totalSize());
    } catch (error) {
      this.fail(error);
    }
    return removed;
  }
}
