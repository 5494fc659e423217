import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, LessThanOrEqual, MoreThanOrEqual, Repository } from 'typeorm';
import { DelegationPurpose, UnitDelegation } from '../entities/unit-delegation.entity';
import type { Period } from '../rules/delegation-period';

@Injectable()
export class UnitDelegationRepository {
  constructor(@InjectRepository(UnitDelegation) private readonly repo: Repository<UnitDelegation>) {}

  insert(manager: EntityManager, delegation: Omit<UnitDelegation, 'id' | 'createdAt' | 'revokedAt' | 'revokedBy'>) {
    const repo = manager.getRepository(UnitDelegation);
    return repo.save(repo.create({ ...delegation, revokedAt: null, revokedBy: null }));
  }

  findById(manager: EntityManager, id: string): Promise<UnitDelegation | null> {
    return manager.getRepository(UnitDelegation).findOneBy({ id });
  }

  findForUnit(unitId: string, offset: number, limit: number): Promise<[UnitDelegation[], number]> {
    return this.repo.findAndCount({ where: { unitId }, order: { startsOn: 'DESC', createdAt: 'DESC' }, skip: offset, take: limit });
  }

  /** Live (not revoked) delegations of the person for the unit, of one purpose, whose period meets `period`. */
  findOverlapping(manager: EntityManager, unitId: string, delegateId: string, purpose: DelegationPurpose, period: Period): Promise<UnitDelegation[]> {
    return manager.getRepository(UnitDelegation).findBy({
      unitId,
      delegateId,
      purpose,
      revokedAt: IsNull(),
      startsOn: LessThanOrEqual(period.endsOn),
      endsOn: MoreThanOrEqual(period.startsOn),
    });
  }

  /** The person's live (not revoked) delegations of the unit, of any period, newest period first. */
  findLive(manager: EntityManager, unitId: string, delegateId: string, purpose?: DelegationPurpose): Promise<UnitDelegation[]> {
    return manager.getRepository(UnitDelegation).find({
      where: { unitId, delegateId, revokedAt: IsNull(), ...(purpose ? { purpose } : {}) },
      order: { endsOn: 'DESC', createdAt: 'DESC' },
    });
  }

  async revoke(manager: EntityManager, id: string, revokedBy: string | null): Promise<void> {
    await manager.getRepository(UnitDelegation).update({ id, revokedAt: IsNull() }, { revokedAt: new Date(), revokedBy });
  }

  /**
   * Ends the person's live delegations that are not over yet: all of them, or (`keepAgencyId`) those
   * for units outside that agency. Returns the ids ended.
   */
  async revokeCurrentOf(manager: EntityManager, delegateId: string, today: string, revokedBy: string | null, keepAgencyId?: string) {
    const rows: { id: string }[] = await manager.query(
      `SELECT d.id FROM unit_delegation d JOIN unit u ON u.id = d.unit_id
        WHERE d.delegate_id = $1 AND d.revoked_at IS NULL AND d.ends_on >= $2::date
          AND ($3::uuid IS NULL OR u.agency_id IS DISTINCT FROM $3::uuid)`,
      [delegateId, today, keepAgencyId ?? null],
    );
    for (const { id } of rows) await this.revoke(manager, id, revokedBy);
    return rows.map((r) => r.id);
  }
}
