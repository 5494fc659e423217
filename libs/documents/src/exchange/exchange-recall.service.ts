import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OrganisationScope } from '@eoffice/accounts';
import { AuditService, JobName, JobOutbox, JobPayloads, OnJob } from '@eoffice/core';
import { buildStatus, type EdxmlStatus } from '@eoffice/exchange';
import { SigningCertificateService } from '../certificates';
import { IncomingDeliveryService } from '../incoming';
import { NotificationRepository } from '../notifications';
import { ExchangeRecallRepository, ReceivedCopy } from './exchange-recall.repository';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeTransport, TransportError } from './exchange-transport';

const CLOSED_COPY = 'Văn bản đã được giải quyết xong, không thu hồi được (the copy is closed already)';

/**
 * Thu hồi văn bản liên thông (QCVN 102 status 13, answered 15 accepted / 16 refused).
 *
 * Sender's side: the outgoing recall (OutgoingDispatchService.recall) writes one `exchange-recall`
 * job per agency recipient; this sends a signed 13 about the package that recipient received —
 * queued once per package, so retries and a second job send the same message.
 *
 * Receiver's side: a 13 signed by the agency that sent us the package recalls our copy — the
 * intake item if it is not registered yet (state `recalled`, the clerks are told), else the
 * incoming document (its handlers and clerks are told through the usual `recalled` notification).
 * A copy already closed stays, and the answer is 16 with the reason; otherwise 15. The answer leaves
 * through the same queue as every status of that package, after what was reported before it.
 */
@Injectable()
export class ExchangeRecallService {
  private readonly logger = new Logger(ExchangeRecallService.name);

  constructor(
    private readonly recalls: ExchangeRecallRepository,
    private readonly exchange: ExchangeRepository,
    private readonly outbox: JobOutbox,
    private readonly keyring: SigningCertificateService,
    private readonly transport: ExchangeTransport,
    private readonly delivery: IncomingDeliveryService,
    private readonly notifications: NotificationRepository,
    private readonly organisation: OrganisationScope,
    private readonly audit: AuditService,
  ) {}

