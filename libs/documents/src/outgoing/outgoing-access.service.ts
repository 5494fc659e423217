import { Injectable } from '@nestjs/common';
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

  /** Văn thư of the document's agency: format check, issue (the agency key) and dispatch (Art. 32.2). */
  async requireClerkOf(actor: Actor, document: OutgoingDocument): Promise<void> {
    if (!hasRole(actor, Role.clerk) || (await this.agencyIdOf(actor)) !== document.agencyId) throw AppError.forbidden();
  }

  /** Whoever's turn it is at the current review stage. */
  async requireReviewer(actor: Actor, document: OutgoingDocument): Promise<void> {
    switch (document.reviewStage) {
      case 'unit_head':
        if (!(await this.organisation.managedUnitIds(actor)).includes(document.draftingUnitId)) throw AppError.forbidden();
        return;
      case 'format_check':
        return this.requireClerkOf(actor, document);
      case 'signer':
        return this.requireSigner(actor, document);
      default:
        this.requireSigner(actor, document);
    }
  }

  async isHeadOfDraftingUnit(userId: string, draftingUnitId: string): Promise<boolean> {
    return this.organisation.isHeadOf({ id: userId }, draftingUnitId);
  }

  /** Recall: the agency's clerk, the signer, or a leader at agency level. */
  async requireRecaller(actor: Actor, document: OutgoingDocument): Promise<void> {
    if (document.signerId === actor.id) return;
    if (hasRole(actor, Role.leader) && actor.unitId === document.agencyId) return;
    await this.requireClerkOf(actor, document);
  }
}
