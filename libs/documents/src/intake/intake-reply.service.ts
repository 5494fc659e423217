import { Inject, Injectable } from '@nestjs/common';
import { OrganisationScope } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, JobName, JobPayloads, Mailer, OnJob } from '@eoffice/core';
import { vietnamDate } from '@eoffice/vietnamese';
import { IncomingEventRepository, IncomingRepository } from '../incoming';
import { IntakeRepository } from './intake.repository';

const ddmmyyyy = (at: Date) => vietnamDate(at).split('-').reverse().join('/');

/**
 * Telling the sender of an e-mailed document (Decree 30 Art. 20–21: receipt is acknowledged the
 * same day): báo nhận with our incoming number and date once the clerk registered it, or trả lại
 * with the reason — a reply to their message (In-Reply-To), once each (`acknowledged_at`,
 * `return_notified_at`; sent, then marked: a crash between the two sends it again under the same
 * Message-ID). Spam-like mail and mail whose sender failed SPF/DKIM/DMARC get no answer: their From
 * is not to be trusted.
 */
@Injectable()
export class IntakeReplyService {
  constructor(
    private readonly items: IntakeRepository,
    private readonly documents: IncomingRepository,
    private readonly events: IncomingEventRepository,
    private readonly organisation: OrganisationScope,
    private readonly mailer: Mailer,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @OnJob(JobName.intakeReply)
  async reply({ itemId, purpose }: JobPayloads[typeof JobName.intakeReply]): Promise<string> {
    const item = await this.items.findById(itemId);
    if (!item || item.channel !== 'email' || !item.sender) return 'not an e-mail';
    // A possible forgery is not answered: the reply would go to whoever was impersonated.
    if (item.flags.includes('spam_like') || item.flags.includes('sender_unverified')) return 'sender not trusted: no reply';
    if (purpose === 'acknowledgement' ? item.acknowledgedAt : item.returnNotifiedAt) return 'already told';
    if (!this.mailer.configured) return 'SMTP_URL is not configured';
    const agency = (await this.organisation.findUnit(item.agencyId))?.name ?? 'Cơ quan nhận';
    const document = item.incomingDocumentId ? await this.documents.findById(item.incomingDocumentId) : null;
    const about = item.title ? `"${item.title}"` : 'của quý cơ quan';
    let text: string;
    if (purpose === 'acknowledgement') {
      if (!document) return 'not registered';
      text =
        `${agency} đã nhận văn bản ${about} gửi ngày ${ddmmyyyy(item.receivedAt)} ` +
        `và vào sổ văn bản đến số ${document.incomingNumber}/${document.year}, ngày ${ddmmyyyy(document.createdAt)}.`;
    } else {
      const reason = item.state === 'returned' ? item.reason : document && (await this.events.latest(document.id, 'return'))?.note;
      if (!reason) return 'no return to tell';
      text = `${agency} trả lại văn bản ${about} gửi ngày ${ddmmyyyy(item.receivedAt)}.\nLý do: ${reason}`;
    }
    await this.mailer.send({
      to: item.sender,
      subject: `${purpose === 'acknowledgement' ? 'Báo nhận' : 'Trả lại văn bản'}: ${item.title ?? ''}`.trim().slice(0, 200),
      text: `Kính gửi ${item.senderName ?? item.sender},\n\n${text}\n\n--\n${agency}\nThư trả lời tự động từ hệ thống quản lý văn bản điện tử.\n`,
      messageId: `<intake-${purpose}-${item.id}@${this.config.MAIL_DOMAIN}>`,
      ...(item.messageId ? { inReplyTo: item.messageId, references: item.messageId } : {}),
    });
    await this.items.markReplied(item.id, purpose);
    return purpose;
  }
}
