import { lstat, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig, AuditService, BlobStore, FileService, JobName, LocalBlobStore, OnJob } from '@eoffice/core';
import { BackupRunRepository } from './backup-run.repository';
import { destinationsOf } from './backup-destinations';

const BATCH = 500;
const AUDIT_KEYS_PER_EVENT = 200;

export interface OrphanReport {
  examined: number;
  removed: string[];
  /** Why nothing could be removed, when that is the case. */
  skipped: string | null;
}

/**
 * A crash between storing a blob and committing the row that refers to it leaves a blob nobody
 * refers to. Such a blob is removed once it is older than the grace period and, when backups are
 * configured, once a verified backup taken after it appeared holds it.
 */
@Injectable()
export class OrphanCollectorService {
  private readonly logger = new Logger(OrphanCollectorService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly blobs: BlobStore,
    private readonly files: FileService,
    private readonly runs: BackupRunRepository,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.orphanCollect)
  async collect(): Promise<OrphanReport> {
    if (!(this.blobs instanceof LocalBlobStore)) return { examined: 0, removed: [], skipped: 'the S3 file store is not collected' };
    const cutoff = await this.cutoff();
    if (cutoff === null) return { examined: 0, removed: [], skipped: 'no verified backup holds the blobs yet' };
    const root = this.blobs.blobRoot();
    const removed: string[] = [];
    let examined = 0;
    let batch: { key: string; path: string }[] = [];
    const flush = async () => {
      const referenced = await this.files.referencedKeys(batch.map((b) => b.key));
      for (const blob of batch) {
        if (referenced.has(blob.key)) continue;
        // Checked again just before removal: an upload may have re-used the blob meanwhile.
        const info = await lstat(blob.path).catch(() => null);
        if (!info || info.ctime >= cutoff) continue;
        await rm(blob.path, { force: true });
        removed.push(blob.key);
      }
      batch = [];
    };
    for await (const key of blobKeys(root)) {
      examined += 1;
      const path = join(root, '..', key);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile() || info.ctime >= cutoff) continue;
      batch.push({ key, path });
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    const temps = await this.removeStaleTempFiles(cutoff);
    if (removed.length || temps) await this.record(removed, temps);
    return { examined, removed, skipped: null };
  }

  /**
   * Temp files of uploads whose process was killed (SIGKILL, power loss) before it could remove
   * them: nobody else ever will. One not written to since the cutoff belongs to no live upload
   * (the grace is far longer than HTTP_REQUEST_TIMEOUT_SECONDS). Found by test/chaos.e2e-spec.ts.
   */
  private async removeStaleTempFiles(cutoff: Date): Promise<number> {
    const dir = this.blobs.tempDir();
    let count = 0;
    for (const name of await readdir(dir).catch(() => [] as string[])) {
      const path = join(dir, name);
      const info = await lstat(path).catch(() => null);
      if (!info?.isFile() || info.mtime >= cutoff) continue;
      await rm(path, { force: true });
      count += 1;
    }
    return count;
  }

  /** A blob whose inode changed before this instant is old enough and (with backups) held by a verified backup. */
  private async cutoff(): Promise<Date | null> {
    const grace = new Date(Date.now() - this.config.ORPHAN_GRACE_HOURS * 3_600_000);
    if (destinationsOf(this.config).length === 0) return grace;
    const backup = await this.runs.latestGood();
    if (!backup?.startedAt) return null;
    return backup.startedAt < grace ? backup.startedAt : grace;
  }

  /** Every removed key is named in the audit trail, AUDIT_KEYS_PER_EVENT to an event, so no entry grows unbounded. */
  private async record(removed: string[], tempFiles: number): Promise<void> {
    const chunks: string[][] = [];
    for (let i = 0; i < removed.length; i += AUDIT_KEYS_PER_EVENT) chunks.push(removed.slice(i, i + AUDIT_KEYS_PER_EVENT));
    await this.dataSource.transaction(async (manager) => {
      for (const [part, keys] of (chunks.length ? chunks : [[]]).entries()) {
        await this.audit.record(manager, {
          actorId: null,
          action: 'orphan_blobs.removed',
          entityType: 'blob_store',
          entityId: 'local',
          data: { count: removed.length, part: part + 1, parts: Math.max(chunks.length, 1), keys, tempFiles },
        });
      }
    });
    this.logger.log({ removed: removed.length, tempFiles }, 'orphan blobs removed');
  }
}

/** Every key under sha256/xx/yy/ (the store's temp directory is not there), one directory at a time. */
async function* blobKeys(root: string): AsyncGenerator<string> {
  const list = (dir: string) => readdir(dir).catch(() => [] as string[]);
  for (const a of await list(root)) {
    for (const b of await list(join(root, a))) {
      for (const name of await list(join(root, a, b))) {
        if (/^[0-9a-f]{64}$/.test(name)) yield `sha256/${a}/${b}/${name}`;
      }
    }
  }
}
