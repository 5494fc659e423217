import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AgencyDirectoryService } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, AppError, AuditService, FileReceiver, FileService, JobName, JobOutbox, MediaType } from '@eoffice/core';
import { DEFAULT_BOUNDS, EdxmlRefusal, type EdxmlRefusalCode, type ParsedPackage, parsePackage } from '@eoffice/exchange';
import { IntakeReceiptService } from '../intake';
import { proposalOf } from './edxml-mapping';
import { ExchangeRefusalService } from './exchange-refusal.service';
import { ExchangeRepository } from './exchange.repository';
import { ExchangeRevisionRepository } from './exchange-revision.repository';
import { ExchangeRevisionService } from './exchange-revision.service';

export interface PackageReceipt {
  /** Our id of the stored package, one per recipient agency of ours named in To. */
  receipts: { organId: string; packageId: string; intakeItemId: string; replayed: boolean }[];
}

/** How the API answers each refusal: 413 for size, 422 for everything the package says wrong. */
const REFUSAL_STATUS = new Map<EdxmlRefusalCode, number>([
  [413, 'EDXML_TOO_LARGE'],
  [422, 'EDXML_DOCTYPE_REFUSED'],
  [422, 'EDXML_MALFORMED'],
  [422, 'EDXML_FIELD_INVALID'],
  [422, 'EDXML_DUPLICATE_RECIPIENT'],
  [422, 'EDXML_FUTURE_DATE'],
  [422, 'EDXML_SENDER_UNKNOWN'],
  [422, 'EDXML_SIGNATURE_INVALID'],
  [422, 'EDXML_ATTACHMENT_MISMATCH'],
].map(([status, code]) => [code as EdxmlRefusalCode, status as number]));

export function refusalError(error: EdxmlRefusal): AppError {
  return new AppError(REFUSAL_STATUS.get(error.code) ?? 422, error.code, error.message, error.field ? [{ field: error.field, message: error.code }] : undefined);
}

/**
 * Tiếp nhận gói tin edXML: checked strictly (signature against the directory's certificate for the
 * sender, attachments against the signed manifest), then stored and made an intake item before it
 * is acknowledged. Every step is idempotent on (sender, recipient, DocumentId): the intake item's
 * source id and the package row are both unique on it, so a package delivered again — or again after
 * a crash between the item and the row — creates nothing new and is acknowledged the same way.
 */
@Injectable()
export class ExchangeReceiverService {
  private readonly logger = new Logger(ExchangeReceiverService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly exchange: ExchangeRepository,
    private readonly directory: AgencyDirectoryService,
    private readonly intake: IntakeReceiptService,
    private readonly receiver: FileReceiver,
    private readonly files: FileService,
    private readonly outbox: JobOutbox,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly refusals: ExchangeRefusalService,
    private readonly revisions: ExchangeRevisionService,
    private readonly revisionRows: ExchangeRevisionRepository,
  ) {}

  get maxPackageBytes(): number {
    return this.config.EXCHANGE_MAX_PACKAGE_MB * 1024 * 1024;
  }

  async receive(contentType: string, body: Buffer): Promise<PackageReceipt> {
    const parsed = await this.parse(contentType, body);
    const { header } = parsed;
    const ours = await this.exchange.ourAgencies(header.to.map((t) => t.organId));
    if (ours.length === 0) {
      this.logger.warn(`package ${header.documentId} from ${header.from.organId} names none of our agencies`);
      throw new AppError(422, 'EXCHANGE_NOT_OURS', 'Gói tin không gửi cho cơ quan nào của hệ thống này (no recipient agency here)');
    }
    const receipts = [];
    for (const agency of ours) receipts.push(await this.storeFor(agency, parsed, body, contentType));
    return { receipts };
  }

  private async parse(contentType: string, body: Buffer): Promise<ParsedPackage> {
    try {
      return await parsePackage(contentType, body, {
        senderCertificate: async (organId) => (await this.directory.exchangePartner(organId))?.certificatePem ?? null,
        bounds: { ...DEFAULT_BOUNDS, maxPackageBytes: this.maxPackageBytes },
      });
    } catch (error) {
      if (!(error instanceof EdxmlRefusal)) throw error;
      this.logger.warn(`package refused: ${error.code} ${error.message}`);
      // A 02 back to an authenticated sender; the refusal stands whatever happens to it.
      await this.refusals.refused(error).catch((e: unknown) => this.logger.error(`02 for a refused package not queued: ${String(e)}`));
      throw refusalError(error);
    }
  }

