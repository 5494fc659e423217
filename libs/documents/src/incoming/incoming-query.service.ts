import { Injectable } from '@nestjs/common';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { IncomingAssignment } from './entities/incoming-assignment.entity';
import type { IncomingDocument } from './entities/incoming-document.entity';
import type { IncomingEvent } from './entities/incoming-event.entity';
import { IncomingAccess } from './incoming-access.service';
import { IncomingAssignmentRepository } from './incoming-assignment.repository';
import { IncomingEventRepository } from './incoming-event.repository';
import type { CappedPage } from '@eoffice/core';
import type { IncomingFilter } from './incoming-query';
import { IncomingRepository } from './incoming.repository';
import { IncomingSearchRepository } from './incoming-search.repository';
import { ViewRecorder, ViewSource } from '../views';

export interface IncomingDetail {
  document: IncomingDocument;
  assignments: IncomingAssignment[];
  timeline: IncomingEvent[];
}

export interface IncomingListItem {
  document: IncomingDocument;
  assignments: IncomingAssignment[];
}

/** Lists, detail and inboxes; every read goes through the same access scope. */
@Injectable()
export class IncomingQueryService {
  constructor(
    private readonly viewsRecorder: ViewRecorder,
    private readonly access: IncomingAccess,
    private readonly documents: IncomingRepository,
    private readonly searches: IncomingSearchRepository,
    private readonly assignments: IncomingAssignmentRepository,
    private readonly events: IncomingEventRepository,
  ) {}

  async list(actor: Actor, filter: IncomingFilter): Promise<CappedPage<IncomingListItem>> {
    const scope = await this.access.scopeFor(actor);
    const page = filter.q ? await this.searches.search(scope, filter) : await this.documents.list(scope, filter);
    const assignments = await this.assignments.findActiveForDocuments(page.items.map((d) => d.id));
    return {
      ...page,
      items: page.items.map((document) => ({ document, assignments: assignments.filter((a) => a.documentId === document.id) })),
    };
  }

  async inbox(actor: Actor, filter: IncomingFilter): Promise<CappedPage<IncomingListItem>> {
    const unitIds = await this.access.managedUnitIds(actor);
    const clerkAgencyIds = hasRole(actor, Role.clerk) ? [await this.access.agencyIdOf(actor)] : [];
    return this.list(actor, { ...filter, waitingFor: { userId: actor.id, unitIds, clerkAgencyIds } });
  }

  async detail(actor: Actor, id: string, from?: ViewSource): Promise<IncomingDetail> {
    const document = await this.documents.findVisible(id, await this.access.scopeFor(actor));
    if (!document) throw AppError.notFound('văn bản đến (incoming document)');
    // The view is written alongside the reads, before the answer (a kill after it loses nothing).
    const [assignments, timeline] = await Promise.all([
      this.assignments.findActive(id),
      this.events.timeline(id),
      this.viewsRecorder.document('incoming', id, actor.id, 'detail', from),
    ]);
    return { document, assignments, timeline };
  }
}
