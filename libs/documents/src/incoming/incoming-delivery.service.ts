import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, AuditService } from '@eoffice/core';
import { RegisterNumberingRepository, RegisterRepository } from '../registers';
import { vietnamDate, vietnamYear } from '@eoffice/vietnamese';
import type { IncomingDocument } from './entities/incoming-document.entity';
import { IncomingEventRepository } from './incoming-event.repository';
import { IncomingAction, isBeingHandled, isOpen, nextIncomingStatus } from './incoming-lifecycle';
import { IncomingRepository } from './incoming.repository';

/** What an issued outgoing document carries to a recipient agency inside the installation. */
export interface DeliveredCopy {
  outgoingId: string;
  recipientAgencyId: string;
  numberSymbol: string;
  issuedAt: Date;
  issuingAuthority: string;
  documentType: string;
  subject: string;
  urgency: IncomingDocument['urgency'];
  confidentiality: IncomingDocument['confidentiality'];
  fileId: string;
  /** Thời gian hiệu lực the sender set: the recipient's handlers are reminded of it too. */
  validUntil: string | null;
}

/**
 * The incoming side of documents that travel inside the installation: a dispatched outgoing
 * document is registered in each recipient agency's incoming register (received via `system`),
 * a recall marks those copies recalled, and a dispatched reply can close the item it answers.
 * Each runs in the caller's transaction, so the sender's change and the recipients' copies
 * commit or fail together.
 */
@Injectable()
export class IncomingDeliveryService {
  constructor(
    private readonly documents: IncomingRepository,
    private readonly events: IncomingEventRepository,
    private readonly registers: RegisterRepository,
    private readonly numbering: RegisterNumberingRepository,
    private readonly audit: AuditService,
  ) {}

  async deliver(manager: EntityManager, actorId: string, copy: DeliveredCopy): Promise<{ document: IncomingDocument; eventId: string }> {
    const confidential = copy.confidentiality !== 'normal';
    const register = await this.registers.findDefault(copy.recipientAgencyId, 'incoming', confidential);
    if (!register) throw new AppError(422, 'REGISTER_INVALID', 'Đơn vị nhận chưa có sổ văn bản đến (the recipient agency has no incoming register)');
    const receivedAt = new Date();
    const year = vietnamYear(receivedAt);
    const incomingNumber = await this.numbering.takeNext(manager, register.id, year);
    const document = await this.documents.insert(manager, {
      agencyId: copy.recipientAgencyId,
      registerId: register.id,
      year,
      incomingNumber,
      status: 'registered',
      sourceNumberSymbol: copy.numberSymbol,
      sourceDate: vietnamDate(copy.issuedAt),
      issuingAuthority: copy.issuingAuthority,
      documentType: copy.documentType,
      subject: copy.subject,
      urgency: copy.urgency,
      confidentiality: copy.confidentiality,
      receivedVia: 'system',
      receivedAt,
      scanFileId: copy.fileId,
      registeredBy: null,
      sourceOutgoingId: copy.outgoingId,
      validUntil: copy.validUntil,
    });
    const eventId = await this.log(manager, actorId, document, 'register', null, null, {
      incomingNumber, year, registerId: register.id, sourceOutgoingId: copy.outgoingId,
    });
    return { document, eventId };
  }

  /**
   * The sender recalled the document: an open copy becomes `recalled` (its timeline event id), a closed one stays.
   * `actorId` null: recalled by an agency outside the installation (an edXML status 13), nobody of ours.
   */
  async recall(manager: EntityManager, actorId: string | null, incomingId: string, reason: string): Promise<string | null> {
    const document = await this.documents.findById(incomingId, manager);
    if (!document || !isOpen(document.status)) return null;
    return this.transition(manager, actorId, document, 'recall', reason, {});
  }

  /** Closes the incoming item a dispatched reply answers, when its lead asked for that. */
  async closeByReply(manager: EntityManager, actorId: string, incomingId: string, outgoingId: string): Promise<boolean> {
    const document = await this.documents.findById(incomingId, manager);
    if (!document || !isBeingHandled(document.status)) return false;
    const closedAt = new Date();
    const onTime = document.dueDate === null || vietnamDate(closedAt) <= document.dueDate;
    await this.transition(manager, actorId, document, 'close', null, { replyOutgoingId: outgoingId, closedAt, closedBy: actorId }, { onTime, dueDate: document.dueDate });
    return true;
  }

  private async transition(
    manager: EntityManager,
    actorId: string | null,
    document: IncomingDocument,
    action: IncomingAction,
    note: string | null,
    changes: Partial<IncomingDocument>,
    data: Record<string, unknown> = {},
  ): Promise<string> {
    const to = nextIncomingStatus(document.status, action);
    await this.documents.update(manager, document.id, { ...changes, status: to });
    return this.log(manager, actorId, { ...document, status: to }, action, document.status, note, { ...data, replyOutgoingId: changes.replyOutgoingId });
  }

  private async log(
    manager: EntityManager,
    actorId: string | null,
    document: IncomingDocument,
    action: IncomingAction | 'register',
    from: string | null,
    note: string | null,
    data: Record<string, unknown>,
  ): Promise<string> {
    const event = await this.events.append(manager, { documentId: document.id, actorId, action, fromStatus: from, toStatus: document.status, note, data });
    await this.audit.record(manager, {
      actorId,
      action: action === 'register' ? 'incoming.delivered' : `incoming.${action}`,
      entityType: 'incoming_document',
      entityId: document.id,
      data: { from, to: document.status, note, ...data },
    });
    return event.id;
  }
}