  private async storeFor(agency: { id: string; organId: string }, parsed: ParsedPackage, body: Buffer, contentType: string) {
    const { header } = parsed;
    // An update corrects the copy we hold under the same DocumentId instead of making a second one.
    const updated = await this.revisions.updatedCopy(header, agency.organId);
    if (updated) return this.revisions.applyUpdate(agency, updated, header);
    const known = await this.exchange.receivedPackage(header.from.organId, agency.organId, header.documentId);
    if (known?.intakeItemId) return { organId: agency.organId, packageId: known.id, intakeItemId: known.intakeItemId, replayed: true };
    const replaced = await this.revisions.replacedCopy(header, agency.organId);
    const sourceId = `${header.from.organId}|${agency.organId}|${header.documentId}`;
    const files = [];
    for (const a of parsed.attachments) {
      // Typed from the bytes, not from what the sender declared.
      const mimeType = a.bytes.subarray(0, 5).toString('latin1') === '%PDF-' ? MediaType.pdf : 'application/octet-stream';
      const received = await this.receiver.receiveBytes(a.bytes, { mimeType, originalName: a.name });
      files.push({ received, bytes: a.bytes, originalName: a.name, mimeType: received.mimeType, sizeBytes: a.bytes.length, sha256: received.sha256, flags: [] });
    }
    // 01's time is the item's: the clerk may return it (02) before the package row below is written.
    const receivedAt = new Date();
    const item = await this.intake.receive({
      agencyId: agency.id,
      channel: 'edxml',
      sourceId,
      messageId: null,
      sender: header.from.organId,
      senderName: header.from.organName,
      title: header.subject,
      receivedAt,
      state: 'waiting',
      flags: [],
      proposal: proposalOf(header),
      message: null,
      files,
      replacesItemId: replaced?.intakeItemId ?? null,
    });
    // A crash after the item and before the package row: the item is found by its source and the row made now.
    const intakeItemId = item?.id ?? (await this.exchange.intakeItemOf(sourceId));
    if (!intakeItemId) throw new Error(`intake item for ${sourceId} neither made nor found`);
    const packageFile = await this.receiver.receiveBytes([Buffer.from(`Content-Type: ${contentType}\r\n\r\n`), body], { mimeType: 'multipart/related', originalName: 'package.edxml' });
    const stored = await this.outbox.transaction(async (manager) => {
      const file = await this.files.record(packageFile, null, manager);
      const packageId = await this.exchange.insertReceived(manager, { header, recipient: agency.organId, agencyId: agency.id, intakeItemId, packageFileId: file.id, replacesPackageId: replaced?.id ?? null });
      if (!packageId) return null;
      if (replaced) await this.revisionRows.linkIntakeItems(manager, intakeItemId, replaced.intakeItemId);
      // 01 (đã đến): the package is stored; it leaves through the outbox after this commit.
      await this.exchange.queueStatus(manager, packageId, '01', null, receivedAt);
      await this.outbox.add(manager, JobName.exchangeStatusSend, { packageId });
      await this.audit.record(manager, {
        actorId: null,
        action: 'exchange.package_received',
        entityType: 'intake_item',
        entityId: intakeItemId,
        data: { packageId, documentId: header.documentId, from: header.from.organId, to: agency.organId, replacesPackageId: replaced?.id ?? null, attachments: parsed.attachments.map((a) => ({ name: a.name, sha256: a.sha256 })) },
      });
      return packageId;
    });
    const again = stored ?? (await this.exchange.receivedPackage(header.from.organId, agency.organId, header.documentId))?.id;
    this.logger.log(`package ${header.documentId} from ${header.from.organId} → ${agency.organId}: intake item ${intakeItemId}${stored ? '' : ' (already stored)'}`);
    return { organId: agency.organId, packageId: again!, intakeItemId, replayed: !stored };
  }
}
