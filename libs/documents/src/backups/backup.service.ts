import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, AuditService, Deadline, JobName, JobOutbox, JobPayloads, OnJob } from '@eoffice/core';
import { BackupNotifier } from './backup-notifier.service';
import { BackupRun } from './backup-run.entity';
import { BackupRunRepository } from './backup-run.repository';
import { BackupSourceRepository } from './backup-source.repository';
import { destinationsOf } from './backup-destinations';
import { assertPgDumpMatches, BackupFiles, writeManifest } from './backup-writer';
import { DestinationRun } from './destination-run';
import { DumpSink, passwordInEnvironment, streamDump, streamProgram } from './dump-stream';
import { databaseName } from './restore-target';
import { assertArchiving, BASE_FILENAME, baseBackupArgs, baseTag, currentSegment, pruneArchive, serverBinDir, switchAndWaitArchived } from './wal-archive';
import type { Destination } from './restic';

/** Held (session-level) by the worker running a backup; a worker that starts and gets it knows no backup runs. */
const BACKUP_LOCK_KEY = 7_230_101;

export interface BackupPage {
  items: BackupRun[];
  total: number;
}

/**
 * Backups: one run dumps the database (one snapshot), lists every blob and the audit chain's last
 * hash in a manifest, and writes all three into each configured restic repository, verifies each
 * and applies retention. At most one runs at a time.
 */
