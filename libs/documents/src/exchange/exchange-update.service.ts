import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, JobName, JobOutbox, JobPayloads, OnJob } from '@eoffice/core';
import { BUSINESS_DOC_TYPE, EdxmlRefusal } from '@eoffice/exchange';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import type { Urgency } from '../marks';
import { OutgoingRepository, OutgoingWorkflow } from '../outgoing';
import { headerOf } from './edxml-mapping';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeRevisionRepository } from './exchange-revision.repository';
import { ExchangeSenderService, updatePriority } from './exchange-sender.service';
import { ExchangeTransport, TransportError } from './exchange-transport';

export interface ExchangeCorrectionInput {
  reason: string;
  subject?: string;
  urgency?: Urgency;
}

export interface ExchangeCorrection {
  documentId: string;
  changes: { subject?: string; urgency?: Urgency };
  /**
   * The directory agencies an update package goes to: those the package reached already, and those
   * it is on its way to (the update follows it if it left before the correction).
   */
  queuedFor: string[];
}

/** The fingerprint a correction is recorded once by (both sides): what it says, not when it was sent. */
export function correctionFingerprint(changes: object, reason: string): string {
  return createHash('sha256').update(JSON.stringify({ changes, reason })).digest('hex');
}

/**
 * Văn bản cập nhật (edXML BussinessDocType 2), the sender's side: the clerk corrects the metadata
 * of an issued document (trích yếu, độ khẩn) with a reason; the document is corrected, audited, and
 * each directory agency that already has the package gets an update package under the same
 * DocumentId, through the outbox. Agencies whose package has not left yet get the corrected
 * metadata in the package itself.
 */
@Injectable()
export class ExchangeUpdateService {
  private readonly logger = new Logger(ExchangeUpdateService.name);

  constructor(
    private readonly workflow: OutgoingWorkflow,
    private readonly documents: OutgoingRepository,
    private readonly revisions: ExchangeRevisionRepository,
    private readonly exchange: ExchangeRepository,
    private readonly sender: ExchangeSenderService,
    private readonly transport: ExchangeTransport,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditService,
  ) {}

  async correct(actor: Actor, id: string, input: ExchangeCorrectionInput): Promise<ExchangeCorrection> {
    return this.workflow.asClerk(actor, id, async (document, manager) => {
      const reason = cleanVietnameseText(input.reason, 'reason');
      if (!['issued', 'dispatched'].includes(document.status) || document.recalledAt || document.replacedById) {
        throw new AppError(409, 'EXCHANGE_UPDATE_NOT_ALLOWED', 'Chỉ cập nhật được văn bản đã ban hành, chưa thu hồi và chưa bị thay thế (the document is not issued, or is recalled or replaced)');
      }
      const changes: ExchangeCorrection['changes'] = {};
      const subject = input.subject === undefined ? undefined : cleanVietnameseText(input.subject, 'subject');
      if (subject !== undefined && subject !== document.subject) changes.subject = subject;
      if (input.urgency !== undefined && input.urgency !== document.urgency) changes.urgency = input.urgency;
      if (Object.keys(changes).length === 0) throw AppError.validation('Không có thông tin nào thay đổi (nothing to correct)', [{ field: 'subject', message: 'unchanged' }]);
      await this.documents.update(manager, id, changes);
      const packages = await this.revisions.correctablePackagesOf(id, manager);
      const fingerprint = correctionFingerprint({ ...changes, at: new Date().toISOString() }, reason);
      for (const p of packages) {
        // A package not delivered yet may already be built with the old header: the sender settles
        // the held update once it is delivered (queued, or included in the package).
        const state = p.state === 'sent' ? 'queued' : 'held';
        const updateId = await this.revisions.insertUpdate(manager, { packageId: p.id, direction: 'sent', reason, changes, fingerprint, state });
        if (state === 'queued') await this.outbox.add(manager, JobName.exchangeUpdateSend, { updateId: updateId! }, updatePriority(document.urgency));
      }
      const queuedFor = packages.map((p) => p.recipientOrganId);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'outgoing.metadata_corrected',
        entityType: 'outgoing_document',
        entityId: id,
        data: { before: Object.fromEntries(Object.keys(changes).map((k) => [k, document[k as keyof typeof changes]])), after: changes, reason, updatePackagesFor: queuedFor },
      });
      return { documentId: id, changes, queuedFor };
    });
  }

  @OnJob(JobName.exchangeUpdateSend)
  async send({ updateId }: JobPayloads[typeof JobName.exchangeUpdateSend]): Promise<string> {
    const update = await this.revisions.updateToSend(updateId);
    if (!update) return 'unknown update';
    // Sent already, or held / included while its package was on its way (ExchangeSenderService).
    if (update.state !== 'queued') return `already ${update.state}`;
    const ctx = await this.exchange.sendingContext(update.recipientId);
    if (!ctx?.agencyOrganId || !ctx.numberSymbol || !ctx.issuedAt || !ctx.issuedFileId) return 'nothing to update';
    if (ctx.recalledAt) return 'recalled: no update';
    const endpoint = await this.transport.endpointFor(ctx.endpointKind, ctx.endpointUrl, ctx.agencyOrganId);
    if (!endpoint) return `recipient has no exchange endpoint (${ctx.endpointKind ?? 'none'})`;
    const header = headerOf({ ...ctx, agencyOrganId: ctx.agencyOrganId, numberSymbol: ctx.numberSymbol, issuedAt: ctx.issuedAt });
    const updated = { ...header, business: { docType: BUSINESS_DOC_TYPE.updated, reason: update.reason.slice(0, 500), replaces: [] } };
    try {
      const built = await this.sender.build(ctx, updated);
      const route = { kind: ctx.endpointKind, from: ctx.agencyOrganId, to: ctx.recipientOrganId, documentId: header.documentId, packageId: update.packageId };
      await this.transport.sendPackage(endpoint, built.contentType, built.body, route);
      await this.revisions.markUpdate(updateId, 'sent', null);
      this.logger.log(`update of ${header.documentId} → ${ctx.recipientOrganId} sent`);
      return 'update sent';
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error).slice(0, 500);
      const final = error instanceof EdxmlRefusal || (error instanceof TransportError && error.kind === 'refused');
      await this.revisions.markUpdate(updateId, final ? 'failed' : 'queued', message);
      if (final) return `refused: ${message}`;
      throw error;
    }
  }
}
