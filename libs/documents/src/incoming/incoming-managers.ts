import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import { IncomingManagers } from '../views';
import { IncomingAccess } from './incoming-access.service';
import { IncomingRepository } from './incoming.repository';

/** The incoming side of IncomingManagers (views): the agency's clerks, the leader it was submitted to, an agency-level leader. */
@Injectable()
export class IncomingDocumentManagers extends IncomingManagers {
  constructor(
    private readonly access: IncomingAccess,
    private readonly incoming: IncomingRepository,
  ) {
    super();
  }

  async manages(actor: Actor, documentId: string): Promise<boolean> {
    const document = await this.incoming.findVisible(documentId, await this.access.scopeFor(actor));
    if (!document) throw AppError.notFound('văn bản đến (incoming document)');
    const clerk = hasRole(actor, Role.clerk) && (await this.access.agencyIdOf(actor)) === document.agencyId;
    return clerk || (await this.access.isLeaderOf(actor, document));
  }
}
