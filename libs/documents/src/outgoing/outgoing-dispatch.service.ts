import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, AuditService, JobName, JobOutbox, Mailer } from '@eoffice/core';
import { IncomingDeliveryService } from '../incoming';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingRecipient } from './entities/outgoing-recipient.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { confidentialElectronicDelivery } from './outgoing-drafting.service';
import { OutgoingRecipientRepository } from './outgoing-recipient.repository';
import { OutgoingWorkflow } from './outgoing-workflow.service';

/**
 * Phát hành và thu hồi (Decree 30 Art. 16–18): internal recipient agencies get the document as
 * an incoming copy in their register in the same transaction; external recipients get an e-mail
 * from a queued, retried job. A recall freezes the sender's copy and marks every copy recalled.
 */
@Injectable()
export class OutgoingDispatchService {
  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly organisation: OrganisationScope,
    private readonly recipients: OutgoingRecipientRepository,
    private readonly delivery: IncomingDeliveryService,
    private readonly mailer: Mailer,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditService,
  ) {}

  /**
   * The clerk records that the paper copy for one paper recipient left (by post or by hand): once
   * the document is issued, before or after the electronic dispatch; recording it again changes nothing.
   */
  async markPaperSent(actor: Actor, id: string, recipientId: string): Promise<OutgoingRecipient> {
    return this.workflow.asClerk(actor, id, async (document, manager) => {
      const recipient = (await this.recipients.listOf(id, manager)).find((r) => r.id === recipientId && r.kind === 'paper');
      if (!recipient) throw AppError.notFound('nơi nhận bản giấy (paper recipient)');
      if (document.status !== 'issued' && document.status !== 'dispatched') {
        throw new AppError(409, 'PAPER_DISPATCH_NOT_DUE', 'Chỉ gửi bản giấy sau khi văn bản đã được cấp số và ban hành (the document is not issued)');
      }
      if (recipient.delivery === 'paper_sent') return recipient;
      const sent = { ...recipient, delivery: 'paper_sent' as const, deliveredAt: new Date(), paperSentBy: actor.id };
      await this.recipients.update(recipient.id, { delivery: sent.delivery, deliveredAt: sent.deliveredAt, paperSentBy: actor.id }, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'outgoing.paper_sent',
        entityType: 'outgoing_document',
        entityId: id,
        data: { recipientId, name: recipient.name },
      });
      return sent;
    });
  }

  dispatch(actor: Actor, id: string): Promise<OutgoingDocument> {
    // Jobs go into the outbox with the change: e-mails, the copies' notifications and text extraction.
    return this.workflow.run(actor, id, 'dispatch', null, async ({ document, manager, scope }) => {
      this.access.requireClerkOf(scope, document);
      const agency = await this.organisation.findUnit(document.agencyId, manager);
      const emailOptions = document.urgency !== 'normal' ? { priority: 1 } : {};
      const recipients = await this.recipients.listOf(id, manager);
      // Drafting refuses it; this also holds for documents drafted before that rule.
      if (document.confidentiality !== 'normal' && recipients.some((r) => r.kind === 'external' || r.kind === 'agency')) throw confidentialElectronicDelivery();
      let [internal, emails, paper, packages] = [0, 0, 0, 0];
      for (const recipient of recipients) {
        if (recipient.kind === 'agency') {
          // The exchange area's worker job builds, signs and sends the package (Decision 28/2018: the same day, urgent at once).
          await this.outbox.add(manager, JobName.exchangeSend, { recipientId: recipient.id }, emailOptions);
          packages += 1;
        } else if (recipient.kind === 'paper') {
          paper += 1; // the clerk records each paper copy as it leaves (markPaperSent)
        } else if (recipient.kind === 'internal') {
          const copy = await this.deliverCopy(manager, actor, document, recipient, agency!.name);
          await this.outbox.add(manager, JobName.incomingNotify, copy);
          await this.outbox.add(manager, JobName.incomingScanIngest, { documentId: copy.documentId });
          internal += 1;
        } else if (this.mailer.configured) {
          await this.outbox.add(manager, JobName.outgoingEmail, { recipientId: recipient.id, purpose: 'dispatch' }, emailOptions);
          emails += 1;
        } else {
          await this.recipients.update(recipient.id, { delivery: 'not_sent', lastError: 'SMTP_URL is not configured' }, manager);
        }
      }
      const closed = document.closesIncoming && document.replyToIncomingId
        ? await this.delivery.closeByReply(manager, actor.id, document.replyToIncomingId, id)
        : false;
      return { changes: { dispatchedAt: new Date() }, data: { internal, emails, paper, packages, closedIncoming: closed } };
    });
  }

  recall(actor: Actor, id: string, reason: string): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'recall', reason, async ({ document, manager, scope }) => {
      this.access.requireRecaller(actor, scope, document);
      const recalledAt = new Date();
      let copiesRecalled = 0;
      for (const recipient of await this.recipients.listOf(id, manager)) {
        await this.recipients.update(recipient.id, { recalledAt }, manager);
        if (recipient.incomingDocumentId) {
          const eventId = await this.delivery.recall(manager, actor.id, recipient.incomingDocumentId, reason);
          if (eventId) {
            await this.outbox.add(manager, JobName.incomingNotify, { documentId: recipient.incomingDocumentId, eventId });
            copiesRecalled += 1;
          }
        } else if (recipient.kind === 'external' && recipient.delivery === 'sent') {
          await this.outbox.add(manager, JobName.outgoingEmail, { recipientId: recipient.id, purpose: 'recall' }, { priority: 1 });
        } else if (recipient.kind === 'agency') {
          // Liên thông: the exchange area sends status 13 about the package, if one was delivered.
          await this.outbox.add(manager, JobName.exchangeRecall, { recipientId: recipient.id }, { priority: 1 });
        }
      }
      return { changes: { recalledAt, recallReason: reason }, data: { copiesRecalled } };
    });
  }

  private async deliverCopy(manager: EntityManager, actor: Actor, document: OutgoingDocument, recipient: OutgoingRecipient, issuer: string) {
    const { document: copy, eventId } = await this.delivery.deliver(manager, actor.id, {
      outgoingId: document.id,
      recipientAgencyId: recipient.unitId!,
      numberSymbol: document.numberSymbol!,
      issuedAt: document.issuedAt!,
      issuingAuthority: issuer,
      documentType: document.documentType,
      subject: document.subject,
      urgency: document.urgency,
      confidentiality: document.confidentiality,
      fileId: document.issuedFileId!,
      validUntil: document.validUntil,
    });
    await this.recipients.update(recipient.id, { delivery: 'delivered', incomingDocumentId: copy.id, deliveredAt: new Date() }, manager);
    return { documentId: copy.id, eventId };
  }
}
