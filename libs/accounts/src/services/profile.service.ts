import { Injectable } from '@nestjs/common';
import { AppError } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { Unit } from '../entities/unit.entity';
import type { User } from '../entities/user.entity';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';

export interface Profile {
  user: User;
  unit: Unit;
}

@Injectable()
export class ProfileService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
  ) {}

  async me(actor: Actor): Promise<Profile> {
    const user = await this.users.findById(actor.id);
    const unit = user && (await this.units.findById(user.unitId));
    if (!user || !unit) throw AppError.notFound('người dùng (user)');
    return { user, unit };
  }
}
