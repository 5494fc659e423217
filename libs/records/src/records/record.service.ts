import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError, AuditService } from '@eoffice/core';
import { FilableDocument, FilableDocuments } from '@eoffice/documents';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import type { FileRecord, RecordRights } from '../entities/file-record.entity';
import type { RecordDocument } from '../entities/record-document.entity';
import { FileListRepository } from '../file-list/file-list.repository';
import { fileCodeOf, normaliseNotation } from '../rules/file-code';
import { RetentionSchedule } from '../rules/retention-schedule';
import { RecordAccess } from './record-access.service';
import { RecordDocumentRepository } from './record-document.repository';
import { RecordFilter, RecordRepository } from './record.repository';

export interface OpenRecord {
  /** From the approved file list … */
  entryId?: string;
  /** … or off it (the clerk adds it to the list afterwards). */
  notation?: string;
  title?: string;
  permanent?: boolean;
  retentionYears?: number | null;
  /** Kind of document (loại tài liệu) whose default retention applies when none is given (RetentionSchedule). */
  documentType?: string;
  unitId?: string;
  year?: number;
  rights?: RecordRights;
  language?: string;
  description?: string | null;
  /** File the outgoing documents' drafts (every version) with them: into the export and the package. */
  includeDrafts?: boolean;
}

export interface FiledDocument {
  filed: RecordDocument;
  document: FilableDocument;
}

export interface RecordDetail {
  record: FileRecord;
  /** The documents the person may see, in order; the others are counted, never named. */
  documents: FiledDocument[];
  hiddenDocuments: number;
}

const OPENER_ROLES = [Role.officer, Role.leader, Role.clerk];
const REASON_MIN = 5;

