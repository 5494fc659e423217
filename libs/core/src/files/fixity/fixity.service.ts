import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../../audit/audit.service';
import { AppError } from '../../errors/app-error';
import { JobName, JobPayloads } from '../../queues/jobs';
import { JobOutbox } from '../../queues/job-outbox.service';
import { OnJob } from '../../queues/on-job.decorator';
import { BlobStore } from '../blob-store';
import { StoredFile } from '../stored-file.entity';
import { StoredFileRepository } from '../stored-file.repository';
import { FixityCheck, FixityMismatch, FixityTrigger } from './fixity-check.entity';
import { performRecordedRun } from '../../runs/recorded-run.entity';
import { FixityCheckRepository } from './fixity-check.repository';

const BATCH_SIZE = 500;

/** Proves that stored bytes are still the bytes that were received (bảo toàn tính toàn vẹn). */
@Injectable()
export class FixityService {
  private readonly logger = new Logger(FixityService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly checks: FixityCheckRepository,
    private readonly files: StoredFileRepository,
    private readonly blobs: BlobStore,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
  ) {}

  async request(trigger: FixityTrigger, requestedBy: string | null): Promise<FixityCheck> {
    const check = await this.outbox.transaction(async (manager) => {
      const opened = await this.open(manager, trigger, requestedBy);
      await this.outbox.add(manager, JobName.fixityCheck, { fixityCheckId: opened.id });
      return opened;
    });
    return check;
  }

  async get(id: string): Promise<FixityCheck> {
    const check = await this.checks.findById(id);
    if (!check) throw AppError.notFound('lượt kiểm tra (fixity check)');
    return check;
  }

  @OnJob(JobName.fixityCheck)
  async run(payload: JobPayloads[typeof JobName.fixityCheck]): Promise<void> {
    const check = payload.fixityCheckId
      ? await this.get(payload.fixityCheckId)
      : await this.dataSource.transaction((manager) => this.open(manager, 'schedule', null));
    await performRecordedRun(check, this.checks, async () => this.finish(check.id, await this.checkAllFiles()));
  }

  private async open(manager: EntityManager, trigger: FixityTrigger, requestedBy: string | null): Promise<FixityCheck> {
    const check = await this.checks.create(manager, trigger, requestedBy);
    await this.audit.record(manager, {
      actorId: requestedBy,
      action: 'fixity_check.requested',
      entityType: 'fixity_check',
      entityId: check.id,
      data: { trigger },
    });
    return check;
  }

  private async checkAllFiles() {
    const mismatches: FixityMismatch[] = [];
    let filesChecked = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.files.findBatchAfter(afterId, BATCH_SIZE);
      if (batch.length === 0) return { filesChecked, mismatches };
      for (const file of batch) {
        const mismatch = await this.checkFile(file);
        if (mismatch) mismatches.push(mismatch);
        filesChecked += 1;
      }
      afterId = batch[batch.length - 1].id;
    }
  }

  private async checkFile(file: StoredFile): Promise<FixityMismatch | null> {
    const base = { fileId: file.id, storageKey: file.storageKey, expectedSha256: file.sha256 };
    let actual: string;
    try {
      const hash = createHash('sha256');
      for await (const chunk of await this.blobs.open(file.storageKey)) hash.update(chunk as Buffer);
      actual = hash.digest('hex');
    } catch {
      return { ...base, actualSha256: null, problem: 'missing' };
    }
    return actual === file.sha256 ? null : { ...base, actualSha256: actual, problem: 'altered' };
  }

  private async finish(id: string, result: { filesChecked: number; mismatches: FixityMismatch[] }) {
    await this.dataSource.transaction(async (manager) => {
      const changes = {
        status: 'completed' as const,
        filesChecked: result.filesChecked,
        mismatchCount: result.mismatches.length,
        mismatches: result.mismatches,
        finishedAt: new Date(),
      };
      await this.checks.update(id, changes, manager);
      await this.audit.record(manager, {
        actorId: null,
        action: 'fixity_check.completed',
        entityType: 'fixity_check',
        entityId: id,
        data: { filesChecked: result.filesChecked, mismatchCount: result.mismatches.length },
      });
    });
    if (result.mismatches.length > 0) {
      this.logger.warn({ fixityCheckId: id, mismatches: result.mismatches.length }, 'fixity check found mismatches');
    }
  }
}
