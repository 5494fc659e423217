import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError } from '@eoffice/core';
import { ImapAccount, imapClient } from './imap-client';

/** Why IMAP refused: the message, and the code imapflow or the socket gave, for the administrator and the log. */
export function describeImapError(error: unknown): string {
  const e = error as { message?: string; code?: string; responseText?: string; authenticationFailed?: boolean };
  if (e.authenticationFailed) return `login failed: ${e.responseText ?? e.message ?? 'authentication failed'}`;
  const text = e.responseText ? `${e.message}: ${e.responseText}` : (e.message ?? String(error));
  return e.code && !text.includes(e.code) ? `${text} (${e.code})` : text;
}

/**
 * Hộp thư tiếp nhận: before an agency's mailbox is stored, the API does what the worker will do —
 * connects, logs in and opens the folder read-only — within INTAKE_MAILBOX_CHECK_SECONDS, so a wrong
 * host, password or folder is answered to the administrator instead of showing only in the worker's log.
 */
@Injectable()
export class IntakeMailboxCheck {
  private readonly logger = new Logger(IntakeMailboxCheck.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The password the worker will use: the variable the settings name, which the API must have too. */
  passwordOf(passwordEnv: string): string {
    const password = this.config.intakeImapPasswords?.[passwordEnv];
    if (password === undefined) {
      throw new AppError(
        422,
        'INTAKE_MAILBOX_PASSWORD_NOT_SET',
        `Biến môi trường ${passwordEnv} chưa được đặt cho máy chủ ứng dụng (the API and the worker both need it: the API tests the connection)`,
      );
    }
    return password;
  }

  async check(account: ImapAccount, path: string): Promise<void> {
    const timeoutMs = this.config.INTAKE_MAILBOX_CHECK_SECONDS * 1000;
    const where = `${account.host}:${account.port}`;
    const client = imapClient(account, timeoutMs, (error) => this.logger.warn(`IMAP check ${where}: ${error.message}`));
    try {
      await client.connect();
    } catch (error) {
      client.close();
      if ((error as { authenticationFailed?: boolean }).authenticationFailed) {
        throw new AppError(422, 'INTAKE_MAILBOX_LOGIN_FAILED', `Máy chủ thư ${where} từ chối đăng nhập của ${account.user}: sai tên hoặc mật khẩu (${describeImapError(error)})`);
      }
      throw new AppError(422, 'INTAKE_MAILBOX_UNREACHABLE', `Không kết nối được máy chủ thư ${where} (${describeImapError(error)})`);
    }
    try {
      await client.mailboxOpen(path, { readOnly: true });
    } catch (error) {
      // The server answered NO (dovecot: "[NONEXISTENT] Mailbox doesn't exist"); anything else is the connection failing.
      if ((error as { responseStatus?: string }).responseStatus !== 'NO') {
        throw new AppError(422, 'INTAKE_MAILBOX_UNREACHABLE', `Mất kết nối với máy chủ thư ${where} khi mở thư mục "${path}" (${describeImapError(error)})`);
      }
      throw new AppError(422, 'INTAKE_MAILBOX_NOT_FOUND', `Không mở được thư mục "${path}" trên máy chủ thư ${where} (${describeImapError(error)})`);
    } finally {
      await client.logout().catch(() => client.close());
    }
  }
}
