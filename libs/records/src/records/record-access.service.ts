import { Injectable } from '@nestjs/common';
import { Actor, hasRole, OrganisationScope, Role, Unit } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { FileRecord } from '../entities/file-record.entity';
import type { RecordScope } from './record.repository';

/**
 * Who sees and who may act on records (docs/records.md, "Who may do what"). Seeing is a query
 * scope; acting is checked after the record was found in it, so an outsider gets 404, never 403.
 * The documents inside keep their own access: a record shows each person only the documents they
 * may see (FilableDocuments).
 */
@Injectable()
export class RecordAccess {
  constructor(private readonly organisation: OrganisationScope) {}

  async scopeFor(actor: Actor): Promise<RecordScope> {
    const agency = await this.agencyOf(actor);
    const whole = hasRole(actor, Role.clerk, Role.leadership) || this.isAgencyLeader(actor, agency.id);
    return { userId: actor.id, wholeAgencyIds: whole ? [agency.id] : [], unitIds: await this.organisation.managedUnitIds(actor) };
  }

  agencyOf(actor: Pick<Actor, 'unitId'>): Promise<Unit> {
    return this.organisation.agencyOf(actor.unitId);
  }

  /** The unit must lie in the agency (a department of it, or the agency itself). */
  async requireUnitOf(agencyId: string, unitId: string, field = 'unitId'): Promise<void> {
    const agency = await this.organisation.agencyOf(unitId).catch(() => null);
    if (agency?.id !== agencyId) throw AppError.validation(`${field}: đơn vị không thuộc cơ quan (unit not in the agency)`, [{ field, message: 'not a unit of the agency' }]);
  }

  /** The person must be active and work in the agency (a person in charge of a file list line). */
  async requirePersonOf(agencyId: string, userId: string, field = 'personInChargeId'): Promise<void> {
    const user = await this.organisation.findActiveUser(userId);
    const agency = user ? await this.organisation.agencyOf(user.unitId).catch(() => null) : null;
    if (agency?.id !== agencyId) throw AppError.validation(`${field}: không phải người của cơ quan (not an active person of the agency)`, [{ field, message: 'not an active person of the agency' }]);
  }

  /** Lãnh đạo cơ quan: a leader placed at the agency itself (not a department's head). */
  isAgencyLeader(actor: Actor, agencyId: string): boolean {
    return hasRole(actor, Role.leader) && actor.unitId === agencyId;
  }

  requireClerkOf(actor: Actor, agency: Unit, agencyId: string): void {
    if (!hasRole(actor, Role.clerk) || agency.id !== agencyId) throw AppError.forbidden();
  }

  requireAgencyLeader(actor: Actor, agencyId: string): void {
    if (!this.isAgencyLeader(actor, agencyId)) throw AppError.forbidden('Chỉ lãnh đạo cơ quan được thực hiện (agency leaders only)');
  }

  requireOwner(actor: Actor, record: FileRecord): void {
    if (record.ownerId !== actor.id) throw AppError.forbidden('Chỉ người lập hồ sơ được thực hiện (the record owner only)');
  }

  /** Reopening: the owner, or a leader of the agency. */
  requireReopener(actor: Actor, record: FileRecord): void {
    if (record.ownerId !== actor.id && !this.isAgencyLeader(actor, record.agencyId)) throw AppError.forbidden();
  }
}
