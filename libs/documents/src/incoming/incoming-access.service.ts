import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, hasRole, OrganisationScope, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { IncomingAssignment } from './entities/incoming-assignment.entity';
import type { IncomingDocument } from './entities/incoming-document.entity';
import type { IncomingScope } from './incoming-scope';

/**
 * Who sees and who may act on incoming documents (access follows the
 * organisation). Seeing is a query scope; acting is checked here, after the document was found
 * inside that scope, so a person who may not see a document gets 404 and never 403.
 */
@Injectable()
export class IncomingAccess {
  constructor(private readonly organisation: OrganisationScope) {}

  async scopeFor(actor: Actor): Promise<IncomingScope> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const wholeAgencyIds = new Set<string>();
    const unitIds = new Set(await this.organisation.handledUnitIds(actor));
    if (hasRole(actor, Role.clerk)) wholeAgencyIds.add(agency.id);
    if (hasRole(actor, Role.leadership)) {
      for (const id of await this.organisation.subtreeUnitIds(agency.id)) wholeAgencyIds.add(id);
    }
    if (hasRole(actor, Role.leader)) {
      if (actor.unitId === agency.id) wholeAgencyIds.add(agency.id);
      else for (const id of await this.organisation.subtreeUnitIds(actor.unitId)) unitIds.add(id);
    }
    return { userId: actor.id, wholeAgencyIds: [...wholeAgencyIds], unitIds: [...unitIds] };
  }

  /**
   * What a clerk who registers in `agencyId` (their own agency) sees of that agency's documents,
   * for the duplicate check: every normal document of the agency, since a clerk's scope holds
   * their whole agency, and the confidential ones that name them. The unit arms of `scopeFor`
   * reach normal documents only, which this already covers, so they are not read.
   */
  registrationScope(actor: Actor, agencyId: string): IncomingScope {
    return { userId: actor.id, wholeAgencyIds: [agencyId], unitIds: [] };
  }

  async agencyIdOf(actor: Actor, manager?: EntityManager): Promise<string> {
    return (await this.organisation.agencyOf(actor.unitId, manager)).id;
  }

  requireRole(actor: Actor, ...roles: Role[]): void {
    if (!hasRole(actor, ...roles)) throw AppError.forbidden();
  }

  /**
   * The authority who directs the handling (Decree 30 Art. 24): the leader the document was
   * submitted to, or any leader at the agency level. Heads of departments are leaders too, but
   * they direct only inside their unit (see managedLeadUnit).
   */
  async isLeaderOf(actor: Actor, document: IncomingDocument): Promise<boolean> {
    if (!hasRole(actor, Role.leader)) return false;
    return document.submittedTo === actor.id || actor.unitId === document.agencyId;
  }

  async requireLeaderOf(actor: Actor, document: IncomingDocument): Promise<void> {
    if (!(await this.isLeaderOf(actor, document))) throw AppError.forbidden();
  }

  /**
   * The unit named as lead, when the actor heads it or holds its delegation: they pick the person
   * (Phụ lục IV.VII part 2: the unit leader assigns the individual). Plain members may not.
   */
  async managedLeadUnit(actor: Actor, assignments: IncomingAssignment[], manager?: EntityManager): Promise<string | null> {
    const lead = assignments.find((a) => a.role === 'lead');
    if (!lead?.unitId || lead.userId) return null;
    return (await this.managedUnitIds(actor, manager)).includes(lead.unitId) ? lead.unitId : null;
  }

  /** Units whose inbox the actor runs: as head or delegate, not merely as a member of their own unit. */
  managedUnitIds(actor: Actor, manager?: EntityManager): Promise<string[]> {
    return this.organisation.managedUnitIds(actor, new Date(), manager);
  }

  /** The lead assignee: the lead person, or whoever handles the lead unit when no person is named. */
  async isLead(actor: Actor, assignments: IncomingAssignment[], manager?: EntityManager): Promise<boolean> {
    const lead = assignments.find((a) => a.role === 'lead');
    if (!lead) return false;
    if (lead.userId) return lead.userId === actor.id;
    return (await this.organisation.handledUnitIds(actor, new Date(), manager)).includes(lead.unitId ?? '');
  }

  /** Pass the transaction's manager when called inside one (see OrganisationScope.agencyOf). */
  async isAssignee(actor: Actor, assignments: IncomingAssignment[], manager?: EntityManager): Promise<boolean> {
    const units = await this.organisation.handledUnitIds(actor, new Date(), manager);
    return assignments.some(
      (a) => a.role !== 'informed' && (a.userId === actor.id || (!a.userId && a.unitId !== null && units.includes(a.unitId))),
    );
  }
}
