import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError } from '@eoffice/core';
import { TransportError } from '../exchange-transport';
import { AxisAccountRepository, AxisAccountSettings } from './axis-account.repository';
import { AxisClient } from './axis-client';

/** One system of ours at the axis: the installation-wide one, or an agency's own. */
export interface AxisAccount {
  /** `installation`, or the agency's OrganId. */
  label: string;
  client: AxisClient;
}

/**
 * Our connections to the national axis. The installation-wide one comes from the environment
 * (EXCHANGE_AXIS_*): every agency without its own account is one OrganId of that system. An agency
 * with its own account (PUT /units/:unitId/axis-account) is its own system: its URL and `systemId`
 * from the database, its secret from the EXCHANGE_AXIS_SECRET_<NAME> variable the account names.
 * A directory entry's own URL is never used for the axis: a secret goes only to its account's address.
 */
@Injectable()
export class AxisConnection {
  private readonly logger = new Logger(AxisConnection.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly accounts: AxisAccountRepository,
  ) {}

  /** The installation-wide client, or null when EXCHANGE_AXIS_* are not set. */
  client(): AxisClient | null {
    const { EXCHANGE_AXIS_URL: url, EXCHANGE_AXIS_SYSTEM_ID: systemId, EXCHANGE_AXIS_SECRET: secret } = this.config;
    return url && systemId && secret ? new AxisClient({ url, systemId, secret }) : null;
  }

  /** The address an agency's messages go to: its own account's, else the installation's; null when neither exists. */
  async endpointOf(organId: string): Promise<string | null> {
    return (await this.accounts.findByOrganId(organId))?.url ?? this.client()?.url ?? null;
  }

  /**
   * The client an agency sends with: its own account, else the installation's; null when neither
   * exists. An account whose secret variable is missing here is our configuration's fault: `retry`.
   */
  async clientFor(organId: string): Promise<AxisClient | null> {
    const account = await this.accounts.findByOrganId(organId);
    if (!account) return this.client();
    const client = this.accountClient(account);
    if (!client) throw new TransportError(`the axis account of ${organId} names ${account.secretEnv}, which is not set in this environment`, 'retry');
    return client;
  }

  /** Every system to poll: the installation's, then each agency's own (one whose secret is missing is skipped, with a warning). */
  async all(): Promise<AxisAccount[]> {
    const installation = this.client();
    const found: AxisAccount[] = installation ? [{ label: 'installation', client: installation }] : [];
    for (const account of await this.accounts.all()) {
      const client = this.accountClient(account);
      if (client) found.push({ label: account.organId ?? account.agencyId, client });
      else this.logger.warn(`axis account of ${account.organId} skipped: ${account.secretEnv} is not set in this environment`);
    }
    return found;
  }

  /** For an administrator's request: 409 when there is no axis to ask. */
  async required(): Promise<AxisAccount[]> {
    const all = await this.all();
    if (all.length === 0) throw new AppError(409, 'AXIS_NOT_CONFIGURED', 'Chưa cấu hình kết nối trục liên thông (EXCHANGE_AXIS_URL, EXCHANGE_AXIS_SYSTEM_ID, EXCHANGE_AXIS_SECRET hoặc tài khoản trục của cơ quan)');
    return all;
  }

  /** An administrator's request that asks the axis: its failure is 502 AXIS_UNAVAILABLE, never a 500. */
  async asking<T>(work: (accounts: AxisAccount[]) => Promise<T>): Promise<T> {
    const accounts = await this.required();
    try {
      return await work(accounts);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      throw new AppError(502, 'AXIS_UNAVAILABLE', `Trục liên thông không trả lời đúng (the axis failed): ${error.message}`.slice(0, 500));
    }
  }

  private accountClient(account: AxisAccountSettings): AxisClient | null {
    const secret = this.config.axisSecrets?.[account.secretEnv];
    return secret ? new AxisClient({ url: account.url, systemId: account.systemId, secret }) : null;
  }
}
