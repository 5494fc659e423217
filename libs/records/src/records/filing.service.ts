import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { APP_CONFIG, AppConfig, AppError, AuditService, FileService } from '@eoffice/core';
import { FilableDocument, FilableDocuments } from '@eoffice/documents';
import type { FileRecord } from '../entities/file-record.entity';
import type { FiledKind, RecordDocument } from '../entities/record-document.entity';
import { countStoredPages } from '../export/pdf-pages';
import { RecordDocumentRepository } from './record-document.repository';
import { RecordRepository } from './record.repository';
import { RecordService } from './record.service';

const TO_FILE_LIMIT = 200;

export interface ToFileItem {
  document: FilableDocument;
  finishedAt: Date;
}

/** Lập hồ sơ: documents go into a record by reference, in order; one document may sit in several. */
@Injectable()
export class FilingService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordRepository,
    private readonly filed: RecordDocumentRepository,
    private readonly recordService: RecordService,
    private readonly documents: FilableDocuments,
    private readonly files: FileService,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async file(actor: Actor, recordId: string, ref: { kind: FiledKind; documentId: string }): Promise<RecordDocument> {
    const record = await this.recordService.visible(actor, recordId);
    this.requireOwnerOf(actor, record);
    const document = await this.documents.visible(actor, { kind: ref.kind, id: ref.documentId });
    if (!document) throw AppError.notFound(ref.kind === 'incoming' ? 'văn bản đến (incoming document)' : 'văn bản đi (outgoing document)');
    if (!document.fileId || document.agencyId !== record.agencyId) {
      throw AppError.conflict(
        'DOCUMENT_NOT_FILABLE',
        'Chỉ lập hồ sơ văn bản đã ban hành hoặc đã vào sổ của cơ quan (only issued or registered documents of the agency can be filed)',
      );
    }
    // Counted before the transaction: reading the file must not hold the record's lock.
    const pageCount = document.pageCount ?? (await countStoredPages(async (path) => this.files.copyToPath(await this.files.get(document.fileId!), path)));
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.recordService.locked(manager, record.id);
      if (locked.status !== 'open') throw AppError.conflict('RECORD_CLOSED', 'Hồ sơ đã kết thúc; mở lại trước khi thêm văn bản (the record is closed)');
      if (await this.filed.find(record.id, ref.kind, document.id, manager)) {
        throw AppError.conflict('DOCUMENT_ALREADY_FILED', 'Văn bản đã có trong hồ sơ này (already in this record)');
      }
      const row = await this.filed.append(manager, {
        recordId: record.id, documentKind: ref.kind, documentId: document.id, documentDate: document.documentDate, pageCount, filedBy: actor.id,
      });
      await this.records.update(manager, record.id, await this.filed.totals(manager, record.id));
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'record.document_filed',
        entityType: 'record',
        entityId: record.id,
        data: { kind: ref.kind, documentId: document.id, docOrdinal: row.docOrdinal, pageCount },
      });
      return row;
    });
  }

  /** Takes a document out of an open record (filed by mistake); the others close ranks. */
  async unfile(actor: Actor, recordId: string, kind: FiledKind, documentId: string): Promise<void> {
    const record = await this.recordService.visible(actor, recordId);
    this.requireOwnerOf(actor, record);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.recordService.locked(manager, record.id);
      if (locked.status !== 'open') throw AppError.conflict('RECORD_CLOSED', 'Hồ sơ đã kết thúc; mở lại trước khi bớt văn bản (the record is closed)');
      if (!(await this.filed.find(record.id, kind, documentId, manager))) throw AppError.notFound('văn bản trong hồ sơ (filed document)');
      await this.filed.remove(manager, record.id, kind, documentId);
      await this.records.update(manager, record.id, await this.filed.totals(manager, record.id));
      await this.audit.record(manager, { actorId: actor.id, action: 'record.document_removed', entityType: 'record', entityId: record.id, data: { kind, documentId } });
    });
  }

  /** Văn bản chưa lập hồ sơ: what the person finished `RECORDS_TO_FILE_AFTER_DAYS` ago or more, in no record. */
  async toFile(actor: Actor): Promise<ToFileItem[]> {
    const refs = await this.filed.unfiled(actor.id, this.config.RECORDS_TO_FILE_AFTER_DAYS, TO_FILE_LIMIT);
    const seen = new Map((await this.documents.visibleMany(actor, refs)).map((d) => [`${d.kind}:${d.id}`, d]));
    return refs.flatMap((r) => {
      const document = seen.get(`${r.kind}:${r.id}`);
      return document ? [{ document, finishedAt: r.finishedAt }] : [];
    });
  }

  private requireOwnerOf(actor: Actor, record: FileRecord): void {
    if (record.ownerId !== actor.id) throw AppError.forbidden('Chỉ người lập hồ sơ được thêm, bớt văn bản (the record owner only)');
  }
}
