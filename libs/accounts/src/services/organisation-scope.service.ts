import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import { DataScope, dataScopeOf } from '../authorization/data-scope';
import { Role } from '../authorization/role';
import type { Unit } from '../entities/unit.entity';
import type { User } from '../entities/user.entity';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { localDate } from '../rules/delegation-period';

/** Who a scope check is about: an Actor from a request, or any person by id and unit. */
export type ScopeSubject = Pick<Actor, 'id' | 'unitId' | 'roles'>;

/**
 * The organisation as access rules see it, for every service that decides who may see or do what:
 * which agency a unit belongs to, which units lie below, which inboxes a person handles, and how
 * far a person's roles let them see (docs/authorization.md).
 */
@Injectable()
export class OrganisationScope {
  constructor(
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * The agency (cơ quan: own clerk, registers, numbering, seal) the unit belongs to; an agency is its own.
   * Inside a transaction pass its manager to these reads, so they use its connection rather than a
   * second one from the pool (ten such requests at once would otherwise exhaust the pool).
   */
  async agencyOf(unitId: string, manager?: EntityManager): Promise<Unit> {
    const unit = await this.units.findById(unitId, manager);
    const agency = unit?.agencyId ? (unit.agencyId === unit.id ? unit : await this.units.findById(unit.agencyId, manager)) : null;
    if (!agency) throw AppError.notFound('đơn vị (unit)');
    return agency;
  }

  async findUnit(unitId: string, manager?: EntityManager): Promise<Unit | null> {
    return this.units.findById(unitId, manager);
  }

  /** A person who can act now (a named leader, an assignee): null when unknown or deactivated. */
  async findActiveUser(userId: string, manager?: EntityManager): Promise<User | null> {
    const user = await this.users.findById(userId, manager);
    return user?.active ? user : null;
  }

  /** The unit and every unit below it (departments, attached agencies and theirs); empty if unknown. */
  subtreeUnitIds(unitId: string, manager?: EntityManager): Promise<string[]> {
    return this.units.subtreeIds(unitId, manager);
  }

  /**
   * Units whose inbox the person handles today: their own unit, the units they head, and the units
   * whose head delegated the inbox to them for a period that includes today (Vietnam time).
   */
  handledUnitIds(subject: Pick<ScopeSubject, 'id'>, at: Date = new Date(), manager?: EntityManager): Promise<string[]> {
    return this.units.handledBy(subject.id, localDate(at, this.config.TZ_NAME), manager);
  }

  /**
   * Units whose inbox the person manages as the head would (distributes, answers for it): the units
   * they head and those delegated to them today. A subset of `handledUnitIds` plus own-unit delegations.
   */
  managedUnitIds(subject: Pick<ScopeSubject, 'id'>, at: Date = new Date(), manager?: EntityManager): Promise<string[]> {
    return this.units.managedBy(subject.id, localDate(at, this.config.TZ_NAME), manager);
  }

  /** The people who receive what is sent to a unit with no person named: its head and delegates. */
  inboxHandlerIds(unitId: string, at: Date = new Date()): Promise<string[]> {
    return this.units.inboxHandlers(unitId, localDate(at, this.config.TZ_NAME));
  }

  /**
   * Who administers an agency (its certificates, for instance): the active administrators working
   * in it, or, when it has none of its own, every active administrator, since administration is
   * installation-wide.
   */
  async administratorIdsFor(agencyId: string): Promise<string[]> {
    const own = await this.users.activeIdsWithRole(Role.admin, agencyId);
    return own.length ? own : this.users.activeIdsWithRole(Role.admin);
  }

  /** Every active administrator of the installation (backups and drills concern all of it). */
  allAdministratorIds(): Promise<string[]> {
    return this.users.activeIdsWithRole(Role.admin);
  }

  /** Văn thư of an agency: who registers, numbers and seals its documents. */
  clerkIdsOf(agencyId: string): Promise<string[]> {
    return this.users.activeIdsWithRole(Role.clerk, agencyId);
  }

  /** Administration (units, accounts, roles, reports) is installation-wide and needs the admin role. */
  canAdminister(subject: Pick<ScopeSubject, 'roles'>): boolean {
    return subject.roles.includes(Role.admin);
  }

  assertCanAdminister(subject: Pick<ScopeSubject, 'roles'>): void {
    if (!this.canAdminister(subject)) throw AppError.forbidden();
  }

  async isHeadOf(subject: Pick<ScopeSubject, 'id'>, unitId: string, manager?: EntityManager): Promise<boolean> {
    const unit = await this.units.findById(unitId, manager);
    return unit?.headUserId === subject.id;
  }

  /** Who manages a unit's inbox and its delegations: its head, or an administrator. */
  async canManageUnitInbox(subject: ScopeSubject, unitId: string): Promise<boolean> {
    return this.canAdminister(subject) || (await this.isHeadOf(subject, unitId));
  }

  dataScopeOf(subject: Pick<ScopeSubject, 'roles'>): DataScope {
    return dataScopeOf(subject.roles);
  }

  /**
   * The units whose items the person may see under `scope` (by default their roles' widest):
   * none for `own` (the caller matches the person's own items), the handled units for `unit`,
   * everything below them for `subtree`, every unit of their agency for `agency`.
   */
  async visibleUnitIds(subject: ScopeSubject, scope: DataScope = this.dataScopeOf(subject)): Promise<string[]> {
    switch (scope) {
      case DataScope.own:
        return [];
      case DataScope.unit:
        return this.handledUnitIds(subject);
      case DataScope.subtree: {
        const handled = await this.handledUnitIds(subject);
        const trees = await Promise.all(handled.map((id) => this.subtreeUnitIds(id)));
        return [...new Set(trees.flat())];
      }
      case DataScope.agency: {
        const agency = await this.agencyOf(subject.unitId);
        const [agencyUnits, handled] = await Promise.all([this.units.idsOfAgency(agency.id), this.handledUnitIds(subject)]);
        return [...new Set([...agencyUnits, ...handled])];
      }
    }
  }
}
