import { Injectable, Logger } from '@nestjs/common';
import { FileService, JobName, JobOutbox, JobPayloads, MediaType, OnJob } from '@eoffice/core';
import { type BuiltPackage, buildPackage, EdxmlRefusal, type EdxmlAttachment, type EdxmlHeader } from '@eoffice/exchange';
import { SigningCertificateService } from '../certificates';
import { OutgoingRecipientRepository } from '../outgoing';
import { headerOf } from './edxml-mapping';
import { ExchangeRepository, SendingContext } from './exchange.repository';
import { ExchangeRevisionRepository } from './exchange-revision.repository';
import { ExchangeTransport, TransportError } from './exchange-transport';

/**
 * The worker's side of dispatch to a directory agency: build the edXML package of the issued
 * document (the agency-signed PDF byte for byte, then the appendices), sign it with the agency's
 * organisation certificate and hand it to the transport. Delivered once: the package row is
 * keyed on its DocumentId, a sent package is not sent again, and the receiver is idempotent on it.
 */
@Injectable()
export class ExchangeSenderService {
  private readonly logger = new Logger(ExchangeSenderService.name);

  constructor(
    private readonly exchange: ExchangeRepository,
    private readonly recipients: OutgoingRecipientRepository,
    private readonly files: FileService,
    private readonly keyring: SigningCertificateService,
    private readonly transport: ExchangeTransport,
    private readonly outbox: JobOutbox,
    private readonly revisions: ExchangeRevisionRepository,
  ) {}

  @OnJob(JobName.exchangeSend)
  async send({ recipientId }: JobPayloads[typeof JobName.exchangeSend]): Promise<string> {
    const ctx = await this.exchange.sendingContext(recipientId);
    if (!ctx?.numberSymbol || !ctx.issuedAt || !ctx.issuedFileId) return 'nothing to send';
    if (ctx.recalledAt) return 'recalled';
    if (ctx.confidentiality !== 'normal') return 'confidential: paper only';
    if (!ctx.agencyOrganId) return this.notSent(ctx, 'Cơ quan gửi chưa có mã định danh (OrganId) (the sending agency has no OrganId)');
    // The directory entry decides the way: another installation, or the national axis (docs/exchange.md).
    const endpoint = await this.transport.endpointFor(ctx.endpointKind, ctx.endpointUrl, ctx.agencyOrganId);
    if (!endpoint) return this.notSent(ctx, `Cơ quan nhận chưa có điểm kết nối liên thông (endpoint ${ctx.endpointKind ?? 'none'})`);
    const header = headerOf({ ...ctx, agencyOrganId: ctx.agencyOrganId, numberSymbol: ctx.numberSymbol, issuedAt: ctx.issuedAt });
    const pkg = await this.exchange.sentPackage(ctx, ctx.agencyOrganId, header);
    if (pkg.state === 'sent') return 'already sent';
    let built;
    try {
      built = await this.build(ctx, header);
    } catch (error) {
      // A header this side cannot write (a field over its length): retrying changes nothing.
      if (!(error instanceof EdxmlRefusal)) throw error;
      await this.exchange.markPackage(pkg.id, 'failed', error.message);
      return this.notSent(ctx, error.message, 'failed');
    }
    try {
      const route = { kind: ctx.endpointKind, from: ctx.agencyOrganId, to: ctx.recipientOrganId, documentId: header.documentId, packageId: pkg.id };
      const answer = await this.transport.sendPackage(endpoint, built.contentType, built.body, route);
      await this.exchange.markPackage(pkg.id, 'sent', null);
      await this.recipients.markPackageDelivered(recipientId);
      this.logger.log(`package ${header.documentId} → ${ctx.recipientOrganId}: stored as ${answer.receipt ?? '?'}`);
      await this.afterDelivery(ctx, pkg.id);
      return answer.receipt ?? 'sent';
    } catch (error) {
      const message = String(error instanceof Error ? error.message : error).slice(0, 500);
      const refused = error instanceof TransportError && error.kind === 'refused';
      await this.exchange.markPackage(pkg.id, refused ? 'failed' : 'queued', message);
      const current = await this.recipients.findById(recipientId);
      await this.recipients.update(recipientId, { delivery: 'failed', attempts: (current?.attempts ?? 0) + 1, lastError: message });
      if (refused) return `refused: ${message}`;
      throw error;
    }
  }

  /** The signed package of an issued document with this header (a new one, or an update of it). */
  async build(ctx: SendingContext, header: EdxmlHeader): Promise<BuiltPackage> {
    const signer = await this.keyring.organisationSigner(ctx.agencyId);
    return buildPackage({
      header,
      traces: [{ organId: header.from.organId, timestamp: new Date().toISOString() }],
      attachments: await this.attachmentsOf(ctx),
      signer: { privateKey: signer.credentials.privateKey, certificatePem: signer.certificate.certificatePem },
    });
  }

  private async notSent(ctx: SendingContext, reason: string, delivery: 'not_sent' | 'failed' = 'not_sent'): Promise<string> {
    await this.recipients.update(ctx.recipientId, { delivery, lastError: reason.slice(0, 500) });
    this.logger.warn(`package for recipient ${ctx.recipientId} not sent: ${reason}`);
    return reason;
  }

  /** `15_QĐ-SGDĐT.pdf`, then `15_QĐ-SGDĐT_PL1.pdf`…: the bytes the agency signed, unchanged. */
  private async attachmentsOf(ctx: SendingContext): Promise<EdxmlAttachment[]> {
    const name = ctx.numberSymbol!.replace('/', '_');
    const files = [{ name: `${name}.pdf`, fileId: ctx.issuedFileId! }];
    for (const appendix of await this.exchange.issuedAppendices(ctx.documentId)) files.push({ name: `${name}_PL${appendix.position}.pdf`, fileId: appendix.fileId });
    return Promise.all(files.map(async (f) => ({ name: f.name, contentType: MediaType.pdf, bytes: await this.files.readBytes(f.fileId) })));
  }

  /**
   * What happened while the package was on its way. Recalled: the recall job saw no delivered
   * package, so the recall (13) goes now. Corrected: the correction held an update for it, queued if
   * the package left with the older header, else included in it.
   */
  private async afterDelivery(sent: SendingContext, packageId: string): Promise<void> {
    const now = await this.exchange.sendingContext(sent.recipientId);
    const stale = !!now && (now.subject !== sent.subject || now.urgency !== sent.urgency);
    await this.outbox.transaction(async (m) => {
      if (now?.recalledAt) await this.outbox.add(m, JobName.exchangeRecall, { recipientId: sent.recipientId }, { priority: 1 });
      for (const updateId of await this.revisions.settleHeldUpdates(m, packageId, stale)) {
        await this.outbox.add(m, JobName.exchangeUpdateSend, { updateId }, updatePriority(now!.urgency));
      }
    });
  }
}

/** Urgent documents' update packages go before the queue's others. */
export function updatePriority(urgency: string): { priority?: number } {
  return urgency !== 'normal' ? { priority: 1 } : {};
}
