import { randomBytes } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, AuditService, JobName, JobOutbox, JobPayloads, OnJob } from '@eoffice/core';
import { BackupNotifier } from './backup-notifier.service';
import type { BackupTrigger } from './backup-run.entity';
import { BackupRunRepository } from './backup-run.repository';
import { destinationsOf } from './backup-destinations';
import { RestoreDrill } from './restore-drill.entity';
import { restoreBackup } from './restore';
import { dropDatabase } from './restore-target';

/** pg_restore sits beside pg_dump. */
export function pgRestorePathFor(pgDumpPath: string): string {
  return pgDumpPath.replace(/pg_dump$/, 'pg_restore');
}

/**
 * The proof that backups restore: the latest backup goes into a scratch database and directory,
 * is compared with its manifest (row counts, every blob's SHA-256, the audit chain), then the
 * scratch copy is removed. A failure tells every administrator.
 */
@Injectable()
export class RestoreDrillService {
  private readonly logger = new Logger(RestoreDrillService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly runs: BackupRunRepository,
    private readonly audit: AuditService,
    private readonly notifier: BackupNotifier,
    private readonly outbox: JobOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async list(limit: number, offset: number): Promise<{ items: RestoreDrill[]; total: number }> {
    const [items, total] = await this.runs.listDrills(limit, offset);
    return { items, total };
  }

  /** Queues a drill now (an administrator wants the proof before the weekly one). */
  async request(requestedBy: string): Promise<RestoreDrill> {
    if (destinationsOf(this.config).length === 0) {
      throw new AppError(422, 'BACKUP_NOT_CONFIGURED', 'Chưa cấu hình nơi sao lưu (set BACKUP_REPOSITORY and BACKUP_REPOSITORY_PASSWORD)');
    }
    return this.outbox.transaction(async (manager) => {
      const drill = await this.open(manager, 'manual', requestedBy);
      await this.outbox.add(manager, JobName.restoreDrill, { restoreDrillId: drill.id });
      return drill;
    });
  }

  async get(id: string): Promise<RestoreDrill> {
    const drill = await this.runs.findDrill(id);
    if (!drill) throw AppError.notFound('lượt diễn tập khôi phục (restore drill)');
    return drill;
  }

  private async open(manager: EntityManager, trigger: BackupTrigger, requestedBy: string | null): Promise<RestoreDrill> {
    const drill = await this.runs.openDrill(manager, trigger, requestedBy);
    await this.audit.record(manager, { actorId: requestedBy, action: 'restore_drill.requested', entityType: 'restore_drill', entityId: drill.id, data: { trigger } });
    return drill;
  }

  @OnJob(JobName.restoreDrill)
  async drill(payload: JobPayloads[typeof JobName.restoreDrill]): Promise<RestoreDrill | null> {
    const destinations = destinationsOf(this.config);
    if (destinations.length === 0) return null;
    const drill = payload.restoreDrillId ? await this.get(payload.restoreDrillId) : await this.dataSource.transaction((m) => this.open(m, 'schedule', null));
    if (drill.status !== 'queued') return drill;
    const backup = await this.runs.latestGood();
    await this.runs.updateDrill(drill.id, { status: 'running', backupRunId: backup?.id ?? null });
    const started = Date.now();
    const suffix = randomBytes(4).toString('hex');
    const scratchDb = new URL(this.config.DATABASE_URL);
    scratchDb.pathname = `/${decodeURIComponent(scratchDb.pathname.slice(1))}_drill_${suffix}`.slice(0, 64);
    const scratchDir = join(resolve(this.config.BACKUP_SCRATCH_DIR), `drill-${suffix}`);
    let differences: string[] = [];
    let error: string | null = null;
    try {
      if (!backup) throw new Error('no verified backup to restore');
      const report = await restoreBackup({
        backupId: backup.id,
        destinations,
        targetDatabaseUrl: scratchDb.toString(),
        targetFileStore: scratchDir,
        live: { databaseUrl: this.config.DATABASE_URL, fileStoreDir: this.config.FILE_STORE_DIR },
        force: false,
        pgRestorePath: pgRestorePathFor(this.config.BACKUP_PG_DUMP_PATH),
        pgBinDir: this.config.BACKUP_PG_BIN_DIR,
        timeoutMs: this.config.BACKUP_TIMEOUT_MINUTES * 60_000,
      });
      differences = report.differences;
    } catch (failure) {
      error = (failure instanceof Error ? failure.message : String(failure)).slice(0, 2000);
    } finally {
      await dropDatabase(scratchDb.toString()).catch((e: unknown) => this.logger.error({ err: e }, 'could not drop the drill database'));
      await rm(scratchDir, { recursive: true, force: true });
    }
    const passed = error === null && differences.length === 0;
    const changes = { status: passed ? ('passed' as const) : ('failed' as const), differences, error, finishedAt: new Date(), durationMs: Date.now() - started };
    await this.dataSource.transaction(async (manager) => {
      await this.runs.updateDrill(drill.id, changes, manager);
      await this.audit.record(manager, {
        actorId: null,
        action: passed ? 'restore_drill.passed' : 'restore_drill.failed',
        entityType: 'restore_drill',
        entityId: drill.id,
        data: { backupRunId: backup?.id ?? null, differences: differences.slice(0, 20), error },
      });
    });
    if (!passed) await this.notifier.drillFailed(drill.id, error ?? differences.slice(0, 3).join('; '));
    return { ...drill, backupRunId: backup?.id ?? null, ...changes };
  }
}
