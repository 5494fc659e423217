import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/** Any constant works; it only has to be the same for every writer of the chain. */
const CHAIN_LOCK_KEY = 7_230_001;

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEvent) private readonly repo: Repository<AuditEvent>) {}

  /** Serialises chain appends until the caller's transaction ends, so two writers never fork the chain. */
  async lockChainAndGetLastHash(manager: EntityManager): Promise<string | null> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
    const rows: { hash: string }[] = await manager.query('SELECT hash FROM audit_event ORDER BY id DESC LIMIT 1');
    return rows[0]?.hash ?? null;
  }

  insert(manager: EntityManager, event: Omit<AuditEvent, 'id'>): Promise<AuditEvent> {
    const repo = manager.getRepository(AuditEvent);
    return repo.save(repo.create(event));
  }

  findForEntity(entityType: string, entityId: string): Promise<AuditEvent[]> {
    return this.repo.find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }

  findBatchAfter(afterId: string, size: number): Promise<AuditEvent[]> {
    return this.repo.find({ where: { id: MoreThan(afterId) }, order: { id: 'ASC' }, take: size });
  }
}
