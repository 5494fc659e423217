import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, JobName, JobOutbox } from '@eoffice/core';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingEvent } from './entities/outgoing-event.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingEventRepository } from './outgoing-event.repository';
import { nextOutgoingState, OutgoingAction } from './outgoing-lifecycle';
import { OutgoingRecipientRepository } from './outgoing-recipient.repository';
import { OutgoingRepository } from './outgoing.repository';
import type { OutgoingScope } from './outgoing-scope';

export type StepAction = Exclude<OutgoingAction, 'create'>;

/** Changes that make it someone's turn: a reviewer, the signer, the author (returned), the clerks (to issue). */
const NOTIFIED: ReadonlySet<StepAction> = new Set(['submit', 'approve', 'reject', 'sign']);
/** Changes that bring a new PDF whose words search should hold: a draft version, the issued PDF (with its number). */
const NEW_TEXT: ReadonlySet<OutgoingAction> = new Set(['create', 'revise', 'issue', 'seal', 'paper_seal']);

export interface Step {
  document: OutgoingDocument;
  manager: EntityManager;
  /** The actor's scope, read before the transaction: access checks inside it decide from this. */
  scope: OutgoingScope;
}

export interface StepResult {
  changes?: Partial<OutgoingDocument>;
  /** Recorded on the timeline and in the audit entry. */
  data?: Record<string, unknown>;
}

/**
 * Every outgoing state change goes through `run`: it locks the document inside the actor's scope
 * (404 otherwise), checks the state machine (409), lets `apply` check the actor's right and do the
 * work, then writes the new state, the timeline event and the audit entry in one transaction.
 * Whoever's turn it now is gets told, by the worker, through a job written in the same transaction.
 */
@Injectable()
export class OutgoingWorkflow {
  constructor(
    private readonly access: OutgoingAccess,
    private readonly documents: OutgoingRepository,
    private readonly events: OutgoingEventRepository,
    private readonly audit: AuditService,
    private readonly outbox: JobOutbox,
    private readonly recipients: OutgoingRecipientRepository,
  ) {}

  async run(actor: Actor, id: string, action: StepAction, note: string | null, apply: (step: Step) => Promise<StepResult>): Promise<OutgoingDocument> {
    // The scope is read before the transaction, so it never waits for a second pool connection.
    const scope = await this.access.scopeFor(actor);
    return this.outbox.transaction(async (manager) => {
      const document = await this.documents.findForUpdate(manager, id, scope);
      if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
      const authorIsHead = action === 'submit' && (await this.access.isHeadOfDraftingUnit(document.authorId, document.draftingUnitId, manager));
      const next = nextOutgoingState(document.status, document.reviewStage, action, authorIsHead);
      const { changes = {}, data = {} } = await apply({ document, manager, scope });
      // Every way of issuing (at once, after a seal saga, from a paper original) ends here.
      if (next.status === 'issued' && document.status !== 'issued' && document.replacesId) Object.assign(data, await this.replacing(manager, actor.id, document));
      const updated: OutgoingDocument = { ...document, ...changes, status: next.status, reviewStage: next.reviewStage };
      await this.documents.update(manager, id, { ...changes, status: next.status, reviewStage: next.reviewStage });
      const event = await this.record(manager, actor.id, updated, action, document.status, note, { ...data, reviewStage: document.reviewStage, toReviewStage: next.reviewStage });
      if (NOTIFIED.has(action)) await this.outbox.add(manager, JobName.outgoingNotify, { documentId: id, eventId: event.id });
      return updated;
    });
  }

  /**
   * A clerk's change outside the step table (a paper copy sent, an exchange correction): the document
   * is found in the actor's scope (404) and the clerk's right checked (403) before the transaction,
   * so neither check waits for a second pool connection; `apply` gets it locked inside the
   * transaction, whose jobs are relayed once it commits.
   */
  async asClerk<T>(actor: Actor, id: string, apply: (document: OutgoingDocument, manager: EntityManager) => Promise<T>): Promise<T> {
    const scope = await this.access.scopeFor(actor);
    const visible = await this.documents.findVisible(id, scope);
    if (!visible) throw AppError.notFound('văn bản đi (outgoing document)');
    this.access.requireClerkOf(scope, visible);
    return this.outbox.transaction(async (manager) => {
      const document = await this.documents.findForUpdate(manager, id, scope);
      if (!document) throw AppError.notFound('văn bản đi (outgoing document)');
      return apply(document, manager);
    });
  }

  /**
   * Văn bản thay thế: issuing the replacement marks the replaced document (once — a second
   * replacement of it is refused) and gives the replacement the replaced one's directory agencies it
   * lacks, so each agency that had the old package gets the new one, which names the old (edXML
   * ReplacementInfoList, docs/exchange.md).
   */
  private async replacing(manager: EntityManager, actorId: string, document: OutgoingDocument): Promise<Record<string, unknown>> {
    if (!(await this.documents.markReplaced(manager, document.replacesId!, document.id))) {
      throw new AppError(409, 'OUTGOING_ALREADY_REPLACED', 'Văn bản được thay thế đã bị thu hồi hoặc đã có văn bản thay thế khác (the replaced document is recalled or replaced already)');
    }
    const agencies = await this.recipients.addMissingAgencies(manager, document.replacesId!, document.id);
    await this.audit.record(manager, {
      actorId,
      action: 'outgoing.replaced',
      entityType: 'outgoing_document',
      entityId: document.replacesId!,
      data: { replacedById: document.id, agenciesAdded: agencies },
    });
    return { replacesId: document.replacesId, agenciesAdded: agencies };
  }

  /** The timeline line and the audit entry of one change (also used when a draft is created). */
  async record(
    manager: EntityManager,
    actorId: string | null,
    document: OutgoingDocument,
    action: OutgoingAction,
    from: string | null,
    note: string | null,
    data: Record<string, unknown>,
  ): Promise<OutgoingEvent> {
    const cleanNote = note ? cleanVietnameseText(note, 'note') : null;
    const event = await this.events.append(manager, { documentId: document.id, actorId, action, fromStatus: from, toStatus: document.status, note: cleanNote, data });
    await this.audit.record(manager, {
      actorId,
      action: `outgoing.${action}`,
      entityType: 'outgoing_document',
      entityId: document.id,
      data: { from, to: document.status, note: cleanNote, ...data },
    });
    if (NEW_TEXT.has(action)) await this.outbox.add(manager, JobName.outgoingTextExtract, { documentId: document.id });
    return event;
  }
}
