import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, AppError, AuditService } from '@eoffice/core';
import { RemoteProtocol, RemoteProviderSettings } from '@eoffice/signing';
import { RemoteSigningAccount, RemoteSigningProvider } from './remote-signing-config.entity';
import { RemoteSigningConfigRepository } from './remote-signing-config.repository';

export interface RemoteProviderInput {
  protocol: RemoteProtocol;
  baseUrl: string;
  credentialsKey: string;
  timeoutSeconds?: number;
  pollSeconds?: number;
}

/** A person's remote signing set-up as the signing service needs it. */
export interface RemoteSignerSetup {
  provider: RemoteSigningProvider;
  account: RemoteSigningAccount;
  settings: RemoteProviderSettings;
}

const notConfigured = (why: string) =>
  new AppError(409, 'REMOTE_SIGNING_NOT_CONFIGURED', `Chưa cấu hình ký số từ xa: ${why} (remote signing is not configured)`);

/**
 * Cấu hình ký số từ xa: an agency administrator names the agency's provider (protocol, endpoint,
 * the key of its client credentials in REMOTE_SIGNING_CREDENTIALS) and each signer's credential id.
 * Secrets are read from the environment only, when a call is made.
 */
@Injectable()
export class RemoteSigningConfigService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repository: RemoteSigningConfigRepository,
    private readonly organisation: OrganisationScope,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async provider(actor: Actor): Promise<RemoteSigningProvider> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    const provider = await this.repository.providerOf(agency.id);
    if (!provider) throw AppError.notFound('nhà cung cấp ký số từ xa (remote signing provider)');
    return provider;
  }

  async setProvider(actor: Actor, input: RemoteProviderInput): Promise<RemoteSigningProvider> {
    const agency = await this.organisation.agencyOf(actor.unitId);
    if (!this.config.REMOTE_SIGNING_CREDENTIALS[input.credentialsKey]) {
      throw AppError.validation('Không có thông tin xác thực này trong cấu hình máy chủ (no such key in REMOTE_SIGNING_CREDENTIALS)', [
        { field: 'credentialsKey', message: 'not a key of REMOTE_SIGNING_CREDENTIALS' },
      ]);
    }
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.repository.saveProvider(manager, {
        agencyId: agency.id,
        protocol: input.protocol,
        baseUrl: input.baseUrl,
        credentialsKey: input.credentialsKey,
        timeoutSeconds: input.timeoutSeconds ?? 300,
        pollSeconds: input.pollSeconds ?? 5,
        updatedBy: actor.id,
      });
      await this.audit.record(manager, {
        actorId: actor.id, action: 'remote_signing.provider_set', entityType: 'unit', entityId: agency.id,
        data: { protocol: saved.protocol, baseUrl: saved.baseUrl, credentialsKey: saved.credentialsKey, timeoutSeconds: saved.timeoutSeconds, pollSeconds: saved.pollSeconds },
      });
      return saved;
    });
  }

  /** A person of the administrator's agency gets their credential id at the agency's provider. */
  async setAccount(actor: Actor, userId: string, credentialId: string): Promise<RemoteSigningAccount> {
    const [agency, user] = await Promise.all([this.organisation.agencyOf(actor.unitId), this.organisation.findActiveUser(userId)]);
    if (!user || (await this.organisation.agencyOf(user.unitId)).id !== agency.id) throw AppError.notFound('người dùng (user)');
    return this.dataSource.transaction(async (manager) => {
      const saved = await this.repository.saveAccount(manager, { userId, credentialId, updatedBy: actor.id });
      await this.audit.record(manager, {
        actorId: actor.id, action: 'remote_signing.account_set', entityType: 'user', entityId: userId, data: { credentialId },
      });
      return saved;
    });
  }

  /** The signer's provider, credential and the provider's client settings (secrets from the environment). */
  async setupOf(signer: { id: string; unitId: string }): Promise<RemoteSignerSetup> {
    const agency = await this.organisation.agencyOf(signer.unitId);
    const [provider, account] = await Promise.all([this.repository.providerOf(agency.id), this.repository.accountOf(signer.id)]);
    if (!provider) throw notConfigured('cơ quan chưa có nhà cung cấp (the agency has no provider)');
    if (!account) throw notConfigured('người ký chưa có mã tài khoản ký số từ xa (the signer has no credential id)');
    return { provider, account, settings: this.settingsOf(provider) };
  }

  settingsOf(provider: RemoteSigningProvider): RemoteProviderSettings {
    const credentials = this.config.REMOTE_SIGNING_CREDENTIALS[provider.credentialsKey];
    if (!credentials) throw notConfigured(`thiếu ${provider.credentialsKey} trong REMOTE_SIGNING_CREDENTIALS (no client credentials in the environment)`);
    return { protocol: provider.protocol, baseUrl: provider.baseUrl, clientId: credentials.clientId, clientSecret: credentials.clientSecret };
  }
}
