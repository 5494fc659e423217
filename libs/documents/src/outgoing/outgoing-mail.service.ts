import { Injectable } from '@nestjs/common';
import { FileService, JobName, JobPayloads, Mailer, MediaType, OnJob } from '@eoffice/core';
import { OutgoingRecipientRepository } from './outgoing-recipient.repository';
import { OutgoingRepository } from './outgoing.repository';

/**
 * The worker's side of dispatch to outside organisations: one e-mail per recipient with the
 * issued PDF (or the recall notice). A failure is recorded on the recipient and rethrown so the
 * queue retries with backoff; a recipient already sent is not mailed twice.
 */
@Injectable()
export class OutgoingMailService {
  constructor(
    private readonly recipients: OutgoingRecipientRepository,
    private readonly documents: OutgoingRepository,
    private readonly files: FileService,
    private readonly mailer: Mailer,
  ) {}

  @OnJob(JobName.outgoingEmail)
  async send({ recipientId, purpose }: JobPayloads[typeof JobName.outgoingEmail]): Promise<string> {
    const recipient = await this.recipients.findById(recipientId);
    const document = recipient && (await this.documents.findById(recipient.documentId));
    if (!recipient?.email || !document?.issuedFileId) return 'nothing to send';
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
              attachments: [{ filename: `${document.numberSymbol!.replace('/', '_')}.pdf`, content: await this.files.readBytes(document.issuedFileId), contentType: MediaType.pdf }],
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
}
