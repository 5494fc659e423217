import { Injectable } from '@nestjs/common';
import type { Actor } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { Page } from '@eoffice/core';
import { IncomingManagers, OutgoingManagers } from './document-managers';
import { DocumentView, DocumentViewRepository, ViewedKind } from './document-view.repository';

/**
 * Who opened a document and its files (Decree 30 Phụ lục VI; TT 01/2019), for its managers: those
 * who may see it and answer for it — the agency's clerks, the leader it was submitted to or an
 * agency-level leader (incoming); its author, its signer and the agency's clerks (outgoing).
 * Anyone else who sees it gets 403; anyone who does not, 404. Who manages what is asked of the
 * incoming and outgoing areas through the ports in document-managers.ts.
 */
@Injectable()
export class AccessHistoryService {
  constructor(
    private readonly views: DocumentViewRepository,
    private readonly incomingManagers: IncomingManagers,
    private readonly outgoingManagers: OutgoingManagers,
  ) {}

  async list(actor: Actor, kind: ViewedKind, id: string, paging: { page: number; pageSize: number }): Promise<Page<DocumentView>> {
    const managers = kind === 'incoming' ? this.incomingManagers : this.outgoingManagers;
    if (!(await managers.manages(actor, id))) throw AppError.forbidden();
    const { items, total } = await this.views.page(kind, id, paging.page, paging.pageSize);
    return { items, total, ...paging };
  }
}
