import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, AppError, AuditService } from '@eoffice/core';
import { AxisAccountRepository, AxisAccountSettings } from './axis-account.repository';

/** PUT /units/:unitId/axis-account: the agency's own system at the axis; the secret by the name of its variable. */
export interface AxisAccountInput {
  url: string;
  systemId: string;
  secretEnv: string;
}

/** Only variables of this family: an administrator cannot have the worker send, say, JWT_SECRET to a server of their choosing. */
export const AXIS_SECRET_ENV_PATTERN = /^EXCHANGE_AXIS_SECRET_[A-Z0-9_]{1,60}$/;

/**
 * Tài khoản trục của từng cơ quan: the administrator sets or clears an agency's own axis account;
 * sending from that agency and the receiving loop use it (AxisConnection). Each change is audited,
 * without any secret: the row holds the NAME of the environment variable, never the secret.
 */
@Injectable()
export class AxisAccountService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly accounts: AxisAccountRepository,
    private readonly organisation: OrganisationScope,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async get(agencyId: string): Promise<AxisAccountSettings> {
    await this.agency(agencyId);
    const found = await this.accounts.find(agencyId);
    if (!found) throw AppError.notFound('tài khoản trục liên thông của cơ quan (axis account)');
    return found;
  }

  async set(actor: Actor, agencyId: string, input: AxisAccountInput): Promise<AxisAccountSettings> {
    const organId = await this.agency(agencyId);
    if (!AXIS_SECRET_ENV_PATTERN.test(input.secretEnv)) {
      throw AppError.validation('Tên biến môi trường chứa mã bí mật phải có dạng EXCHANGE_AXIS_SECRET_<TÊN> (secretEnv)', [
        { field: 'secretEnv', message: 'must match EXCHANGE_AXIS_SECRET_[A-Z0-9_]+' },
      ]);
    }
    // The API and the worker share the installation's environment: a name not set here is a typo, not a secret yet to come.
    if (this.config.axisSecrets?.[input.secretEnv] === undefined) {
      throw new AppError(422, 'AXIS_SECRET_ENV_NOT_SET', `Biến môi trường ${input.secretEnv} chưa được đặt trên máy chủ (the variable is not set)`, [{ field: 'secretEnv', message: 'not set in the environment' }]);
    }
    // An account speaks for the agency's OrganId: without one there is nothing to send from or receive for.
    if (!organId) throw AppError.conflict('AXIS_AGENCY_WITHOUT_ORGAN_ID', 'Cơ quan chưa có mã định danh (OrganId) nên chưa thể có tài khoản trục (the agency has no OrganId)');
    const settings = { agencyId, url: input.url.trim(), systemId: input.systemId.trim(), secretEnv: input.secretEnv, updatedBy: actor.id };
    await this.dataSource.transaction(async (manager) => {
      await this.accounts.upsert(manager, settings);
      const { updatedBy: _by, ...data } = settings;
      await this.audit.record(manager, { actorId: actor.id, action: 'axis_account.set', entityType: 'unit', entityId: agencyId, data: { ...data, organId } });
    });
    return this.get(agencyId);
  }

  async clear(actor: Actor, agencyId: string): Promise<void> {
    await this.agency(agencyId);
    await this.dataSource.transaction(async (manager) => {
      const removed = await this.accounts.remove(manager, agencyId);
      if (!removed) throw AppError.notFound('tài khoản trục liên thông của cơ quan (axis account)');
      await this.audit.record(manager, { actorId: actor.id, action: 'axis_account.cleared', entityType: 'unit', entityId: agencyId, data: removed });
    });
  }

  /** An agency of the installation (a unit that is its own agency), with its OrganId; anything else is not found. */
  private async agency(unitId: string): Promise<string | null> {
    const unit = await this.organisation.findUnit(unitId);
    if (!unit || unit.agencyId !== unit.id) throw AppError.notFound('cơ quan (agency)');
    return unit.organId;
  }
}
