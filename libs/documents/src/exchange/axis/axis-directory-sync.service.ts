import { Injectable, Logger } from '@nestjs/common';
import { AgencySyncResult, AgencySyncService } from '@eoffice/accounts';
import { JobName, OnJob } from '@eoffice/core';
import { AxisAccount, AxisConnection } from './axis-connection';

/**
 * Danh bạ from the axis: `getAgenciesList` (about 111,000 agencies nationally) into the agency
 * directory, through the same planning as a CSV import (matched by OrganId, else by the 2020 code;
 * both kept; nothing written for an unchanged entry). Our own agencies on the list are skipped.
 */
@Injectable()
export class AxisDirectorySyncService {
  private readonly logger = new Logger(AxisDirectorySyncService.name);

  constructor(
    private readonly connection: AxisConnection,
    private readonly sync: AgencySyncService,
  ) {}

  @OnJob(JobName.exchangeAxisDirectorySync)
  async scheduled(): Promise<string> {
    const [account] = await this.connection.all();
    if (!account) return 'axis not configured';
    const result = await this.synchronise([account], null);
    return `${result.listed} listed: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.skipped} skipped`;
  }

  /** Now, for an administrator (409 AXIS_NOT_CONFIGURED without an axis, 502 AXIS_UNAVAILABLE when it fails). */
  runNow(actorId: string): Promise<AgencySyncResult> {
    return this.connection.asking((client) => this.synchronise(client, actorId));
  }

  /** The national list is the same for every system of ours: the first one asks (the installation's when set). */
  private async synchronise([{ client }]: AxisAccount[], actorId: string | null): Promise<AgencySyncResult> {
    const listed = await client.agencies();
    const result = await this.sync.synchronise(
      listed.map((a) => ({ organId: a.code, agencyCode: a.agencyCode, name: a.name, email: a.mail, phone: a.phone, fax: a.fax, address: a.address, website: a.website })),
      actorId,
      'axis',
    );
    this.logger.log(`agency directory from the axis: ${JSON.stringify(result)}`);
    return result;
  }
}
