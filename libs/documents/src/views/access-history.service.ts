import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { Page } from '@eoffice/core';
import { IncomingAccess } from '../incoming/incoming-access.service';
import { IncomingRepository } from '../incoming/incoming.repository';
import { OutgoingAccess } from '../outgoing/outgoing-access.service';
import { OutgoingRepository } from '../outgoing/outgoing.repository';
import { DocumentView, DocumentViewRepository, ViewedKind } from './document-view.repository';

/**
 * Who opened a document and its files (Decree 30 Phụ lục VI; TT 01/2019), for its managers: those
 * who may see it and answer for it — the agency's clerks, the leader it was submitted to or an
 * agency-level leader (incoming); its author, its signer and the agency's clerks (outgoing).
 * Anyone else who sees it gets 403; anyone who does not, 404.
 */
@Injectable()
export class AccessHistoryService {
  constructor(
    private readonly views: DocumentViewRepository,
    private readonly incomingAccess: IncomingAccess,
    private readonly incoming: IncomingRepository,
    private readonly outgoingAccess: OutgoingAccess,
    private readonly outgoing: OutgoingRepository,
  ) {}

  async list(actor: Actor, kind: ViewedKind, id: string, paging: { page: number; pageSize: number }): Promise<Page<DocumentView>> {
    if (!(await this.manages(actor, kind, id))) throw AppError.forbidden();
    const { items, total } = await this.views.page(kind, id, paging.page, paging.pageSize);
    return { items, total, ...paging };
  }

  private async manages(actor: Actor, kind: ViewedKind, id: string): Promise<boolean> {
    if (kind === 'incoming') {
      const document = await this.incoming.findVisible(id, await this.incomingAccess.scopeFor(actor));
      if (!document) throw AppError.notFound('văn bản đến (incoming document)');
      const clerk = hasRole(actor, Role.clerk) && (await this.incomingAccess.agencyIdOf(actor)) === document.agencyId;
      return clerk || (await this.incomingAccess.isLeaderOf(actor, document));
    }
    const document = await this.outgoing.findVisible(id, await this.outgoingAccess.scopeFor(actor));
    if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
    if (document.authorId === actor.id || document.signerId === actor.id) return true;
    return hasRole(actor, Role.clerk) && (await this.outgoingAccess.agencyIdOf(actor)) === document.agencyId;
  }
}
