import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { simpleParser } from 'mailparser';
import type { ParsedMail } from 'mailparser';
import { APP_CONFIG, AppConfig, FileReceiver } from '@eoffice/core';
import type { Arrival, ArrivalFile } from '../intake-arrival';
import { proposeRegistration } from '../intake-proposal';
import { checkAttachment, looksLikeSpam, senderUnverified } from './attachment-checks';

/** Where a message was read: the mailbox, its UIDVALIDITY and the message's UID (the source id). */
export interface MailSource {
  agencyId: string;
  mailbox: string;
  uidValidity: string;
  uid: number;
  internalDate: Date | null;
}

const MESSAGE_TYPE = 'message/rfc822';

/**
 * One e-mail → one arrival: the message kept as `.eml` byte for byte, each attachment kept byte for
 * byte or refused with a flag (attachment-checks.ts). Mail without a document attachment, or that
 * a filter marked as spam, arrives as "not a document" for the clerk to look at and discard.
 * Unparseable MIME is an arrival too: the .eml, flagged `malformed_mime`, never a crash.
 */
@Injectable()
export class MailArrivals {
  constructor(
    private readonly receiver: FileReceiver,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async arrivalOf(source: MailSource, raw: Buffer): Promise<Arrival> {
    const message = await this.receiver.receiveBytes(raw, { mimeType: MESSAGE_TYPE, originalName: `${source.uidValidity}-${source.uid}.eml` });
    const base = {
      agencyId: source.agencyId,
      channel: 'email' as const,
      sourceId: `${source.mailbox}:${source.uidValidity}:${source.uid}`.slice(0, 300),
      message,
    };
    let mail: ParsedMail;
    try {
      mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true });
    } catch {
      return this.unreadable(base, source);
    }
    const from = mail.from?.value[0];
    const title = mail.subject?.trim().slice(0, 1000) || null;
    const files = await this.filesOf(mail);
    const flags: string[] = [];
    if (files.length === 0) flags.push('no_attachments');
    if (looksLikeSpam(mail.headers, title)) flags.push('spam_like');
    if (senderUnverified(mail.headers)) flags.push('sender_unverified');
    if (files.length > 0 && files.every((f) => f.flags.length > 0)) flags.push('attachment_refused');
    return {
      ...base,
      messageId: mail.messageId?.trim().slice(0, 998) || null,
      sender: from?.address?.toLowerCase().slice(0, 320) ?? null,
      senderName: from?.name?.trim().slice(0, 300) || null,
      title,
      receivedAt: source.internalDate ?? mail.date ?? new Date(),
      state: flags.includes('no_attachments') || flags.includes('spam_like') ? 'not_a_document' : 'waiting',
      flags,
      proposal: proposeRegistration({ title, senderName: from?.name ?? null }),
      files,
    };
  }

  /** Attachments proper: images an HTML body shows inline (logos) stay in the .eml only. */
  private async filesOf(mail: ParsedMail): Promise<ArrivalFile[]> {
    const maxBytes = this.config.INTAKE_MAX_ATTACHMENT_MB * 1024 * 1024;
    const files: ArrivalFile[] = [];
    for (const attachment of mail.attachments) {
      if (attachment.related) continue;
      const bytes = attachment.content;
      const name = attachment.filename?.slice(0, 500) ?? null;
      const verdict = checkAttachment(bytes, name, attachment.contentType ?? null, maxBytes);
      if (!verdict.keep) {
        files.push({ originalName: name, mimeType: attachment.contentType ?? null, sizeBytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), flags: [verdict.flag] });
        continue;
      }
      const received = await this.receiver.receiveBytes(bytes, { mimeType: verdict.mimeType, originalName: name });
      files.push({ received, bytes, originalName: name, mimeType: verdict.mimeType, sizeBytes: received.sizeBytes, sha256: received.sha256, flags: [] });
    }
    return files;
  }

  private unreadable(base: Pick<Arrival, 'agencyId' | 'channel' | 'sourceId' | 'message'>, source: MailSource): Arrival {
    return {
      ...base,
      messageId: null,
      sender: null,
      senderName: null,
      title: null,
      receivedAt: source.internalDate ?? new Date(),
      state: 'waiting',
      flags: ['malformed_mime'],
      proposal: proposeRegistration({ title: null, senderName: null }),
      files: [],
    };
  }
}
