import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../authorization/actor';
import type { Unit } from '../entities/unit.entity';
import { UnitInTree, UnitRepository } from '../repositories/unit.repository';
import { OrganisationScope } from './organisation-scope.service';
import { NewUnit, UnitChanges, UserDirectoryService } from './user-directory.service';

/** The organisation tree: reading it (everyone), adding units and naming heads (administrators). */
@Injectable()
export class UnitService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitRepository,
    private readonly directory: UserDirectoryService,
    private readonly scope: OrganisationScope,
  ) {}

  list(): Promise<UnitInTree[]> {
    return this.units.findAllInTreeOrder();
  }

  create(actor: Actor, input: NewUnit): Promise<Unit> {
    this.scope.assertCanAdminister(actor);
    return this.dataSource.transaction((manager) => this.directory.createUnit(manager, actor.id, input));
  }

  rename(actor: Actor, unitId: string, input: UnitChanges): Promise<Unit> {
    this.scope.assertCanAdminister(actor);
    return this.dataSource.transaction((manager) => this.directory.renameUnit(manager, actor.id, unitId, input));
  }

  /** A new head inherits the unit's inbox with its whole history: the inbox belongs to the unit. */
  changeHead(actor: Actor, unitId: string, userId: string | null): Promise<Unit> {
    this.scope.assertCanAdminister(actor);
    return this.dataSource.transaction((manager) => this.directory.setUnitHead(manager, actor.id, unitId, userId));
  }
}
