import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';
import { BlobStore } from '../files/blob-store';
import { OnJob } from '../queues/on-job.decorator';
import { JobName } from '../queues/jobs';
import { checkpointName, CHECKPOINT_FORMAT, SignedCheckpoint, signCheckpoint } from './audit-checkpoint';
import { AuditSealerService } from './audit-sealer.service';
import { AuditRepository } from './audit.repository';
import { AuditService } from './audit.service';
import { checkpointKeyId, parseCheckpointKey } from './checkpoint-key';

export interface PublishedCheckpoint {
  checkpoint: SignedCheckpoint;
  /** Where it lives in the file store. */
  name: string;
  /** false: a checkpoint of this very chain length was already there and was kept as it was. */
  created: boolean;
}

/**
 * Signed checkpoints of the chain's head (count + last hash + time, Ed25519 with the installation's
 * key), written where the database cannot rewrite them: write-once objects in the file store and a
 * line in the logs. GET /audit/verify holds the chain against the latest one, so removing lines from
 * the end of the trail shows, which the hash chain alone cannot.
 */
@Injectable()
export class AuditCheckpointService {
  private readonly logger = new Logger(AuditCheckpointService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly chain: AuditRepository,
    private readonly sealer: AuditSealerService,
    private readonly store: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.auditCheckpoint)
  async scheduled(): Promise<void> {
    if (!this.config.AUDIT_CHECKPOINT_KEY) return;
    await this.publish(null);
  }

  async publish(actorId: string | null): Promise<PublishedCheckpoint> {
    if (!this.config.AUDIT_CHECKPOINT_KEY) {
      throw AppError.conflict(
        'AUDIT_CHECKPOINT_UNAVAILABLE',
        'Chưa cấu hình khóa ký điểm kiểm tra nhật ký (AUDIT_CHECKPOINT_KEY is not set)',
      );
    }
    const key = parseCheckpointKey(this.config.AUDIT_CHECKPOINT_KEY);
    await this.sealer.sealPending(true);
    const head = await this.chain.head();
    const checkpoint = signCheckpoint(
      {
        format: CHECKPOINT_FORMAT,
        count: head ? Number(head.chainSeq) : 0,
        headHash: head?.hash ?? null,
        createdAt: new Date().toISOString(),
        keyId: checkpointKeyId(key),
      },
      key,
    );
    const name = checkpointName(checkpoint.count);
    const created = await this.store.putOnce(name, Buffer.from(`${JSON.stringify(checkpoint, null, 2)}\n`));
    if (!created) {
      const existing = await this.store.readObject(name);
      return { checkpoint: JSON.parse(existing?.toString('utf8') ?? 'null') as SignedCheckpoint, name, created };
    }
    // The third copy, in a system the database's administrator does not control (docs/audit.md).
    this.logger.log({ event: 'audit.checkpoint', name, ...checkpoint }, 'audit checkpoint published');
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, {
        actorId,
        action: 'audit.checkpoint_published',
        entityType: 'audit_checkpoint',
        entityId: String(checkpoint.count),
        data: { name, headHash: checkpoint.headHash, keyId: checkpoint.keyId },
      }),
    );
    return { checkpoint, name, created };
  }
}
