import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, hasRole, OrganisationScope, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingScope } from './outgoing-scope';

/**
 * Who sees and who may act on outgoing documents. Seeing is a query scope; acting is checked here
 * after the document was found inside that scope, so a person who may not see it gets 404.
 */
@Injectable()
export class OutgoingAccess {
  constructor(private readonly organisation: OrganisationScope) {}

  async scopeFor(actor: Actor): Promise<OutgoingScope> {
    const agencyId = await this.agencyIdOf(actor);
    const [managed, handled] = await Promise.all([this.organisation.managedUnitIds(actor), this.organisation.handledUnitIds(actor)]);
    const scope: OutgoingScope = {
      userId: actor.id,
      reviewUnitIds: managed,
      clerkAgencyIds: hasRole(actor, Role.clerk) ? [agencyId] : [],
      issuedAgencyIds: [],
      issuedUnitIds: [],
      recipientUnitIds: handled,
    };
    if (hasRole(actor, Role.leadership)) scope.issuedAgencyIds.push(agencyId);
    if (hasRole(actor, Role.leader)) {
      if (actor.unitId === agencyId) scope.issuedAgencyIds.push(agencyId);
      else scope.issuedUnitIds.push(...(await this.organisation.subtreeUnitIds(actor.unitId)));
    }
    return scope;
  }

  async agencyIdOf(actor: Actor): Promise<string> {
    return (await this.organisation.agencyOf(actor.unitId)).id;
  }

  requireRole(actor: Actor, ...roles: Role[]): void {
    if (!hasRole(actor, ...roles)) throw AppError.forbidden();
  }

  requireAuthor(actor: Actor, document: OutgoingDocument): void {
    if (document.authorId !== actor.id) throw AppError.forbidden();
  }

  requireSigner(actor: Actor, document: OutgoingDocument): void {
    if (document.signerId !== actor.id || !hasRole(actor, Role.leader)) {
      throw new AppError(403, 'NOT_DESIGNATED_SIGNER', 'Chỉ người ký được chỉ định mới được ký văn bản này (only the designated signer may sign)');
    }
  }

  // The checks below decide from the actor's scope (scopeFor), read before the transaction: a check
  // that read the organisation through the pool inside it would wait for a second connection.

  /** Văn thư of the document's agency: format check, issue (the agency key) and dispatch (Art. 32.2). */
  requireClerkOf(scope: OutgoingScope, document: OutgoingDocument): void {
    if (!scope.clerkAgencyIds.includes(document.agencyId)) throw AppError.forbidden();
  }

  /** Whoever's turn it is at the current review stage: the drafting unit's head (or delegate), the clerk, the signer. */
  requireReviewer(actor: Actor, scope: OutgoingScope, document: OutgoingDocument): void {
    switch (document.reviewStage) {
      case 'unit_head':
        if (!scope.reviewUnitIds.includes(document.draftingUnitId)) throw AppError.forbidden();
        return;
      case 'format_check':
        return this.requireClerkOf(scope, document);
      default:
        this.requireSigner(actor, document);
    }
  }

  /** Inside the caller's transaction (the workflow's lock holds its connection). */
  async isHeadOfDraftingUnit(userId: string, draftingUnitId: string, manager: EntityManager): Promise<boolean> {
    return this.organisation.isHeadOf({ id: userId }, draftingUnitId, manager);
  }

  /** Recall: the agency's clerk, the signer, or a leader at agency level. */
  requireRecaller(actor: Actor, scope: OutgoingScope, document: OutgoingDocument): void {
    if (document.signerId === actor.id) return;
    if (hasRole(actor, Role.leader) && actor.unitId === document.agencyId) return;
    this.requireClerkOf(scope, document);
  }
}
