import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { OutgoingManagers } from '../views';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingRepository } from './outgoing.repository';

/** The outgoing side of OutgoingManagers (views): its author, its signer and the agency's clerks. */
@Injectable()
export class OutgoingDocumentManagers extends OutgoingManagers {
  constructor(
    private readonly access: OutgoingAccess,
    private readonly outgoing: OutgoingRepository,
  ) {
    super();
  }

  async manages(actor: Actor, documentId: string): Promise<boolean> {
    const document = await this.outgoing.findVisible(documentId, await this.access.scopeFor(actor));
    if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
    if (document.authorId === actor.id || document.signerId === actor.id) return true;
    return hasRole(actor, Role.clerk) && (await this.access.agencyIdOf(actor)) === document.agencyId;
  }
}
