import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError } from '@eoffice/core';
import { TransportError } from '../exchange-transport';
import { AxisClient } from './axis-client';

/**
 * The installation's connection to the national axis: its URL, `systemId` and `secret` come from
 * the environment (EXCHANGE_AXIS_*), once for the installation — every agency of ours is one OrganId
 * of that system. A directory entry's own URL is never used for the axis: the secret goes only to the
 * configured address.
 */
@Injectable()
export class AxisConnection {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  get configured(): boolean {
    return Boolean(this.config.EXCHANGE_AXIS_URL && this.config.EXCHANGE_AXIS_SYSTEM_ID && this.config.EXCHANGE_AXIS_SECRET);
  }

  /** The axis URL, or null when the axis is not configured. */
  url(): string | null {
    return this.configured ? this.config.EXCHANGE_AXIS_URL! : null;
  }

  client(): AxisClient | null {
    if (!this.configured) return null;
    return new AxisClient({ url: this.config.EXCHANGE_AXIS_URL!, systemId: this.config.EXCHANGE_AXIS_SYSTEM_ID!, secret: this.config.EXCHANGE_AXIS_SECRET! });
  }

  /** For an administrator's request: 409 when there is no axis to ask. */
  required(): AxisClient {
    const client = this.client();
    if (!client) throw new AppError(409, 'AXIS_NOT_CONFIGURED', 'Chưa cấu hình kết nối trục liên thông (EXCHANGE_AXIS_URL, EXCHANGE_AXIS_SYSTEM_ID, EXCHANGE_AXIS_SECRET)');
    return client;
  }

  /** An administrator's request that asks the axis: its failure is 502 AXIS_UNAVAILABLE, never a 500. */
  async asking<T>(work: (client: AxisClient) => Promise<T>): Promise<T> {
    const client = this.required();
    try {
      return await work(client);
    } catch (error) {
      if (!(error instanceof TransportError)) throw error;
      throw new AppError(502, 'AXIS_UNAVAILABLE', `Trục liên thông không trả lời đúng (the axis failed): ${error.message}`.slice(0, 500));
    }
  }
}
