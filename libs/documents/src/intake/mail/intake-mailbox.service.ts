import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, AuditService } from '@eoffice/core';
import { IntakeMailboxCheck } from './intake-mailbox-check.service';
import { IntakeMailboxRepository, IntakeMailboxSettings } from './intake-mailbox.repository';

/** PUT /units/:unitId/intake-mailbox: where the agency's mail is read from; the password by the name of its variable. */
export interface IntakeMailboxInput {
  host: string;
  port?: number;
  tls: boolean;
  username: string;
  mailbox?: string;
  passwordEnv: string;
}

/** Only variables of this family: an administrator cannot have the worker send, say, JWT_SECRET to a server of their choosing. */
export const PASSWORD_ENV_PATTERN = /^INTAKE_IMAP_PASSWORD_[A-Z0-9_]{1,60}$/;

/**
 * Hộp thư tiếp nhận của từng cơ quan: the administrator sets or clears an agency's own mailbox,
 * which is stored only once the API has connected, logged in and opened its folder (IntakeMailboxCheck);
 * the worker reads every one configured (MailIntakeService) and notes each poll's outcome on it. Each change is audited, without any
 * secret: the row holds the NAME of the environment variable with the password, never the password.
 */
@Injectable()
export class IntakeMailboxService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly mailboxes: IntakeMailboxRepository,
    private readonly organisation: OrganisationScope,
    private readonly audit: AuditService,
    private readonly connection: IntakeMailboxCheck,
  ) {}

  async get(agencyId: string): Promise<IntakeMailboxSettings> {
    await this.agency(agencyId);
    const found = await this.mailboxes.find(agencyId);
    if (!found) throw AppError.notFound('hộp thư tiếp nhận của cơ quan (intake mailbox)');
    return found;
  }

  async set(actor: Actor, agencyId: string, input: IntakeMailboxInput): Promise<IntakeMailboxSettings> {
    await this.agency(agencyId);
    if (!PASSWORD_ENV_PATTERN.test(input.passwordEnv)) {
      throw AppError.validation('Tên biến môi trường chứa mật khẩu phải có dạng INTAKE_IMAP_PASSWORD_<TÊN> (passwordEnv)', [
        { field: 'passwordEnv', message: 'must match INTAKE_IMAP_PASSWORD_[A-Z0-9_]+' },
      ]);
    }
    const settings = {
      agencyId,
      host: input.host.trim().toLowerCase(),
      port: input.port ?? (input.tls ? 993 : 143),
      tls: input.tls,
      username: input.username.trim(),
      mailbox: input.mailbox?.trim() || 'INBOX',
      passwordEnv: input.passwordEnv,
      updatedBy: actor.id,
    };
    // Tested before the transaction (no database connection held for the seconds it may take): a refusal stores nothing.
    const password = this.connection.passwordOf(settings.passwordEnv);
    await this.connection.check({ host: settings.host, port: settings.port, secure: settings.tls, user: settings.username, password }, settings.mailbox);
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.mailboxes.upsert(manager, settings);
      if (!saved) {
        throw new AppError(409, 'INTAKE_MAILBOX_TAKEN', 'Hộp thư này đã được dùng cho cơ quan khác (another agency reads this mailbox)');
      }
      const { updatedBy: _by, ...data } = settings;
      await this.audit.record(manager, { actorId: actor.id, action: 'intake_mailbox.set', entityType: 'unit', entityId: agencyId, data });
      return saved;
    });
  }

  async clear(actor: Actor, agencyId: string): Promise<void> {
    await this.agency(agencyId);
    await this.dataSource.transaction(async (manager) => {
      const removed = await this.mailboxes.remove(manager, agencyId);
      if (!removed) throw AppError.notFound('hộp thư tiếp nhận của cơ quan (intake mailbox)');
      const { host, port, username, mailbox } = removed;
      await this.audit.record(manager, { actorId: actor.id, action: 'intake_mailbox.cleared', entityType: 'unit', entityId: agencyId, data: { host, port, username, mailbox } });
    });
  }

  /** An agency of the installation (a unit that is its own agency); anything else is not found. */
  private async agency(unitId: string): Promise<void> {
    const unit = await this.organisation.findUnit(unitId);
    if (!unit || unit.agencyId !== unit.id) throw AppError.notFound('cơ quan (agency)');
  }
}
