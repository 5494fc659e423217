import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/** Any constant works; it only has to be the same for every sealer of the chain. */
const SEAL_LOCK_KEY = 7_230_001;

export type UnsealedEntry = Omit<AuditEvent, 'id' | 'chainSeq' | 'prevHash' | 'hash'>;

export interface ChainHead {
  chainSeq: string;
  hash: string;
}

export interface SealedPlace {
  id: string;
  chainSeq: string;
  prevHash: string | null;
  hash: string;
}

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEvent) private readonly repo: Repository<AuditEvent>) {}

  /** One plain INSERT: no lock and no read of the chain, so writers never wait for each other here. */
  async insertUnsealed(manager: EntityManager, entry: UnsealedEntry): Promise<void> {
    await manager.query(
      'INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, data) VALUES ($1, $2, $3, $4, $5, $6)',
      [entry.occurredAt, entry.actorId, entry.action, entry.entityType, entry.entityId, JSON.stringify(entry.data)],
    );
  }

  /** Only one sealer at a time, until its transaction ends. `wait: false` gives up at once if another holds it. */
  async lockSealing(manager: EntityManager, wait: boolean): Promise<boolean> {
    if (wait) {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEAL_LOCK_KEY]);
      return true;
    }
    const rows: { locked: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [SEAL_LOCK_KEY]);
    return rows[0]?.locked === true;
  }

  async head(manager: EntityManager = this.repo.manager): Promise<ChainHead | null> {
    const rows: { chain_seq: string; hash: string }[] = await manager.query(
      'SELECT chain_seq, hash FROM audit_event WHERE chain_seq IS NOT NULL ORDER BY chain_seq DESC LIMIT 1',
    );
    return rows[0] ? { chainSeq: String(rows[0].chain_seq), hash: rows[0].hash } : null;
  }

  /** The committed entries still waiting for their place, oldest insert first. */
  unsealedBatch(manager: EntityManager, size: number): Promise<AuditEvent[]> {
    return manager.getRepository(AuditEvent).find({ where: { chainSeq: IsNull() }, order: { id: 'ASC' }, take: size });
  }

  /** One statement for the whole batch; the trigger checks that nothing but the seal changes. */
  async seal(manager: EntityManager, places: SealedPlace[]): Promise<void> {
    if (places.length === 0) return;
    await manager.query(
      `UPDATE audit_event a SET chain_seq = p.chain_seq, prev_hash = p.prev_hash, hash = p.hash
       FROM unnest($1::bigint[], $2::bigint[], $3::char(64)[], $4::char(64)[]) AS p(id, chain_seq, prev_hash, hash)
       WHERE a.id = p.id AND a.chain_seq IS NULL`,
      [places.map((p) => p.id), places.map((p) => p.chainSeq), places.map((p) => p.prevHash), places.map((p) => p.hash)],
    );
  }

  countUnsealed(): Promise<number> {
    return this.repo.count({ where: { chainSeq: IsNull() } });
  }

  findForEntity(entityType: string, entityId: string): Promise<AuditEvent[]> {
    return this.repo.find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  /** The trails of many entities of one type in one query, each in id order. */
  findForEntities(entityType: string, entityIds: readonly string[]): Promise<AuditEvent[]> {
    if (!entityIds.length) return Promise.resolve([]);
    return this.repo.find({ where: { entityType, entityId: In([...entityIds]) }, order: { id: 'ASC' } });
  }

  /** Sealed entries in chain order, after the given place. */
  findSealedAfter(afterSeq: string, size: number): Promise<AuditEvent[]> {
    return this.repo.find({
      where: { chainSeq: MoreThan(afterSeq) },
      order: { chainSeq: 'ASC' },
      take: size,
    });
  }
}
