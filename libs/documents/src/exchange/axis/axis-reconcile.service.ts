import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AuditService, JobName, JobOutbox, OnJob } from '@eoffice/core';
import { AxisClient } from './axis-client';
import { AxisConnection } from './axis-connection';
import { AxisPollService } from './axis-poll.service';
import { AxisDiscrepancy, AxisRepository } from './axis.repository';

export interface AxisReconciliation {
  runId: string;
  /** Packages the axis holds for us that we had not taken: fetched now. */
  missingHere: number;
  /** Packages we sent that the axis no longer lists: queued to be sent again. */
  missingOnAxis: number;
  failed: number;
}

/**
 * Đối soát: our packages against the axis's lists. A package the axis lists for us (acknowledged or
 * not) that we never took is fetched through the receiving loop; one we sent that `getSentEdocList`
 * does not list is sent again through the outbox (the receiver recognises a copy it has). Each finding
 * is a row the administrator sees (`GET /exchange/axis/discrepancies`) and an audit entry.
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
    const client = this.connection.client();
    if (!client) return 'axis not configured';
    const result = await this.reconcile(client, null);
    return `reconciliation ${result.runId}: ${result.missingHere} fetched, ${result.missingOnAxis} sent again, ${result.failed} failed`;
  }

  /** Now, for an administrator (409 AXIS_NOT_CONFIGURED without an axis, 502 AXIS_UNAVAILABLE when it fails). */
  runNow(actorId: string): Promise<AxisReconciliation> {
    return this.connection.asking((client) => this.reconcile(client, actorId));
  }

  discrepancies(limit: number): Promise<AxisDiscrepancy[]> {
    return this.axis.discrepancies(limit);
  }

  private async reconcile(client: AxisClient, actorId: string | null): Promise<AxisReconciliation> {
    const result: AxisReconciliation = { runId: randomUUID(), missingHere: 0, missingOnAxis: 0, failed: 0 };
    // Both lists before anything is changed: a failing axis leaves nothing half-compared.
    const [listedForUs, waiting, sentByUs] = await Promise.all([client.receivedList('edoc', true), client.receivedList('edoc'), client.sentList()]);
    // What still waits is the receiving loop's; what the axis counts as delivered and we never took is lost here.
    const skip = new Set([...(await this.axis.receivedIds()), ...waiting.map((e) => e.docId)]);
    for (const entry of listedForUs.filter((e) => !skip.has(e.docId))) {
      result.missingHere += 1;
      let action: 'fetched' | 'failed' = 'fetched';
      let detail = `listed by the axis from ${entry.from ?? '?'}, never taken here`;
      try {
        const outcome = await this.poll.take(client, 'edoc', entry);
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
      await this.axis.recordDiscrepancy(null, { runId: result.runId, kind: 'missing_here', axisDocId: entry.docId, packageId: null, documentId: null, action, detail });
    }
    const onAxis = new Set(sentByUs.map((s) => s.senderDocId));
    for (const sent of (await this.axis.sentPackages()).filter((s) => !onAxis.has(s.axisDocId))) {
      result.missingOnAxis += 1;
      await this.outbox.transaction(async (manager) => {
        const resend = Boolean(sent.recipientId);
        if (resend) {
          await this.axis.markLost(manager, sent.id, sent.packageId);
          await this.outbox.add(manager, JobName.exchangeSend, { recipientId: sent.recipientId! });
        } else result.failed += 1;
        await this.axis.recordDiscrepancy(manager, {
          runId: result.runId,
          kind: 'missing_on_axis',
          axisDocId: sent.axisDocId,
          packageId: sent.packageId,
          documentId: sent.documentId,
          action: resend ? 'resent' : 'failed',
          detail: resend ? 'not listed by getSentEdocList: sent again' : 'not listed by getSentEdocList, no recipient to send again to',
        });
      });
    }
    // Audited when something was found, or when an administrator asked.
    if (result.missingHere || result.missingOnAxis || actorId) await this.outbox.transaction((manager) =>
      this.audit.record(manager, { actorId, action: 'exchange.axis_reconciled', entityType: 'exchange_axis_reconciliation', entityId: result.runId, data: { ...result } }),
    );
    if (result.missingHere || result.missingOnAxis) this.logger.warn(`axis reconciliation ${result.runId}: ${JSON.stringify(result)}`);
    return result;
  }
}