/** Hồ sơ: open (from the file list or off it), read, close (freeze) and reopen with a reason. */
@Injectable()
export class RecordService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordRepository,
    private readonly filed: RecordDocumentRepository,
    private readonly lists: FileListRepository,
    private readonly access: RecordAccess,
    private readonly documents: FilableDocuments,
    private readonly audit: AuditService,
    private readonly schedule: RetentionSchedule,
  ) {}

  async open(actor: Actor, input: OpenRecord): Promise<FileRecord> {
    if (!hasRole(actor, ...OPENER_ROLES)) throw AppError.forbidden();
    const agency = await this.access.agencyOf(actor);
    const { retentionFrom, ...fields } = await this.fieldsOf({ ...input, unitId: input.unitId ?? actor.unitId }, agency.id);
    if (!input.entryId) await this.access.requireUnitOf(agency.id, fields.unitId);
    const record = {
      agencyId: agency.id,
      ...fields,
      fileCode: fileCodeOf(agency.code, fields.year, fields.notation),
      rights: input.rights ?? 'restricted',
      language: input.language ?? 'vi',
      description: input.description ? cleanVietnameseText(input.description, 'description') : null,
      includeDrafts: input.includeDrafts ?? false,
      ownerId: actor.id,
      status: 'open' as const,
      documentCount: 0,
      pageCount: 0,
      startDate: null,
      endDate: null,
      closedAt: null,
      closedBy: null,
    };
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertCodeFree(manager, record);
        const saved = await this.records.insert(manager, record);
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'record.opened',
          entityType: 'record',
          entityId: saved.id,
          data: { fileCode: saved.fileCode, title: saved.title, entryId: saved.fileListEntryId, permanent: saved.permanent, retentionYears: saved.retentionYears, retentionFrom, includeDrafts: saved.includeDrafts },
        });
        return saved;
      });
    } catch (error) {
      if (this.lists.isUniqueViolation(error)) throw codeTaken(record.notation);
      throw error;
    }
  }

  async list(actor: Actor, filter: RecordFilter, limit: number, offset: number): Promise<[FileRecord[], number]> {
    return this.records.list(await this.access.scopeFor(actor), filter, limit, offset);
  }

  async visible(actor: Actor, id: string): Promise<FileRecord> {
    const record = await this.records.findVisible(id, await this.access.scopeFor(actor));
    if (!record) throw AppError.notFound('hồ sơ (record)');
    return record;
  }

  async detail(actor: Actor, id: string): Promise<RecordDetail> {
    const record = await this.visible(actor, id);
    const rows = await this.filed.listOf(record.id);
    const seen = await this.documents.visibleMany(actor, rows.map((r) => ({ kind: r.documentKind, id: r.documentId })));
    const byKey = new Map(seen.map((d) => [`${d.kind}:${d.id}`, d]));
    const documents = rows.flatMap((filed) => {
      const document = byKey.get(`${filed.documentKind}:${filed.documentId}`);
      return document ? [{ filed, document }] : [];
    });
    return { record, documents, hiddenDocuments: rows.length - documents.length };
  }

  /** Kết thúc hồ sơ: its list freezes and its documents are renumbered by date (DocOrdinal). */
  async close(actor: Actor, id: string): Promise<FileRecord> {
    const record = await this.visible(actor, id);
    this.access.requireOwner(actor, record);
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.locked(manager, record.id);
      if (locked.status !== 'open') throw AppError.invalidTransition(locked.status, 'close');
      if (!locked.documentCount) throw AppError.conflict('RECORD_EMPTY', 'Hồ sơ chưa có văn bản nào, không thể kết thúc (an empty record cannot be closed)');
      await this.filed.renumber(manager, record.id, 'chronological');
      await this.records.update(manager, record.id, { status: 'closed', closedAt: new Date(), closedBy: actor.id });
      const order = (await this.filed.listOf(record.id, manager)).map((d) => ({ ordinal: d.docOrdinal, kind: d.documentKind, id: d.documentId }));
      await this.audit.record(manager, { actorId: actor.id, action: 'record.closed', entityType: 'record', entityId: record.id, data: { fileCode: record.fileCode, documents: order } });
      return (await this.records.findById(record.id, manager))!;
    });
  }

  /**
   * Whether the record asks for its outgoing documents' drafts (dự thảo) to be filed with them. The
   * owner decides while the record is open: closing freezes what the record holds, as it freezes its list.
   */
  async setDrafts(actor: Actor, id: string, includeDrafts: boolean): Promise<FileRecord> {
    const record = await this.visible(actor, id);
    this.access.requireOwner(actor, record);
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.locked(manager, record.id);
      if (locked.status !== 'open') throw AppError.conflict('RECORD_CLOSED', 'Hồ sơ đã kết thúc; mở lại trước khi đổi (the record is closed)');
      if (locked.includeDrafts === includeDrafts) return locked;
      await this.records.update(manager, record.id, { includeDrafts });
      await this.audit.record(manager, { actorId: actor.id, action: 'record.drafts_set', entityType: 'record', entityId: record.id, data: { fileCode: record.fileCode, includeDrafts } });
      return (await this.records.findById(record.id, manager))!;
    });
  }

  async reopen(actor: Actor, id: string, reason: string): Promise<FileRecord> {
    const record = await this.visible(actor, id);
    this.access.requireReopener(actor, record);
    const why = cleanVietnameseText(reason ?? '', 'reason');
    if (why.length < REASON_MIN) throw AppError.validation('Cần nêu lý do mở lại hồ sơ (a reason is required)', [{ field: 'reason', message: `at least ${REASON_MIN} characters` }]);
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.locked(manager, record.id);
      if (locked.status !== 'closed') throw AppError.invalidTransition(locked.status, 'reopen');
      // On a hand-over list waiting for approval: it must stay as listed (the list is what the leader approves).
      if (await this.records.isOnHandoverList(manager, record.id)) {
        throw AppError.conflict('RECORD_ON_HANDOVER_LIST', 'Hồ sơ đang có trong danh mục nộp lưu; không thể mở lại (the record is on a hand-over list)');
      }
      if (await this.records.isOnDestructionList(manager, record.id)) {
        throw AppError.conflict('RECORD_ON_DESTRUCTION_LIST', 'Hồ sơ đang có trong danh mục tài liệu hết giá trị; không thể mở lại (the record is proposed for destruction)');
      }
      await this.records.update(manager, record.id, { status: 'open', closedAt: null, closedBy: null });
      await this.audit.record(manager, { actorId: actor.id, action: 'record.reopened', entityType: 'record', entityId: record.id, data: { fileCode: record.fileCode, reason: why } });
      return (await this.records.findById(record.id, manager))!;
    });
  }

  async locked(manager: EntityManager, id: string): Promise<FileRecord> {
    const record = await this.records.findForUpdate(manager, id);
    if (!record) throw AppError.notFound('hồ sơ (record)');
    return record;
  }

  private async fieldsOf(input: OpenRecord, agencyId: string) {
    if (input.entryId) {
      const entry = await this.lists.findEntry(input.entryId);
      const list = entry ? await this.lists.findById(entry.fileListId) : null;
      if (!entry || !list || list.agencyId !== agencyId) throw AppError.notFound('mục trong danh mục hồ sơ (file list entry)');
      if (list.status !== 'approved') throw AppError.conflict('FILE_LIST_NOT_APPROVED', 'Danh mục hồ sơ chưa được duyệt (the file list is not approved yet)');
      const { notation, title, permanent, retentionYears, unitId } = entry;
      return { fileListEntryId: entry.id, year: list.year, notation, title, permanent, retentionYears, unitId, retentionFrom: 'file list' as const };
    }
    const year = input.year ?? vietnamYearNow();
    // No retention given: the kind of document's default, else the schedule's (docs/records.md, "Default retention").
    const { from, ...retention } = this.schedule.resolve(input);
    return {
      fileListEntryId: null,
      year,
      notation: normaliseNotation(input.notation ?? ''),
      title: cleanVietnameseText(input.title ?? '', 'title'),
      ...retention,
      unitId: input.unitId ?? '',
      retentionFrom: from,
    };
  }

  /** One code per agency and year: taken by another record, or reserved by a line of the year's list. */
  private async assertCodeFree(manager: EntityManager, record: { agencyId: string; year: number; notation: string; fileListEntryId: string | null }): Promise<void> {
    if (record.fileListEntryId && (await this.records.findByEntry(record.fileListEntryId, manager))) {
      throw AppError.conflict('RECORD_ALREADY_OPENED', 'Hồ sơ của mục này đã được mở (a record was already opened from this entry)');
    }
    if (await this.records.findForNotation(record.agencyId, record.year, record.notation, manager)) throw codeTaken(record.notation);
    if (record.fileListEntryId) return;
    const list = await this.lists.findForAgencyYear(record.agencyId, record.year, manager);
    if (list && (await this.lists.entriesOf(list.id, manager)).some((e) => e.notation === record.notation)) throw codeTaken(record.notation);
  }
}

function codeTaken(notation: string): AppError {
  return AppError.conflict('RECORD_CODE_TAKEN', `Ký hiệu hồ sơ "${notation}" đã có trong năm (notation taken in the year)`);
}

/** The year in Vietnam now: a record opened on 31 December at 23:00 there belongs to that year. */
function vietnamYearNow(): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date()));
}
