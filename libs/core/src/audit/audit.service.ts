import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chainHash } from './audit-chain';
import { AuditRepository } from './audit.repository';

export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  data?: Record<string, unknown>;
}

export interface AuditVerification {
  intact: boolean;
  eventsChecked: number;
  firstBrokenId: string | null;
}

/**
 * Every state change writes one entry, inside the same transaction as the change itself,
 * so a change without its audit line (or the reverse) cannot be committed.
 */
@Injectable()
export class AuditService {
  constructor(private readonly audit: AuditRepository) {}

  async record(manager: EntityManager, entry: AuditEntry): Promise<void> {
    const prevHash = await this.audit.lockChainAndGetLastHash(manager);
    // Millisecond precision: what PostgreSQL stores is exactly what we hashed.
    const occurredAt = new Date();
    const fields = { ...entry, data: entry.data ?? {}, occurredAt, prevHash };
    await this.audit.insert(manager, { ...fields, hash: chainHash(fields) });
  }

  trail(entityType: string, entityId: string) {
    return this.audit.findForEntity(entityType, entityId);
  }

  /** Re-computes the chain from the start; any edited, removed or re-ordered line breaks it. */
  async verify(): Promise<AuditVerification> {
    let prevHash: string | null = null;
    let checked = 0;
    let afterId = '0';
    for (;;) {
      const batch = await this.audit.findBatchAfter(afterId, 5000);
      if (batch.length === 0) return { intact: true, eventsChecked: checked, firstBrokenId: null };
      for (const event of batch) {
        const { id, hash, ...fields } = event;
        if (event.prevHash !== prevHash || chainHash(fields) !== hash) {
          return { intact: false, eventsChecked: checked, firstBrokenId: id };
        }
        prevHash = hash;
        checked += 1;
      }
      afterId = batch[batch.length - 1].id;
    }
  }
}