@Injectable()
export class BackupService {
  private readonly logger = new Logger(BackupService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: BackupRunRepository,
    private readonly source: BackupSourceRepository,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly notifier: BackupNotifier,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  destinations(): Destination[] {
    return destinationsOf(this.config);
  }

  /** POST /admin/backups: queues a backup now; 409 when one is queued or running. */
  async request(requestedBy: string): Promise<BackupRun> {
    this.assertConfigured();
    return this.outbox.transaction(async (manager) => {
      const run = await this.runs.openQueued(manager, 'manual', requestedBy);
      if (!run) throw AppError.conflict('BACKUP_ALREADY_RUNNING', 'Đang có một lượt sao lưu chạy; chờ lượt đó xong (a backup is already running)');
      await this.audit.record(manager, { actorId: requestedBy, action: 'backup.requested', entityType: 'backup_run', entityId: run.id, data: { trigger: 'manual' } });
      await this.outbox.add(manager, JobName.backup, { backupRunId: run.id });
      return run;
    });
  }

  async list(limit: number, offset: number): Promise<BackupPage> {
    const [items, total] = await this.runs.list(limit, offset);
    return { items, total };
  }

  async get(id: string): Promise<BackupRun> {
    const run = await this.runs.findById(id);
    if (!run) throw AppError.notFound('lượt sao lưu (backup)');
    return run;
  }

  @OnJob(JobName.backup)
  async run(payload: JobPayloads[typeof JobName.backup]): Promise<void> {
    const run = payload.backupRunId ? await this.get(payload.backupRunId) : await this.openScheduled();
    if (!run) return;
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      // The lock comes before "running": a worker starting meanwhile (failInterrupted) then never
      // sees a running row whose backup is alive.
      await lock.query('SELECT pg_advisory_lock($1)', [BACKUP_LOCK_KEY]);
      if (await this.runs.start(run.id)) await this.perform(run.id);
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [BACKUP_LOCK_KEY]).catch(() => undefined);
      await lock.release();
    }
  }

  /**
   * At worker start: a run still "running" while no worker holds the backup lock was interrupted
   * (the worker was killed). It is failed with that reason; restic leaves no snapshot for a backup
   * that did not finish, and the next run removes its stale repository lock.
   */
  async failInterrupted(): Promise<number> {
    const lock = this.dataSource.createQueryRunner();
    await lock.connect();
    try {
      const [{ got }] = (await lock.query('SELECT pg_try_advisory_lock($1) AS got', [BACKUP_LOCK_KEY])) as { got: boolean }[];
      if (!got) return 0;
      try {
        const stale = await this.dataSource.transaction(async (manager) => {
          const running = await this.runs.findRunning(manager);
          for (const run of running) await this.finish(run.id, { status: 'failed', error: 'interrupted: the worker stopped during the backup; this backup is not usable' }, manager);
          return running;
        });
        for (const run of stale) await this.notifier.backupFailed(run.id, 'interrupted');
        return stale.length;
      } finally {
        await lock.query('SELECT pg_advisory_unlock($1)', [BACKUP_LOCK_KEY]);
      }
    } finally {
      await lock.release();
    }
  }

  private assertConfigured(): void {
    if (this.destinations().length === 0) {
      throw new AppError(422, 'BACKUP_NOT_CONFIGURED', 'Chưa cấu hình nơi sao lưu (set BACKUP_REPOSITORY and BACKUP_REPOSITORY_PASSWORD)');
    }
    if (this.config.FILE_STORE !== 'local') {
      throw new AppError(422, 'BACKUP_NOT_CONFIGURED', 'Sao lưu kho tệp S3 chưa được hỗ trợ (backups cover a local file store only; back the bucket up with its own versioning)');
    }
  }

  private async openScheduled(): Promise<BackupRun | null> {
    return this.dataSource.transaction(async (manager) => {
      const run = await this.runs.openQueued(manager, 'schedule', null);
      if (!run) {
        this.logger.warn('scheduled backup skipped: one is already queued or running');
        return null;
      }
      await this.audit.record(manager, { actorId: null, action: 'backup.requested', entityType: 'backup_run', entityId: run.id, data: { trigger: 'schedule' } });
      return run;
    });
  }

  private async perform(id: string): Promise<void> {
    const started = Date.now();
    const stepsMs: Record<string, number> = {};
    const deadline = new Deadline(this.config.BACKUP_TIMEOUT_MINUTES * 60_000);
    let failure: string | null = null;
    try {
      this.assertConfigured();
      const destinations = this.destinations().map((d) => new DestinationRun(d, deadline));
      const files = this.config.BACKUP_MODE === 'wal' ? await this.writeWalParts(id, destinations, deadline, stepsMs) : await this.writeParts(id, destinations, deadline, stepsMs);
      const keep = { daily: this.config.BACKUP_KEEP_DAILY, weekly: this.config.BACKUP_KEEP_WEEKLY, monthly: this.config.BACKUP_KEEP_MONTHLY };
      const removed: string[] = [];
      const baseRunId = files.summary.wal?.baseRunId ?? null;
      for (const destination of destinations) if (destination.ok) removed.push(...(await destination.finish(id, keep, this.config.BACKUP_VERIFY_READ_DATA, baseRunId)));
      const results = destinations.map((d) => d.result);
      const failed = results.filter((r) => r.error !== null);
      failure = failed.length ? failed.map((r) => `destination ${r.destination}: ${r.error}`).join('; ') : null;
      // A new base is in every destination: the segments before it leave the archive directory
      // (the backups until now hold them, for a point in time before this base).
      if (!failure && files.walPrune) {
        const pruned = await pruneArchive(files.walPrune.walDir, files.walPrune.keepFrom);
        this.logger.log(`new base backup ${id}: ${pruned} archived WAL file(s) before ${files.walPrune.keepFrom} removed from ${files.walPrune.walDir}`);
      }
      await this.dataSource.transaction(async (manager) => {
        await this.runs.markPruned(removed, manager);
        await this.finish(
          id,
          {
            status: failure ? 'failed' : 'succeeded',
            verified: results.every((r) => r.verified),
            manifest: files.summary,
            destinations: results,
            sizeAddedBytes: results[0]?.sizeAddedBytes ?? null,
            totalSizeBytes: results[0]?.totalSizeBytes ?? null,
            durationMs: Date.now() - started,
            stepsMs,
            error: failure,
          },
          manager,
        );
      });
    } catch (error) {
      failure = (error instanceof Error ? error.message : String(error)).slice(0, 2000);
      await this.finish(id, { status: 'failed', error: failure, durationMs: Date.now() - started, stepsMs });
    }
    if (failure) await this.failed(id, failure);
  }

  private async failed(id: string, reason: string): Promise<never> {
    await this.notifier.backupFailed(id, reason.slice(0, 300));
    throw new AppError(422, 'BACKUP_FAILED', `Sao lưu không thành công (backup failed): ${reason.slice(0, 500)}`);
  }

  /**
   * In one database snapshot: checks pg_dump (before anything is written), writes the manifest,
   * opens every destination, then streams one pg_dump into each destination's `restic backup
   * --stdin` while restic backs up the blobs and the manifest beside it. A pg_dump that fails
   * fails the run, and no destination keeps a part of it.
   */
  private async writeParts(id: string, destinations: DestinationRun[], deadline: Deadline, stepsMs: Record<string, number>): Promise<BackupFiles & { walPrune?: { walDir: string; keepFrom: string } }> {
    const snapshot = await this.source.openSnapshot();
    try {
      await assertPgDumpMatches(this.config.BACKUP_PG_DUMP_PATH, snapshot.serverMajorVersion);
      const files = await writeManifest({ backupId: id, snapshot, scratchDir: this.config.BACKUP_SCRATCH_DIR, fileStoreDir: this.config.FILE_STORE_DIR });
      stepsMs.manifest = files.manifestMs;
      for (const destination of destinations) await destination.open();
      const t0 = Date.now();
      const dump = (sinks: DumpSink[]) =>
        streamDump({ program: this.config.BACKUP_PG_DUMP_PATH, databaseUrl: this.config.DATABASE_URL, snapshotId: snapshot.snapshotId, sinks, deadline });
      try {
        let started = destinations.filter((d) => d.ok).map((d) => d.start(id, files.paths));
        for (let attempt = 1; started.length; attempt += 1) {
          const streamed = dump(started.map((s) => s.sink));
          await Promise.all([streamed.catch(() => undefined), ...started.map((s) => s.finished)]);
          await streamed;
          // A stale lock (a worker killed during a prune) stopped a dump: removed, that dump runs once more.
          const locked = attempt === 1 ? destinations.filter((d) => d.ok && d.dumpLocked()) : [];
          started = await Promise.all(locked.map((d) => d.restartDump(id)));
        }
      } finally {
        stepsMs.dump = Date.now() - t0;
        for (const destination of destinations) await destination.settle();
      }
      return files;
    } finally {
      await snapshot.release();
    }
  }

  /**
   * WAL mode (docs/backups.md, "Continuous archiving"). In one snapshot: the manifest; then the
   * server closes its current WAL segment and archives it, so the archive directory holds every
   * commit the manifest saw. A run with no recent base streams a new one (pg_basebackup) into
   * each destination beside the files snapshot; every other run stores only the files snapshot:
   * the blobs, the manifest and the archive directory, of which restic keeps only what is new.
   */
  private async writeWalParts(id: string, destinations: DestinationRun[], deadline: Deadline, stepsMs: Record<string, number>): Promise<BackupFiles & { walPrune?: { walDir: string; keepFrom: string } }> {
    const query = (sql: string, parameters?: unknown[]) => this.dataSource.query(sql, parameters) as Promise<Record<string, unknown>[]>;
    const walDir = await assertArchiving(query, this.config.BACKUP_WAL_DIR);
    const base = await this.runs.latestWalBase(this.config.BACKUP_WAL_BASE_HOURS);
    const snapshot = await this.source.openSnapshot();
    let files: BackupFiles;
    try {
      const wal = { baseRunId: base?.id ?? id, database: databaseName(this.config.DATABASE_URL), walDir };
      files = await writeManifest({ backupId: id, snapshot, scratchDir: this.config.BACKUP_SCRATCH_DIR, fileStoreDir: this.config.FILE_STORE_DIR, wal });
      stepsMs.manifest = files.manifestMs;
    } finally {
      await snapshot.release();
    }
    let t0 = Date.now();
    await switchAndWaitArchived(query, walDir, deadline);
    stepsMs.walSwitch = Date.now() - t0;
    for (const destination of destinations) await destination.open();
    t0 = Date.now();
    if (base) {
      try {
        await Promise.all(destinations.filter((d) => d.ok).map((d) => d.startFilesOnly(id, files.paths, base.id)));
      } finally {
        stepsMs.files = Date.now() - t0;
        for (const destination of destinations) await destination.settle();
      }
      return files;
    }
    const keepFrom = await currentSegment(query);
    const program = `${serverBinDir(this.config.BACKUP_PG_BIN_DIR, snapshot.serverMajorVersion)}/pg_basebackup`;
    const { url, env } = passwordInEnvironment(this.config.DATABASE_URL);
    try {
      const started = destinations.filter((d) => d.ok).map((d) => d.start(id, files.paths, { dumpFilename: BASE_FILENAME, extraTags: [baseTag(id)] }));
      const streamed = streamProgram({ program, name: 'pg_basebackup', args: baseBackupArgs(url, `eoffice ${id}`), env, sinks: started.map((s) => s.sink), deadline });
      await Promise.all([streamed.catch(() => undefined), ...started.map((s) => s.finished)]);
      await streamed;
    } finally {
      stepsMs.base = Date.now() - t0;
      for (const destination of destinations) await destination.settle();
    }
    return { ...files, walPrune: { walDir, keepFrom } };
  }

  private async finish(id: string, changes: Partial<BackupRun>, manager?: EntityManager): Promise<void> {
    const write = async (m: EntityManager) => {
      await this.runs.update(id, { ...changes, finishedAt: new Date() }, m);
      await this.audit.record(m, {
        actorId: null,
        action: changes.status === 'succeeded' ? 'backup.succeeded' : 'backup.failed',
        entityType: 'backup_run',
        entityId: id,
        data: { verified: changes.verified ?? false, error: changes.error ?? null, sizeAddedBytes: changes.sizeAddedBytes ?? null },
      });
    };
    await (manager ? write(manager) : this.dataSource.transaction(write));
  }
}

