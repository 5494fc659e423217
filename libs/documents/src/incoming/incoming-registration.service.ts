import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Actor, Role } from '@eoffice/accounts';
import { AppError, AuditService, FileService, JobName, JobOutbox, MediaType, ReceivedFile, StoredFile } from '@eoffice/core';
import { DueDateService } from '../calendar/due-date.service';
import type { Register } from '../registers/register.entity';
import { RegisterNumberingRepository } from '../registers/register-numbering.repository';
import { RegisterRepository } from '../registers/register.repository';
import { cleanVietnameseText } from '../text/clean-text';
import { vietnamDate, vietnamYear } from '../text/vietnam-date';
import type { IncomingDocument } from './entities/incoming-document.entity';
import { IncomingAccess } from './incoming-access.service';
import { IncomingEventRepository } from './incoming-event.repository';
import type { IncomingFiles, RegisterIncomingInput } from './incoming-input';
import { IncomingRepository } from './incoming.repository';

export interface Registration {
  document: IncomingDocument;
  /** True when the Idempotency-Key had been seen: this is the first registration, returned again. */
  replayed: boolean;
  likelyDuplicateIds: string[];
  /** Khẩn, thượng khẩn, hỏa tốc: to be routed at once (Decree 30 Art. 4). */
  urgent: boolean;
}

/** The scan arrives with the registration, or is a file the clerk already has in the store. */
type ScanSource = { received: ReceivedFile } | { stored: StoredFile };

/** Vào sổ văn bản đến: the clerk registers a received document and it gets the next số đến. */
@Injectable()
export class IncomingRegistrationService {

  constructor(
    private readonly access: IncomingAccess,
    private readonly documents: IncomingRepository,
    private readonly events: IncomingEventRepository,
    private readonly registers: RegisterRepository,
    private readonly numbering: RegisterNumberingRepository,
    private readonly files: FileService,
    private readonly audit: AuditService,
    private readonly dueDates: DueDateService,
    private readonly outbox: JobOutbox,
  ) {}

  async register(actor: Actor, input: RegisterIncomingInput, files: IncomingFiles, idempotencyKey?: string): Promise<Registration> {
    this.access.requireRole(actor, Role.clerk);
    if (idempotencyKey) {
      const earlier = await this.documents.findByIdempotencyKey(actor.id, idempotencyKey);
      if (earlier) return { document: earlier, replayed: true, likelyDuplicateIds: [], urgent: earlier.urgency !== 'normal' };
    }
    const agencyId = await this.access.agencyIdOf(actor);
    const register = await this.pickRegister(agencyId, input);
    const values = this.documentValues(input);
    const scanSource = await this.scanSource(actor, input, files);
    const duplicates = await this.documents.findLikelyDuplicates(agencyId, values.sourceNumberSymbol, values.sourceDate);
    const document = await this.outbox.transaction(async (manager) => {
      const inserted = await this.insert(manager, actor, { ...values, agencyId, registerId: register.id, idempotencyKey: idempotencyKey ?? null }, scanSource, files);
      // The worker makes an image scan into a PDF and puts the scan's words into search.
      await this.outbox.add(manager, JobName.incomingScanIngest, { documentId: inserted.id });
      return inserted;
    });
    return { document, replayed: false, likelyDuplicateIds: duplicates.map((d) => d.id), urgent: document.urgency !== 'normal' };
  }

  /**
   * Exactly one of the `scan` part and `metadata.scanFileId`. A named file must be the clerk's own
   * (made by their POST /scans or uploaded by them) and a PDF; anyone else's file is "not found".
   */
  private async scanSource(actor: Actor, input: RegisterIncomingInput, files: IncomingFiles): Promise<ScanSource> {
    if (files.scan && input.scanFileId) {
      throw AppError.validation('Gửi tệp quét hoặc scanFileId, không gửi cả hai (scan part or scanFileId, not both)', [
        { field: 'metadata.scanFileId', message: 'not together with a scan part' },
      ]);
    }
    if (files.scan) return { received: files.scan };
    if (!input.scanFileId) {
      throw AppError.validation('Thiếu tệp "scan" hoặc scanFileId (missing scan)', [{ field: 'scan', message: 'a scan part or metadata.scanFileId is required' }]);
    }
    const stored = await this.files.find(input.scanFileId);
    if (!stored || stored.uploadedBy !== actor.id) {
      throw new AppError(400, 'SCAN_FILE_INVALID', 'Không có tệp quét này trong các tệp của bạn (no such scan file of yours)', [
        { field: 'metadata.scanFileId', message: 'not a file you scanned or uploaded' },
      ]);
    }
    if (stored.mimeType !== MediaType.pdf) {
      throw new AppError(400, 'SCAN_FILE_INVALID', 'Tệp quét phải là PDF (the scan file must be a PDF)', [
        { field: 'metadata.scanFileId', message: `a ${stored.mimeType} file, not a PDF` },
      ]);
    }
    return { stored };
  }

