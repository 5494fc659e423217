import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { JobName, JobOutbox, Mailer } from '@eoffice/core';
import { IncomingDeliveryService } from '../incoming/incoming-delivery.service';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingRecipient } from './entities/outgoing-recipient.entity';
import { OutgoingAccess } from './outgoing-access.service';
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
  ) {}

  dispatch(actor: Actor, id: string): Promise<OutgoingDocument> {
    // Jobs go into the outbox with the change: e-mails, the copies' notifications and text extraction.
    return this.workflow.run(actor, id, 'dispatch', null, async ({ document, manager }) => {
      await this.access.requireClerkOf(actor, document);
      const agency = await this.organisation.findUnit(document.agencyId);
      const emailOptions = document.urgency !== 'normal' ? { priority: 1 } : {};
      let [internal, emails] = [0, 0];
      for (const recipient of await this.recipients.listOf(id, manager)) {
        if (recipient.kind === 'internal') {
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
      return { changes: { dispatchedAt: new Date() }, data: { internal, emails, closedIncoming: closed } };
    });
  }

  recall(actor: Actor, id: string, reason: string): Promise<OutgoingDocument> {
    return this.workflow.run(actor, id, 'recall', reason, async ({ document, manager }) => {
      await this.access.requireRecaller(actor, document);
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
    });
    await this.recipients.update(recipient.id, { delivery: 'delivered', incomingDocumentId: copy.id, deliveredAt: new Date() }, manager);
    return { documentId: copy.id, eventId };
  }
}