  @OnJob(JobName.exchangeRecall)
  async send({ recipientId }: JobPayloads[typeof JobName.exchangeRecall]): Promise<string> {
    const pkg = await this.recalls.sentPackageOf(recipientId);
    if (!pkg) return 'no package: nothing was sent to recall';
    // Not delivered (yet): the send job sees the recall and stops; one that delivers meanwhile queues this job again.
    if (pkg.state !== 'sent') return `package ${pkg.state}: nothing delivered to recall`;
    if (!pkg.recalledAt) return 'not recalled';
    if (pkg.endpointKind !== 'installation' || !pkg.endpointUrl) return `recipient has no exchange endpoint (${pkg.endpointKind ?? 'none'})`;
    const reason = (pkg.recallReason ?? 'Thu hồi văn bản').slice(0, 500);
    await this.outbox.transaction(async (manager) => {
      if (!(await this.exchange.queueStatus(manager, pkg.id, '13', reason, pkg.recalledAt!))) return;
      await this.recalls.showOnRecipient(manager, recipientId, '13', pkg.recalledAt!);
      await this.audit.record(manager, {
        actorId: null,
        action: 'exchange.recall_queued',
        entityType: 'outgoing_document',
        entityId: pkg.outgoingId,
        data: { packageId: pkg.id, documentId: pkg.header.documentId, to: pkg.header.to.map((t) => t.organId) },
      });
    });
    const status = await this.recalls.sentStatus(pkg.id, '13');
    if (!status || status.state === 'sent') return 'recall already sent';
    const h = pkg.header;
    const signer = await this.keyring.organisationSigner(pkg.agencyId);
    const xml = buildStatus(
      {
        responseFor: { organId: h.from.organId, code: `${h.code.number}/${h.code.notation}`, promulgationDate: h.promulgation.date, documentId: h.documentId },
        from: { organId: pkg.senderOrganId, organName: pkg.agencyName.slice(0, 200) },
        code: '13',
        description: status.description ?? undefined,
        timestamp: new Date(status.occurredAt).toISOString(),
      },
      { privateKey: signer.credentials.privateKey, certificatePem: signer.certificate.certificatePem },
    );
    try {
      await this.transport.sendStatus(pkg.endpointUrl, xml);
      await this.exchange.markStatus(status.id, true, null);
      return `recall (13) of ${h.documentId} sent`;
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error).slice(0, 500);
      await this.exchange.markStatus(status.id, false, message);
      if (error instanceof TransportError && error.kind === 'refused') {
        this.logger.error(`recall of ${h.documentId} refused by ${h.to[0]?.organId}: ${message}`);
        return `refused: ${message}`;
      }
      throw error;
    }
  }

  /** A 13 whose signature checked out: only the agency that sent us the document can recall it. */
  async receive(status: EdxmlStatus, occurredAt: Date): Promise<{ applied: boolean }> {
    const sender = status.from.organId;
    if (status.responseFor.organId !== sender) {
      this.logger.warn(`recall from ${sender} of a document of ${status.responseFor.organId}: dropped`);
      return { applied: false };
    }
    const copies = await this.recalls.receivedCopies(sender, status.responseFor.documentId);
    if (copies.length === 0) {
      this.logger.warn(`recall from ${sender} of a package never received (${status.responseFor.documentId}): dropped`);
      return { applied: false };
    }
    const reason = status.description?.trim() || 'Cơ quan gửi thu hồi văn bản';
    let applied = false;
    for (const copy of copies) {
      const recalledItem = await this.outbox.transaction((manager) => this.recallCopy(manager, copy, reason, occurredAt));
      if (recalledItem === undefined) continue;
      applied = true;
      if (recalledItem) await this.tellClerks(copy, recalledItem.title, reason);
    }
    this.logger.log(`recall (13) from ${sender} for ${status.responseFor.documentId}${applied ? '' : ' (already applied)'}`);
    return { applied };
  }

  /** One copy, in one transaction: the 13 recorded once, the copy recalled, the answer queued. Undefined: seen before. */
  private async recallCopy(manager: EntityManager, copy: ReceivedCopy, reason: string, occurredAt: Date): Promise<{ title: string } | null | undefined> {
    if (!(await this.recalls.recordReceived(manager, copy.id, '13', reason, occurredAt))) return undefined;
    const found = copy.intakeItemId ? await this.recalls.lockCopy(manager, copy.intakeItemId) : null;
    let answer: { code: '15' | '16'; description: string | null } = { code: '15', description: null };
    let recalledItem: { title: string } | null = null;
    if (found?.incomingId) {
      const eventId = await this.delivery.recall(manager, null, found.incomingId, reason);
      if (eventId) await this.outbox.add(manager, JobName.incomingNotify, { documentId: found.incomingId, eventId });
      else if (found.incomingStatus === 'closed') answer = { code: '16', description: CLOSED_COPY };
    } else if (found && (await this.recalls.recallIntakeItem(manager, copy.intakeItemId!, reason))) {
      recalledItem = { title: found.title };
    }
    await this.exchange.queueStatus(manager, copy.id, answer.code, answer.description, new Date());
    await this.outbox.add(manager, JobName.exchangeStatusSend, { packageId: copy.id });
    await this.audit.record(manager, {
      actorId: null,
      action: 'exchange.recall_received',
      entityType: found?.incomingId ? 'incoming_document' : 'intake_item',
      entityId: found?.incomingId ?? copy.intakeItemId ?? copy.id,
      data: { packageId: copy.id, reason, answer: answer.code, intakeItemRecalled: recalledItem !== null },
    });
    return recalledItem;
  }

  /** Called by the status scan: an incoming copy registered while its recall was being applied is recalled now. */
  async settleRaces(limit: number): Promise<number> {
    let settled = 0;
    for (const copy of await this.recalls.recalledButOpen(limit)) {
      await this.outbox.transaction(async (manager) => {
        const eventId = await this.delivery.recall(manager, null, copy.incomingId, copy.reason ?? 'Cơ quan gửi thu hồi văn bản');
        if (!eventId) return;
        await this.outbox.add(manager, JobName.incomingNotify, { documentId: copy.incomingId, eventId });
        await this.audit.record(manager, { actorId: null, action: 'exchange.recall_received', entityType: 'incoming_document', entityId: copy.incomingId, data: { packageId: copy.packageId, registeredDuringRecall: true } });
        settled += 1;
      });
    }
    return settled;
  }

  /** Nobody handles an item before vào sổ but the agency's clerks: they hear it left their queue. */
  private async tellClerks(copy: ReceivedCopy, title: string, reason: string): Promise<void> {
    const clerks = await this.organisation.clerkIdsOf(copy.agencyId);
    const text = `Nơi gửi đã thu hồi văn bản chờ vào sổ: ${title} — Lý do: ${reason}`.slice(0, 1200);
    await this.notifications.insertNew(clerks.map((userId) => ({ userId, kind: 'intake_recalled', title: text, dedupeKey: `intake-recalled:${copy.intakeItemId}` })));
  }
}
