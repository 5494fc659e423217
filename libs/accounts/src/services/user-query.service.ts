import { Injectable } from '@nestjs/common';
import { AppError, Counted } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { Role } from '../authorization/role';
import type { Unit } from '../entities/unit.entity';
import type { User } from '../entities/user.entity';
import { MembershipWithUnit, UnitMembershipRepository } from '../repositories/unit-membership.repository';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { OrganisationScope } from './organisation-scope.service';

export interface UserListQuery {
  q?: string;
  unitId?: string;
  role?: Role;
  active?: boolean;
  page: number;
  pageSize: number;
}

export interface UserWithUnit {
  user: User;
  unit: Unit | null;
}

export interface UserDetail extends UserWithUnit {
  memberships: MembershipWithUnit[];
}

/** Accounts as the administrator sees them; a person may also read their own. */
@Injectable()
export class UserQueryService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly memberships: UnitMembershipRepository,
    private readonly scope: OrganisationScope,
  ) {}

  async list(actor: Actor, query: UserListQuery): Promise<Counted<UserWithUnit>> {
    this.scope.assertCanAdminister(actor);
    const { items, total } = await this.users.page(query, (query.page - 1) * query.pageSize, query.pageSize);
    const units = new Map((await this.units.findByIds([...new Set(items.map((u) => u.unitId))])).map((u) => [u.id, u]));
    return { items: items.map((user) => ({ user, unit: units.get(user.unitId) ?? null })), total };
  }

  async get(actor: Actor, id: string): Promise<UserDetail> {
    if (id !== actor.id && !this.scope.canAdminister(actor)) throw AppError.forbidden();
    const user = await this.users.findById(id);
    if (!user) throw AppError.notFound('người dùng (user)');
    const [unit, memberships] = await Promise.all([this.units.findById(user.unitId), this.memberships.historyOf(user.id)]);
    return { user, unit, memberships };
  }
}
