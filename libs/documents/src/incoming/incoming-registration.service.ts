import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Actor, Role } from '@eoffice/accounts';
import { AppError, FileService, JobName, JobOutbox, MediaType, ReceivedFile, StoredFile } from '@eoffice/core';
import { DueDateService } from '../deadlines';
import type { Register } from '../registers';
import { RegisterRepository } from '../registers';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import { vietnamDate, vietnamYear } from '@eoffice/vietnamese';
import type { IncomingDocument } from './entities/incoming-document.entity';
import { registrationFingerprint } from './idempotency-fingerprint';
import { IncomingAccess } from './incoming-access.service';
import type { IncomingFiles, RegisterIncomingInput } from './incoming-input';
import { IncomingRegistrationRepository, RegistrationFile, RegistrationWrite } from './incoming-registration.repository';
import { IncomingRepository } from './incoming.repository';
import { incomingScanJobId } from './incoming-scan-job';

export interface Registration {
  document: IncomingDocument;
  /** True when the Idempotency-Key had been seen: this is the first registration, returned again. */
  replayed: boolean;
  likelyDuplicateIds: string[];
  /** Khẩn, thượng khẩn, hỏa tốc: to be routed at once (Decree 30 Art. 4). */
  urgent: boolean;
}

/** The document's columns that come from the request, validated and cleaned. */
type RequestValues = Omit<RegistrationWrite['values'], 'scanFileId' | 'originalFileId' | 'idempotencyKey' | 'idempotencyFingerprint'>;

/** The scan arrives with the registration, or is a file the clerk already has in the store. */
type ScanSource = { received: ReceivedFile } | { stored: StoredFile };

/** Vào sổ văn bản đến: the clerk registers a received document and it gets the next số đến. */
@Injectable()
export class IncomingRegistrationService {

  constructor(
    private readonly access: IncomingAccess,
    private readonly documents: IncomingRepository,
    private readonly registrations: IncomingRegistrationRepository,
    private readonly registers: RegisterRepository,
    private readonly files: FileService,
    private readonly dueDates: DueDateService,
    private readonly outbox: JobOutbox,
  ) {}

  async register(actor: Actor, input: RegisterIncomingInput, files: IncomingFiles, idempotencyKey?: string): Promise<Registration> {
    this.access.requireRole(actor, Role.clerk);
    const idempotency = idempotencyKey ? { key: idempotencyKey, fingerprint: registrationFingerprint(input, files) } : null;
    const values = this.documentValues(input);
    const scanSource = await this.scanSource(actor, input, files);
    let written: Awaited<ReturnType<IncomingRegistrationRepository['write']>>;
    try {
      written = await this.write(actor, input, values, scanSource, files, idempotency);
    } catch (error) {
      // The key was used before, or by a request running at the same time: the unique key lets one
      // registration commit and makes the others wait for it; their statements write nothing (no
      // number taken) and they replay it. Looking the key up only on this rare path saves a read
      // on every registration.
      if (idempotency && this.documents.isIdempotencyKeyTaken(error)) {
        const earlier = await this.replay(actor, idempotency);
        if (earlier) return earlier;
      }
      throw error;
    }
    if (!written) {
      const earlier = idempotency ? await this.replay(actor, idempotency) : null;
      if (earlier) return earlier;
      throw await this.refusal(actor, input);
    }
    return this.registered(actor, written);
  }

  /**
   * Vào sổ from the intake (văn bản chờ vào sổ): the item's file is the scan, already stored and
   * checked by the intake. The document carries the item's id, unique, so an item gets one number:
   * a second call — or a concurrent one, whose statement waits for the first to commit and then
   * fails on that column, its number rolled back with it — answers the first registration.
   */
  async registerArrival(actor: Actor, input: RegisterIncomingInput, arrival: { intakeItemId: string; scan: StoredFile }): Promise<Registration> {
    this.access.requireRole(actor, Role.clerk);
    const earlier = await this.documents.findByIntakeItemId(arrival.intakeItemId);
    if (earlier) return { document: earlier, replayed: true, likelyDuplicateIds: [], urgent: earlier.urgency !== 'normal' };
    const values = this.documentValues(input);
    let written: Awaited<ReturnType<IncomingRegistrationRepository['write']>>;
    try {
      written = await this.write(actor, input, values, { stored: arrival.scan }, {}, null, arrival.intakeItemId);
    } catch (error) {
      const first = this.documents.isIntakeItemTaken(error) ? await this.documents.findByIntakeItemId(arrival.intakeItemId) : null;
      if (first) return { document: first, replayed: true, likelyDuplicateIds: [], urgent: first.urgency !== 'normal' };
      throw error;
    }
    if (!written) throw await this.refusal(actor, input);
    return this.registered(actor, written);
  }

