import { Injectable } from '@nestjs/common';
import { FileService, JobName, JobPayloads, Mailer, MediaType, OnJob } from '@eoffice/core';
import type { OutgoingDocument } from './entities/outgoing-document.entity';
import { OutgoingAppendixRepository } from './outgoing-appendix.repository';
import { OutgoingRecipientRepository } from './outgoing-recipient.repository';
import { OutgoingRepository } from './outgoing.repository';

/**
 * The worker's side of dispatch to outside organisations: one e-mail per recipient with the
 * issued PDF and its signed appendices (or the recall notice). A failure is recorded on the recipient and rethrown so the
 * queue retries with backoff; a recipient already sent is not mailed twice.
 */
@Injectable()
export class OutgoingMailService {
  constructor(
    private readonly recipients: OutgoingRecipientRepository,
    private readonly documents: OutgoingRepository,
    private readonly appendices: OutgoingAppendixRepository,
    private readonly files: FileService,
    private readonly mailer: Mailer,
  ) {}

  @OnJob(JobName.outgoingEmail)
  async send({ recipientId, purpose }: JobPayloads[typeof JobName.outgoingEmail]): Promise<string> {
    const recipient = await this.recipients.findById(recipientId);
    const document = recipient && (await this.documents.findById(recipient.documentId));
    if (!recipient?.email || !document?.issuedFileId) return 'nothing to send';
    // A confidential document never goes out by e-mail, whatever queued the job.
    if (document.confidentiality !== 'normal') return 'confidential: paper only';
    if (purpose === 'dispatch' && (recipient.delivery === 'sent' || recipient.recalledAt)) return 'already sent';
    if (!this.mailer.configured) {
      await this.recipients.update(recipientId, { delivery: 'not_sent', lastError: 'SMTP_URL is not configured' });
      return 'not configured';
    }
    try {
      const messageId = await this.mailer.send(
        purpose === 'dispatch'
          ? {
              to: recipient.email,
              subject: `${document.numberSymbol} — ${document.subject}`,
              text: `Kính gửi: ${recipient.name}\n\nĐính kèm văn bản số ${document.numberSymbol} về việc ${document.subject}.\n`,
              attachments: await this.attachmentsOf(document),
            }
          : {
              to: recipient.email,
              subject: `Thu hồi văn bản ${document.numberSymbol}`,
              text: `Kính gửi: ${recipient.name}\n\nVăn bản số ${document.numberSymbol} về việc ${document.subject} đã bị thu hồi.\nLý do: ${document.recallReason ?? ''}\n`,
            },
      );
      if (purpose === 'dispatch') await this.recipients.update(recipientId, { delivery: 'sent', deliveredAt: new Date(), attempts: recipient.attempts + 1, lastError: null });
      return messageId;
    } catch (error) {
      await this.recipients.update(recipientId, { delivery: 'failed', attempts: recipient.attempts + 1, lastError: String(error).slice(0, 500) });
      throw error;
    }
  }

  /** The document, then its appendices as the agency signed them (`05_QĐ-SGDĐT.pdf`, `05_QĐ-SGDĐT_PL1.pdf`, …). */
  private async attachmentsOf(document: OutgoingDocument) {
    const name = document.numberSymbol!.replace('/', '_');
    const files = [{ filename: `${name}.pdf`, fileId: document.issuedFileId! }];
    for (const appendix of await this.appendices.listOf(document.id)) {
      if (appendix.issuedFileId) files.push({ filename: `${name}_PL${appendix.position}.pdf`, fileId: appendix.issuedFileId });
    }
    return Promise.all(files.map(async ({ filename, fileId }) => ({ filename, content: await this.files.readBytes(fileId), contentType: MediaType.pdf })));
  }
}
