import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService, JobName, JobOutbox, OnJob } from '@eoffice/core';
import { AxisClient, type AxisMessageType, type AxisReceivedEntry } from './axis-client';
import { AxisAccount, AxisConnection } from './axis-connection';
import { AxisPollService } from './axis-poll.service';
import { AxisDiscrepancy, AxisRepository } from './axis.repository';

export interface AxisReconciliation {
  runId: string;
  /** Packages the axis holds for us that we had not taken: fetched now. */
  missingHere: number;
  /** Packages we sent that the axis no longer lists: queued to be sent again. */
  missingOnAxis: number;
  /** Status messages the axis lists for us (about packages we sent) that we had not applied: applied now. */
  statusesMissingHere: number;
  /** Status messages we sent that the axis no longer lists: queued to be sent again, in their order. */
  statusesMissingOnAxis: number;
  failed: number;
}

/**
 * Đối soát: our packages and status messages against the axis's lists. A message the axis lists for
 * us (acknowledged or not) that we never took is fetched through the receiving loop — a status is
 * applied as if it had come in time, idempotently —; one we sent that `getSentEdocList` does not
 * list is sent again through the outbox (the receiver recognises a copy it has; a status leaves again
 * in its package's order). Each finding is a row the administrator sees
 * (`GET /exchange/axis/discrepancies`) and an audit entry.
 */
@Injectable()
export class AxisReconcileService {
  private readonly logger = new Logger(AxisReconcileService.name);

  constructor(
    private readonly connection: AxisConnection,
    private readonly axis: AxisRepository,
    private readonly poll: AxisPollService,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditService,
  ) {}

  @OnJob(JobName.exchangeAxisReconcile)
  async scheduled(): Promise<string> {
    const accounts = await this.connection.all();
    if (accounts.length === 0) return 'axis not configured';
    const result = await this.reconcile(accounts, null);
    return `reconciliation ${result.runId}: ${result.missingHere} package(s) and ${result.statusesMissingHere} status(es) fetched, ${result.missingOnAxis} package(s) and ${result.statusesMissingOnAxis} status(es) sent again, ${result.failed} failed`;
  }

  /** Now, for an administrator (409 AXIS_NOT_CONFIGURED without an axis, 502 AXIS_UNAVAILABLE when it fails). */
  runNow(actorId: string): Promise<AxisReconciliation> {
    return this.connection.asking((accounts) => this.reconcile(accounts, actorId));
  }

  discrepancies(limit: number): Promise<AxisDiscrepancy[]> {
    return this.axis.discrepancies(limit);
  }

