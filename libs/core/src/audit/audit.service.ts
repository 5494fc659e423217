import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { BlobStore } from '../files/blob-store';
import { chainHash } from './audit-chain';
import { checkpointSignatureValid, readLatestCheckpoint, SignedCheckpoint } from './audit-checkpoint';
import { AuditSealerService } from './audit-sealer.service';
import { AuditRepository } from './audit.repository';
import { parseCheckpointKey } from './checkpoint-key';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

export interface CheckpointComparison {
  /** The file in the store, e.g. checkpoints/000000001234.json. */
  name: string;
  count: number | null;
  headHash: string | null;
  createdAt: string | null;
  /** null: no AUDIT_CHECKPOINT_KEY here to check it with. */
  signatureValid: boolean | null;
  /** The chain's entry at the checkpoint's place has the hash the checkpoint signed. */
  matchesChain: boolean;
}

export interface AuditVerification {
  /** The chain is unbroken and agrees with the latest checkpoint. */
  intact: boolean;
  eventsChecked: number;
  firstBrokenId: string | null;
  /** Entries committed after the seal this verification did; the next one checks them. */
  unsealed: number;
  checkpoint: CheckpointComparison | null;
  /** The chain is shorter than the latest checkpoint counted: its tail was removed. */
  truncatedAfterCheckpoint: boolean;
}

/**
 * Every state change writes one entry, inside the same transaction as the change itself,
 * so a change without its audit line (or the reverse) cannot be committed. The entry is written
 * unsealed; AuditSealerService chains it within about a second.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly audit: AuditRepository,
    private readonly sealer: AuditSealerService,
    private readonly store: BlobStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    // Millisecond precision: what PostgreSQL stores is exactly what the sealer hashes.
    await this.audit.insertUnsealed(manager, { ...entry, data: entry.data ?? {}, occurredAt: new Date() });
  }

  trail(entityType: string, entityId: string) {
    return this.audit.findForEntity(entityType, entityId);
  }

  /** `trail` for many entities of one type, one query (the archive packs thousands): entity id → events, [] for none. */
  async trails(entityType: string, entityIds: readonly string[]) {
    const byId = new Map(entityIds.map((id) => [id, [] as Awaited<ReturnType<AuditService['trail']>>]));
    for (const event of await this.audit.findForEntities(entityType, entityIds)) byId.get(event.entityId)?.push(event);
    return byId;
  }

  /**
   * Seals what has committed, re-computes the chain from the start (any edited, removed or
   * re-ordered line breaks it), then holds its end against the latest signed checkpoint, which
   * catches what the chain alone cannot: lines removed from the end.
   */
  async verify(): Promise<AuditVerification> {
    await this.sealer.sealPending(true);
    const latest = await readLatestCheckpoint(this.store);
    const chain = await this.walkChain(latest?.checkpoint?.count ?? null);
    const checkpoint = latest ? this.compareWithCheckpoint(latest, chain.hashAtCheckpoint) : null;
    const truncatedAfterCheckpoint = checkpoint?.count != null && chain.firstBrokenId === null && chain.checked < checkpoint.count;
    return {
      intact: chain.firstBrokenId === null && !truncatedAfterCheckpoint && (checkpoint === null || (checkpoint.matchesChain && checkpoint.signatureValid !== false)),
      eventsChecked: chain.checked,
      firstBrokenId: chain.firstBrokenId,
      unsealed: await this.audit.countUnsealed(),
      checkpoint,
      truncatedAfterCheckpoint,
    };
  }

  /** Walks the sealed chain in order; keeps the hash at the checkpoint's place (`wanted`) on the way. */
  private async walkChain(wanted: number | null): Promise<{ checked: number; firstBrokenId: string | null; hashAtCheckpoint: string | null }> {
    let prevHash: string | null = null;
    let checked = 0;
    let afterSeq = '0';
    let hashAtCheckpoint: string | null = null;
    for (;;) {
      const batch = await this.audit.findSealedAfter(afterSeq, 5000);
      if (batch.length === 0) return { checked, firstBrokenId: null, hashAtCheckpoint };
      for (const event of batch) {
        const { id, hash, chainSeq, ...fields } = event;
        if (Number(chainSeq) !== checked + 1 || event.prevHash !== prevHash || chainHash(fields) !== hash) {
          return { checked, firstBrokenId: id, hashAtCheckpoint };
        }
        prevHash = hash;
        checked += 1;
        if (checked === wanted) hashAtCheckpoint = hash;
      }
      afterSeq = batch[batch.length - 1].chainSeq ?? afterSeq;
    }
  }

  private compareWithCheckpoint(
    { name, checkpoint }: { name: string; checkpoint: SignedCheckpoint | null },
    hashAtCheckpoint: string | null,
  ): CheckpointComparison {
    if (!checkpoint) return { name, count: null, headHash: null, createdAt: null, signatureValid: false, matchesChain: false };
    const key = this.config.AUDIT_CHECKPOINT_KEY ? parseCheckpointKey(this.config.AUDIT_CHECKPOINT_KEY) : null;
    return {
      name,
      count: checkpoint.count,
      headHash: checkpoint.headHash,
      createdAt: checkpoint.createdAt,
      signatureValid: key ? checkpointSignatureValid(checkpoint, key) : null,
      matchesChain: checkpoint.count === 0 || hashAtCheckpoint === checkpoint.headHash,
    };
  }
}
