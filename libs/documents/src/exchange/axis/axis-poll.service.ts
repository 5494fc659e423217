import { Injectable, Logger } from '@nestjs/common';
import { AppError, JobName, OnJob } from '@eoffice/core';
import { ExchangeReceiverService } from '../exchange-receiver.service';
import { ExchangeStatusService } from '../exchange-status.service';
import { AxisClient, AxisMessageType, AxisReceivedEntry } from './axis-client';
import { AxisConnection } from './axis-connection';
import { splitEdxmlFile } from './axis-transport';
import { AxisRepository } from './axis.repository';

export type AxisTakeOutcome = 'stored' | 'refused' | 'deferred' | 'acknowledged again';

/**
 * Refusals that depend on our own set-up, not on the message: a sender not (yet) in the directory or
 * without its certificate, a recipient OrganId not (yet) given to one of our agencies. Acknowledging
 * those `fail` would lose the package for good; left unacknowledged, it is taken once the
 * administrator has put the directory right.
 */
const DEFERRED = new Set(['EDXML_SENDER_UNKNOWN', 'EXCHANGE_NOT_OURS']);

/**
 * The receiving loop of the axis (the reference client's): `getReceivedEdocList` → `getEdoc` → the
 * receiver we use for every package (strict parse, signature by the directory's certificate,
 * attachments against the manifest → intake item, idempotent on the package identity) →
 * `updateStatus` only after that committed. A failure anywhere stops the batch: what was
 * acknowledged stays, the rest is listed again at the next poll. A crash between storing and
 * acknowledging finds the package stored (here and in the receiver) and only acknowledges it.
 */
@Injectable()
export class AxisPollService {
  private readonly logger = new Logger(AxisPollService.name);

  constructor(
    private readonly connection: AxisConnection,
    private readonly axis: AxisRepository,
    private readonly receiver: ExchangeReceiverService,
    private readonly statuses: ExchangeStatusService,
  ) {}

  @OnJob(JobName.exchangeAxisPoll)
  async poll(): Promise<string> {
    const accounts = await this.connection.all();
    if (accounts.length === 0) return 'axis not configured';
    const taken: string[] = [];
    // Once per system of ours; a failing one does not keep the others from their messages.
    let failed: unknown = null;
    for (const { label, client } of accounts) {
      try {
        // Packages first: a status about a package that arrives in the same poll finds it.
        const packages = await this.drain(client, 'edoc');
        const statuses = await this.drain(client, 'status');
        taken.push(`${label}: ${packages} package(s), ${statuses} status(es)`);
      } catch (error) {
        this.logger.warn(`axis poll of ${label} failed: ${error instanceof Error ? error.message : String(error)}`);
        failed ??= error;
      }
    }
    if (failed) throw failed;
    return `taken from the axis — ${taken.join('; ')}`;
  }

  private async drain(client: AxisClient, messageType: AxisMessageType): Promise<number> {
    const listed = await client.receivedList(messageType);
    for (const entry of listed) await this.take(client, messageType, entry);
    return listed.length;
  }

  /** One listed message: fetched, stored (or refused) and acknowledged; safe to run again for the same entry. */
  async take(client: AxisClient, messageType: AxisMessageType, entry: AxisReceivedEntry): Promise<AxisTakeOutcome> {
    const known = await this.axis.received(entry.docId);
    if (known) {
      await client.updateStatus(entry.docId, known.state === 'refused' ? 'fail' : 'done');
      await this.axis.markAcknowledged(entry.docId);
      this.logger.log(`axis ${messageType} ${entry.docId}: stored before, acknowledged again`);
      return 'acknowledged again';
    }
    const file = await client.getEdoc(entry.docId);
    let packageId: string | null;
    try {
      packageId = messageType === 'edoc' ? await this.storePackage(file) : await this.applyStatus(file);
    } catch (error) {
      if (!(error instanceof AppError) || error.status >= 500) throw error;
      if (DEFERRED.has(error.code)) {
        this.logger.warn(`axis ${messageType} ${entry.docId} from ${entry.from ?? '?'} left on the axis until the directory knows it: ${error.code} ${error.message}`);
        return 'deferred';
      }
      // Any other refusal is the message's fault: recorded, acknowledged as failed, never fetched again.
      this.logger.warn(`axis ${messageType} ${entry.docId} from ${entry.from ?? '?'} refused: ${error.code} ${error.message}`);
      await this.axis.recordReceived({ axisDocId: entry.docId, messageType, from: entry.from, to: entry.to, packageId: null, state: 'refused', error: `${error.code}: ${error.message}` });
      await client.updateStatus(entry.docId, 'fail');
      await this.axis.markAcknowledged(entry.docId);
      return 'refused';
    }
    await this.axis.recordReceived({ axisDocId: entry.docId, messageType, from: entry.from, to: entry.to, packageId, state: 'stored', error: null });
    await client.updateStatus(entry.docId, 'done');
    await this.axis.markAcknowledged(entry.docId);
    return 'stored';
  }

  private async storePackage(file: Buffer): Promise<string | null> {
    const split = splitEdxmlFile(file);
    if (!split) throw new AppError(422, 'EDXML_MALFORMED', 'Tệp edXML từ trục không có phần đầu MIME (no MIME headers in the .edxml file)');
    const { receipts } = await this.receiver.receive(split.contentType, split.body);
    return receipts[0]?.packageId ?? null;
  }

  private async applyStatus(file: Buffer): Promise<string | null> {
    await this.statuses.receive(file);
    return null;
  }
}