  /** After the commit: the worker's job relayed, and the likely duplicates the clerk is warned of. */
  private async registered(actor: Actor, { document, job }: NonNullable<Awaited<ReturnType<IncomingRegistrationRepository['write']>>>): Promise<Registration> {
    // The worker makes an image scan into a PDF and puts the scan's words into search.
    this.outbox.relayCommitted([job]);
    const likelyDuplicateIds = await this.documents.findLikelyDuplicateIds(
      this.access.registrationScope(actor, document.agencyId),
      document.agencyId,
      document.sourceNumberSymbol,
      document.sourceDate,
      document.id,
    );
    return { document, replayed: false, likelyDuplicateIds, urgent: document.urgency !== 'normal' };
  }

  /** The registration's one statement (see IncomingRegistrationRepository); null when it wrote nothing. */
  private write(
    actor: Actor,
    input: RegisterIncomingInput,
    values: RequestValues,
    scanSource: ScanSource,
    files: IncomingFiles,
    idempotency: { key: string; fingerprint: string } | null,
    intakeItemId: string | null = null,
  ) {
    const occurredAt = new Date();
    const documentId = randomUUID();
    const scan = 'stored' in scanSource ? scanSource.stored : { ...scanSource.received, id: randomUUID() };
    const original = files.original ? { ...files.original, id: randomUUID() } : null;
    return this.registrations.write({
      documentId,
      actorId: actor.id,
      registerId: input.registerId ?? null,
      confidential: input.confidentiality !== 'normal',
      year: vietnamYear(values.receivedAt),
      occurredAt,
      intakeItemId,
      values: {
        ...values,
        scanFileId: scan.id,
        originalFileId: original?.id ?? null,
        idempotencyKey: idempotency?.key ?? null,
        idempotencyFingerprint: idempotency?.fingerprint ?? null,
      },
      newFiles: [...('received' in scanSource ? [scan as RegistrationFile] : []), ...(original ? [original] : [])],
      auditData: { scanSha256: scan.sha256, originalSha256: original?.sha256, ...(intakeItemId ? { intakeItemId } : {}) },
      job: { name: JobName.incomingScanIngest, payload: { documentId }, options: { jobId: incomingScanJobId(documentId) } },
    });
  }

  /** Why the statement wrote nothing: the register (the checks of pickRegister), else the clerk was deactivated meanwhile. */
  private async refusal(actor: Actor, input: RegisterIncomingInput): Promise<AppError> {
    try {
      await this.pickRegister(await this.access.agencyIdOf(actor), input);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    return AppError.forbidden();
  }

  /** The clerk's earlier registration under this key, if any; the key with another request is a conflict. */
  private async replay(actor: Actor, idempotency: { key: string; fingerprint: string }): Promise<Registration | null> {
    const earlier = await this.documents.findByIdempotencyKey(actor.id, idempotency.key);
    if (!earlier) return null;
    // Registrations from before fingerprints were kept have none: they replay as they always did.
    if (earlier.idempotencyFingerprint !== null && earlier.idempotencyFingerprint !== idempotency.fingerprint) {
      const message = 'Idempotency-Key này đã dùng cho một yêu cầu khác; hãy dùng khóa mới (the key was used for a different request)';
      throw AppError.conflict('IDEMPOTENCY_KEY_REUSED', message);
    }
    return { document: earlier, replayed: true, likelyDuplicateIds: [], urgent: earlier.urgency !== 'normal' };
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

  private documentValues(input: RegisterIncomingInput): RequestValues {
    const receivedAt = input.receivedAt ? new Date(input.receivedAt) : new Date();
    if (receivedAt.getTime() > Date.now() + 5 * 60_000) {
      throw AppError.validation('Ngày đến không thể ở tương lai (receivedAt is in the future)', [{ field: 'receivedAt', message: 'in the future' }]);
    }
    if (input.sourceDate > vietnamDate(receivedAt)) {
      throw AppError.validation('Ngày văn bản sau ngày đến (sourceDate after receipt)', [{ field: 'sourceDate', message: 'after receivedAt' }]);
    }
    if (input.validUntil && input.validUntil < input.sourceDate) {
      throw AppError.validation('Ngày hết hiệu lực trước ngày văn bản (validUntil before sourceDate)', [{ field: 'validUntil', message: 'before sourceDate' }]);
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
      validUntil: input.validUntil ?? null,
      pageCount: input.pageCount ?? null,
    };
  }
}
