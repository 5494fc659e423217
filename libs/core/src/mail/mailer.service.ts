import { Inject, Injectable } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { APP_CONFIG, AppConfig } from '../config/app-config';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** A stable Message-ID (`<key@domain>`), so a message sent again after a crash is recognisably the same. */
  messageId?: string;
  /** A reply: the Message-ID it answers (threads it in the sender's mail client). */
  inReplyTo?: string;
  references?: string;
}

/** SMTP delivery through nodemailer; without SMTP_URL nothing is sent and callers say so. */
@Injectable()
export class Mailer {
  private transport: Transporter | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return !!this.config.SMTP_URL;
  }

  async send(message: MailMessage): Promise<string> {
    if (!this.config.SMTP_URL) throw new Error('SMTP_URL is not configured');
    // nodemailer is loaded with the first message, not when a process starts.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a deferred load on purpose
    this.transport ??= (require('nodemailer') as typeof import('nodemailer')).createTransport(this.config.SMTP_URL);
    const info = await this.transport.sendMail({ from: this.config.MAIL_FROM, ...message });
    return info.messageId;
  }
}
