import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { MembershipEndReason, UnitMembership } from '../entities/unit-membership.entity';

export interface MembershipWithUnit extends UnitMembership {
  unitCode: string;
  unitName: string;
}

@Injectable()
export class UnitMembershipRepository {
  constructor(@InjectRepository(UnitMembership) private readonly repo: Repository<UnitMembership>) {}

  async open(manager: EntityManager, membership: { userId: string; unitId: string; position: string | null; startedAt: Date }) {
    const repo = manager.getRepository(UnitMembership);
    return repo.save(repo.create({ ...membership, endedAt: null, endReason: null }));
  }

  async closeOpen(manager: EntityManager, userId: string, endedAt: Date, endReason: MembershipEndReason): Promise<void> {
    await manager.getRepository(UnitMembership).update({ userId, endedAt: IsNull() }, { endedAt, endReason });
  }

  async historyOf(userId: string): Promise<MembershipWithUnit[]> {
    const rows: Record<string, unknown>[] = await this.repo.query(
      `SELECT m.*, u.code AS unit_code, u.name AS unit_name
         FROM unit_membership m JOIN unit u ON u.id = m.unit_id
        WHERE m.user_id = $1 ORDER BY m.started_at, m.id`,
      [userId],
    );
    return rows.map((r) => ({
      id: r.id as string,
      userId: r.user_id as string,
      unitId: r.unit_id as string,
      position: r.position as string | null,
      startedAt: r.started_at as Date,
      endedAt: r.ended_at as Date | null,
      endReason: r.end_reason as MembershipEndReason | null,
      unitCode: r.unit_code as string,
      unitName: r.unit_name as string,
    }));
  }
}
