import { Injectable } from '@nestjs/common';
import { AppError } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { Unit } from '../entities/unit.entity';
import type { User } from '../entities/user.entity';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { OrganisationScope } from './organisation-scope.service';

export interface Profile {
  user: User;
  unit: Unit;
  /** Inboxes the person handles today: own unit, units headed, delegated units. */
  handledUnitIds: string[];
  /** Inboxes the person manages as head, or by delegation today. */
  managedUnitIds: string[];
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly scope: OrganisationScope,
  ) {}

  async me(actor: Actor): Promise<Profile> {
    const user = await this.users.findById(actor.id);
    const unit = user && (await this.units.findById(user.unitId));
    if (!user || !unit) throw AppError.notFound('người dùng (user)');
    const [handledUnitIds, managedUnitIds] = await Promise.all([this.scope.handledUnitIds(user), this.scope.managedUnitIds(user)]);
    return { user, unit, handledUnitIds, managedUnitIds };
  }
}