  /** Over every system of ours (the installation's and each agency's own account): what one sent is listed by that one only. */
  private async reconcile(accounts: AxisAccount[], actorId: string | null): Promise<AxisReconciliation> {
    const result: AxisReconciliation = { runId: randomUUID(), missingHere: 0, missingOnAxis: 0, statusesMissingHere: 0, statusesMissingOnAxis: 0, failed: 0 };
    // Every list of every system before anything is changed: a failing axis leaves nothing half-compared.
    const lists = await Promise.all(accounts.map(async ({ client }) => {
      const [packagesForUs, packagesWaiting, statusesForUs, statusesWaiting, sentByUs] = await Promise.all([
        client.receivedList('edoc', true), client.receivedList('edoc'), client.receivedList('status', true), client.receivedList('status'), client.sentList(),
      ]);
      return { client, packagesForUs, packagesWaiting, statusesForUs, statusesWaiting, sentByUs };
    }));
    const taken = await this.axis.receivedIds();
    for (const l of lists) {
      // Packages first: a status about a package fetched in the same run finds it.
      result.missingHere += await this.fetchMissing(l.client, 'edoc', l.packagesForUs, l.packagesWaiting, taken, result);
      result.statusesMissingHere += await this.fetchMissing(l.client, 'status', l.statusesForUs, l.statusesWaiting, taken, result);
    }
    const onAxis = new Set(lists.flatMap((l) => l.sentByUs.map((s) => s.senderDocId)));
    for (const sent of (await this.axis.sentPackages()).filter((s) => !onAxis.has(s.axisDocId))) {
      result.missingOnAxis += 1;
      await this.outbox.transaction(async (manager) => {
        const resend = Boolean(sent.recipientId);
        if (resend) {
          await this.axis.markLost(manager, sent.id, sent.packageId);
          await this.outbox.add(manager, JobName.exchangeSend, { recipientId: sent.recipientId! });
        } else result.failed += 1;
        await this.axis.recordDiscrepancy(manager, {
          runId: result.runId, kind: 'missing_on_axis', messageType: 'edoc', axisDocId: sent.axisDocId, packageId: sent.packageId, documentId: sent.documentId,
          action: resend ? 'resent' : 'failed',
          detail: resend ? 'not listed by getSentEdocList: sent again' : 'not listed by getSentEdocList, no recipient to send again to',
        });
      });
    }
    for (const sent of (await this.axis.sentStatuses()).filter((s) => !onAxis.has(s.axisDocId))) {
      result.statusesMissingOnAxis += 1;
      await this.outbox.transaction(async (manager) => {
        const resend = Boolean(sent.statusId);
        if (resend) {
          await this.axis.markStatusLost(manager, sent.id, sent.statusId!);
          await this.outbox.add(manager, JobName.exchangeStatusSend, { packageId: sent.packageId });
        } else result.failed += 1;
        await this.axis.recordDiscrepancy(manager, {
          runId: result.runId, kind: 'missing_on_axis', messageType: 'status', axisDocId: sent.axisDocId, packageId: sent.packageId, documentId: sent.documentId,
          action: resend ? 'resent' : 'failed',
          detail: resend ? `status ${sent.code} not listed by getSentEdocList: sent again` : `status ${sent.code ?? '?'} not listed by getSentEdocList, no status row to send again`,
        });
      });
    }
    const found = result.missingHere + result.missingOnAxis + result.statusesMissingHere + result.statusesMissingOnAxis;
    // Audited when something was found, or when an administrator asked.
    if (found || actorId) await this.outbox.transaction((manager) =>
      this.audit.record(manager, { actorId, action: 'exchange.axis_reconciled', entityType: 'exchange_axis_reconciliation', entityId: result.runId, data: { ...result } }),
    );
    if (found) this.logger.warn(`axis reconciliation ${result.runId}: ${JSON.stringify(result)}`);
    return result;
  }

  /**
   * Messages of one type the axis lists for us that we never took — what still waits is the receiving
   * loop's; what the axis counts as delivered and we never took was lost on our side: fetched now.
   */
  private async fetchMissing(client: AxisClient, messageType: AxisMessageType, listed: AxisReceivedEntry[], waiting: AxisReceivedEntry[], taken: Set<string>, result: AxisReconciliation): Promise<number> {
    const skip = new Set([...taken, ...waiting.map((e) => e.docId)]);
    const missing = listed.filter((e) => !skip.has(e.docId));
    for (const entry of missing) {
      let action: 'fetched' | 'failed' = 'fetched';
      let detail = `${messageType === 'edoc' ? 'package' : 'status'} listed by the axis from ${entry.from ?? '?'}, never taken here`;
      try {
        const outcome = await this.poll.take(client, messageType, entry);
        detail += `: ${outcome}`;
        if (outcome === 'deferred') {
          action = 'failed';
          result.failed += 1;
        }
      } catch (error) {
        action = 'failed';
        result.failed += 1;
        detail += `: ${error instanceof Error ? error.message : String(error)}`;
      }
      await this.axis.recordDiscrepancy(null, { runId: result.runId, kind: 'missing_here', messageType, axisDocId: entry.docId, packageId: null, documentId: null, action, detail });
    }
    return missing.length;
  }
}
