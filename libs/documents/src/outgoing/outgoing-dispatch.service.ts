import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { JobName, JobQueue, Mailer } from '@eoffice/core';
import { IncomingDeliveryService } from '../incoming/incoming-delivery.service';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingRecipient } from './entities/outgoing-recipient.entity';
import { OutgoingAccess } from './outgoing-access.service';
import { OutgoingRecipientRepository } from './outgoing-recipient.repository';
import { OutgoingWorkflow } from './outgoing-workflow.service';

/** Work to queue once the transaction has committed. */
interface AfterCommit {
  emails: { recipientId: string; purpose: 'dispatch' | 'recall' }[];
  incomingEvents: { documentId: string; eventId: string }[];
  /** Incoming copies whose text goes to the recipients' search. */
  copies: string[];
}

/**
 * Phát hành và thu hồi (Decree 30 Art. 16–18): internal recipient agencies get the document as
 * an incoming copy in their register in the same transaction; external recipients get an e-mail
 * from a queued, retried job. A recall freezes the sender's copy and marks every copy recalled.
 */
@Injectable()
export class OutgoingDispatchService {
  private readonly logger = new Logger(OutgoingDispatchService.name);

  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly access: OutgoingAccess,
    private readonly organisation: OrganisationScope,
    private readonly recipients: OutgoingRecipientRepository,
    private readonly delivery: IncomingDeliveryService,
    private readonly mailer: Mailer,
    private readonly jobs: JobQueue,
  ) {}

  async dispatch(actor: Actor, id: string): Promise<OutgoingDocument> {
    const after: AfterCommit = { emails: [], incomingEvents: [], copies: [] };
    const document = await this.workflow.run(actor, id, 'dispatch', null, async ({ document, manager }) => {
      await this.access.requireClerkOf(actor, document);
      const agency = await this.organisation.findUnit(document.agencyId);
      for (const recipient of await this.recipients.listOf(id, manager)) {
        if (recipient.kind === 'internal') {
          const copy = await this.deliverCopy(manager, actor, document, recipient, agency!.name);
          after.incomingEvents.push(copy);
          after.copies.push(copy.documentId);
        }
        else if (this.mailer.configured) after.emails.push({ recipientId: recipient.id, purpose: 'dispatch' });
        else await this.recipients.update(recipient.id, { delivery: 'not_sent', lastError: 'SMTP_URL is not configured' }, manager);
      }
      const closed = document.closesIncoming && document.replyToIncomingId
        ? await this.delivery.closeByReply(manager, actor.id, document.replyToIncomingId, id)
        : false;
      return { changes: { dispatchedAt: new Date() }, data: { internal: after.incomingEvents.length, emails: after.emails.length, closedIncoming: closed } };
    });
    await this.afterCommit(after, document.urgency !== 'normal');
    return document;
  }

  recall(actor: Actor, id: string, reason: string): Promise<OutgoingDocument> {
    const after: AfterCommit = { emails: [], incomingEvents: [], copies: [] };
    return this.workflow
      .run(actor, id, 'recall', reason, async ({ document, manager }) => {
        await this.access.requireRecaller(actor, document);
        const recalledAt = new Date();
        for (const recipient of await this.recipients.listOf(id, manager)) {
          await this.recipients.update(recipient.id, { recalledAt }, manager);
          if (recipient.incomingDocumentId) {
            const eventId = await this.delivery.recall(manager, actor.id, recipient.incomingDocumentId, reason);
            if (eventId) after.incomingEvents.push({ documentId: recipient.incomingDocumentId, eventId });
          } else if (recipient.kind === 'external' && recipient.delivery === 'sent') {
            after.emails.push({ recipientId: recipient.id, purpose: 'recall' });
          }
        }
        return { changes: { recalledAt, recallReason: reason }, data: { copiesRecalled: after.incomingEvents.length } };
      })
      .then(async (document) => {
        await this.afterCommit(after, true);
        return document;
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

  /**
   * The change has committed even if Redis is unreachable now; that failure is logged (the
   * recipient rows still say `pending`, so an operator can see what was not sent).
   */
  private async afterCommit(after: AfterCommit, urgent: boolean): Promise<void> {
    try {
      for (const email of after.emails) await this.jobs.enqueue(JobName.outgoingEmail, email, urgent ? { priority: 1 } : undefined);
      for (const event of after.incomingEvents) await this.jobs.enqueue(JobName.incomingNotify, event);
      for (const documentId of after.copies) await this.jobs.enqueue(JobName.incomingScanIngest, { documentId });
    } catch (error) {
      this.logger.error({ error: String(error), ...after }, 'could not queue dispatch jobs');
    }
  }
}
