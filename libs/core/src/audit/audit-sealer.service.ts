import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { chainHash } from './audit-chain';
import { AuditRepository, SealedPlace } from './audit.repository';

const BATCH = 1000;
/** A long backlog (after an outage of every sealer) is sealed over several transactions, not one. */
const BATCHES_PER_TRANSACTION = 20;

/**
 * Chains the entries requests inserted unsealed. One sealer at a time (an advisory lock), in any
 * API or worker process: it gives each committed entry the next place, the previous hash and its
 * own hash. An entry whose transaction commits late simply gets a later place, so the chain has no
 * gaps and never forks, without making writers wait for each other.
 */
@Injectable()
export class AuditSealerService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Seals what has committed. `wait: false` (the timer) gives up when another process is sealing;
   * `wait: true` (verification, checkpoints) waits for it and then seals what is left.
   * Returns how many entries this call sealed, or null when it gave up.
   */
  async sealPending(wait: boolean): Promise<number | null> {
    let total = 0;
    for (;;) {
      const sealed = await this.dataSource.transaction(async (manager) => {
        if (!(await this.audit.lockSealing(manager, wait))) return null;
        let head = await this.audit.head(manager);
        let count = 0;
        for (let round = 0; round < BATCHES_PER_TRANSACTION; round += 1) {
          const batch = await this.audit.unsealedBatch(manager, BATCH);
          const places: SealedPlace[] = [];
          for (const event of batch) {
            const chainSeq = String(BigInt(head?.chainSeq ?? '0') + 1n);
            const prevHash = head?.hash ?? null;
            const hash = chainHash({
              occurredAt: event.occurredAt,
              actorId: event.actorId,
              action: event.action,
              entityType: event.entityType,
              entityId: event.entityId,
              data: event.data,
              prevHash,
            });
            places.push({ id: event.id, chainSeq, prevHash, hash });
            head = { chainSeq, hash };
          }
          await this.audit.seal(manager, places);
          count += places.length;
          if (batch.length < BATCH) return { count, more: false };
        }
        return { count, more: true };
      });
      if (sealed === null) return total === 0 ? null : total;
      total += sealed.count;
      if (!sealed.more) return total;
    }
  }
}