  private async insert(manager: EntityManager, actor: Actor, values: Partial<IncomingDocument>, scanSource: ScanSource, files: IncomingFiles) {
    const year = vietnamYear(values.receivedAt!);
    const incomingNumber = await this.numbering.takeNext(manager, values.registerId!, year);
    const scan = 'stored' in scanSource ? scanSource.stored : await this.files.record(scanSource.received, actor.id, manager);
    const original = files.original ? await this.files.record(files.original, actor.id, manager) : null;
    const document = await this.documents.insert(manager, {
      ...values,
      year,
      incomingNumber,
      status: 'registered',
      scanFileId: scan.id,
      originalFileId: original?.id ?? null,
      registeredBy: actor.id,
    });
    await this.events.append(manager, {
      documentId: document.id,
      actorId: actor.id,
      action: 'register',
      fromStatus: null,
      toStatus: 'registered',
      note: null,
      data: { incomingNumber, year, registerId: document.registerId },
    });
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'incoming.registered',
      entityType: 'incoming_document',
      entityId: document.id,
      data: { incomingNumber, year, registerId: document.registerId, scanSha256: scan.sha256, originalSha256: original?.sha256 },
    });
    return document;
  }

  /** Confidential documents go to a confidential register (Decree 30 Art. 15.2, 22). */
  private async pickRegister(agencyId: string, input: RegisterIncomingInput): Promise<Register> {
    const confidential = input.confidentiality !== 'normal';
    const register = input.registerId
      ? await this.registers.findById(input.registerId)
      : await this.registers.findDefault(agencyId, 'incoming', confidential);
    if (!register || register.agencyId !== agencyId || register.kind !== 'incoming' || !register.active) {
      throw new AppError(400, 'REGISTER_INVALID', 'Sổ văn bản đến không hợp lệ cho cơ quan này (no such incoming register)');
    }
    if (register.confidential !== confidential) {
      throw new AppError(400, 'REGISTER_INVALID', 'Văn bản mật phải vào sổ mật và ngược lại (confidentiality does not match the register)');
    }
    return register;
  }

  private documentValues(input: RegisterIncomingInput): Partial<IncomingDocument> & { sourceNumberSymbol: string; sourceDate: string } {
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 5 * 60_000) {
      throw AppError.validation('Ngày đến không thể ở tương lai (receivedAt is in the future)', [{ field: 'receivedAt', message: 'in the future' }]);
    }
    if (input.sourceDate > vietnamDate(receivedAt)) {
      throw AppError.validation('Ngày văn bản sau ngày đến (sourceDate after receipt)', [{ field: 'sourceDate', message: 'after receivedAt' }]);
    }
    const clean = (value: string, field: string) => cleanVietnameseText(value, field, { convertLegacy: input.convertLegacyText });
    return {
      sourceNumberSymbol: clean(input.sourceNumberSymbol, 'sourceNumberSymbol').replace(/\s/g, ''),
      sourceDate: input.sourceDate,
      issuingAuthority: clean(input.issuingAuthority, 'issuingAuthority'),
      documentType: clean(input.documentType, 'documentType'),
      subject: clean(input.subject, 'subject'),
      urgency: input.urgency,
      confidentiality: input.confidentiality,
      receivedVia: input.receivedVia,
      receivedAt,
      dueDate: this.dueDates.resolve(vietnamDate(receivedAt), input.dueDate, input.dueInWorkingDays),
      pageCount: input.pageCount ?? null,
    };
  }
}
