import { Injectable } from '@nestjs/common';
import { Actor, DataScope, hasRole, OrganisationScope, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { StatsScope } from './stats-scope';

/** Who may ask for statistics at all; each sees only their own reach (docs/authorization.md). */
export const STATS_ROLES = [Role.leadership, Role.leader, Role.clerk, Role.officer] as const;

/** Whose figures were asked for: nothing (the caller's default), a unit, or a person. */
export interface StatsSubject {
  unitId?: string;
  /** With the units below `unitId` (default true). */
  includeSubunits?: boolean;
  personId?: string;
}

/**
 * Whose figures a person may see: leadership (ban giám đốc) the agency and the agencies attached
 * below it; the agency's clerks (Văn phòng compiles the weekly report, the Tây Ninh eOffice rules (2016) Điều 8) and
 * agency-level leaders the agency; a department leader their unit and the units below; the head
 * of a unit (or whoever holds its delegation) that unit; everyone their own figures. A unit or a
 * person outside that reach is 404, as for documents.
 */
@Injectable()
export class StatsAccess {
  constructor(private readonly organisation: OrganisationScope) {}

  async scopeFor(actor: Actor, subject: StatsSubject): Promise<StatsScope> {
    if (!hasRole(actor, ...STATS_ROLES)) throw AppError.forbidden();
    if (subject.unitId && subject.personId) {
      throw AppError.validation('Chọn đơn vị hoặc cá nhân, không cả hai (give unitId or personId, not both)', [
        { field: 'personId', message: 'not together with unitId' },
      ]);
    }
    const includeSubunits = subject.includeSubunits ?? true;
    if (subject.personId) return this.personScope(actor, subject.personId);
    if (subject.unitId) return this.unitScope(actor, subject.unitId, includeSubunits);
    return this.defaultScope(actor, includeSubunits);
  }

  /** The widest view the person has: the agency, else their own or headed unit, else their own figures. */
  private async defaultScope(actor: Actor, includeSubunits: boolean): Promise<StatsScope> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    if (hasRole(actor, Role.leadership, Role.clerk) || (hasRole(actor, Role.leader) && actor.unitId === agency.id)) {
      return this.unitScope(actor, agency.id, includeSubunits);
    }
    if (hasRole(actor, Role.leader)) return this.unitScope(actor, actor.unitId, includeSubunits);
    const [managed] = await this.organisation.managedUnitIds(actor);
    if (managed) return this.unitScope(actor, managed, includeSubunits);
    return this.personScope(actor, actor.id);
  }

  private async unitScope(actor: Actor, unitId: string, includeSubunits: boolean): Promise<StatsScope> {
    const unit = await this.organisation.findUnit(unitId);
    if (!unit || !(await this.reachableUnits(actor)).has(unit.id)) throw AppError.notFound('đơn vị (unit)');
    const agency = await this.organisation.agencyOf(unit.id);
    const base = { agency: { id: agency.id, name: agency.name }, person: null };
    if (unit.kind === 'agency') return { ...base, kind: 'agency', unit: null, includeSubunits: false, unitIds: null };
    const unitIds = includeSubunits ? await this.organisation.subtreeUnitIds(unit.id) : [unit.id];
    return { ...base, kind: 'unit', unit: { id: unit.id, name: unit.name }, includeSubunits, unitIds };
  }

  private async personScope(actor: Actor, personId: string): Promise<StatsScope> {
    const person = await this.organisation.findActiveUser(personId);
    const mayRead = person && (person.id === actor.id || (await this.reachableUnits(actor)).has(person.unitId));
    if (!person || !mayRead) throw AppError.notFound('người (person)');
    const agency = await this.organisation.agencyOf(person.unitId);
    return {
      kind: 'person',
      agency: { id: agency.id, name: agency.name },
      unit: null,
      includeSubunits: false,
      unitIds: null,
      person: { id: person.id, fullName: person.fullName },
    };
  }

  /** Units whose figures (and people's figures) the actor may read. */
  private async reachableUnits(actor: Actor): Promise<Set<string>> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const reach = new Set<string>();
    const addTree = async (id: string) => (await this.organisation.subtreeUnitIds(id)).forEach((u) => reach.add(u));
    if (hasRole(actor, Role.leadership)) await addTree(agency.id);
    if (hasRole(actor, Role.clerk) || (hasRole(actor, Role.leader) && actor.unitId === agency.id)) {
      (await this.organisation.visibleUnitIds(actor, DataScope.agency)).forEach((u) => reach.add(u));
    }
    if (hasRole(actor, Role.leader) && actor.unitId !== agency.id) await addTree(actor.unitId);
    for (const managed of await this.organisation.managedUnitIds(actor)) await addTree(managed);
    return reach;
  }
}
