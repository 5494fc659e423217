import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService } from '@eoffice/core';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import type { FileListEntry } from '../entities/file-list-entry.entity';
import type { FileList } from '../entities/file-list.entity';
import { RecordAccess } from '../records/record-access.service';
import { RecordRepository } from '../records/record.repository';
import { normaliseNotation } from '../rules/file-code';
import { RetentionSchedule } from '../rules/retention-schedule';
import { FileListRepository } from './file-list.repository';

export interface NewFileList {
  year: number;
  title: string;
}

export interface NewEntry {
  notation?: string;
  title?: string;
  permanent?: boolean;
  retentionYears?: number | null;
  /** Kind of document (loại tài liệu) whose default retention applies when none is given (RetentionSchedule). */
  documentType?: string;
  unitId?: string;
  personInChargeId?: string | null;
  /** A record an officer opened off the list: the entry is made from it and the record linked to it. */
  recordId?: string;
}

export interface FileListDetail {
  list: FileList;
  entries: (FileListEntry & { recordId: string | null })[];
}

/** Danh mục hồ sơ: the clerk drafts the year's list, an agency leader approves it (docs/records.md). */
@Injectable()
export class FileListService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly lists: FileListRepository,
    private readonly records: RecordRepository,
    private readonly access: RecordAccess,
    private readonly audit: AuditService,
    private readonly schedule: RetentionSchedule,
  ) {}

  async create(actor: Actor, input: NewFileList): Promise<FileList> {
    const agency = await this.access.agencyOf(actor);
    this.access.requireClerkOf(actor, agency, agency.id);
    const title = cleanVietnameseText(input.title, 'title');
    const exists = () => AppError.conflict('FILE_LIST_EXISTS', `Cơ quan đã có danh mục hồ sơ năm ${input.year} (a file list for that year exists)`);
    try {
      return await this.dataSource.transaction(async (manager) => {
        if (await this.lists.findForAgencyYear(agency.id, input.year, manager)) throw exists();
        const list = await this.lists.insert(manager, { agencyId: agency.id, year: input.year, title, createdBy: actor.id });
        await this.audit.record(manager, { actorId: actor.id, action: 'file_list.created', entityType: 'file_list', entityId: list.id, data: { year: list.year, title } });
        return list;
      });
    } catch (error) {
      // Two clerks at once: the unique (agency, year) index decides, the loser is told why.
      if (this.lists.isUniqueViolation(error)) throw exists();
      throw error;
    }
  }

  async addEntry(actor: Actor, listId: string, input: NewEntry): Promise<FileListEntry> {
    const list = await this.visible(actor, listId);
    this.access.requireClerkOf(actor, await this.access.agencyOf(actor), list.agencyId);
    const fromRecord = input.recordId ? await this.records.findById(input.recordId) : null;
    if (input.recordId && (!fromRecord || fromRecord.agencyId !== list.agencyId)) throw AppError.notFound('hồ sơ (record)');
    if (fromRecord && fromRecord.year !== list.year) {
      throw AppError.validation('Hồ sơ thuộc năm khác (the record belongs to another year)', [{ field: 'recordId', message: 'other year' }]);
    }
    const resolved = fromRecord ? null : this.schedule.resolve(input);
    const fields = fromRecord
      ? { notation: fromRecord.notation, title: fromRecord.title, permanent: fromRecord.permanent, retentionYears: fromRecord.retentionYears, unitId: fromRecord.unitId, personInChargeId: fromRecord.ownerId }
      : {
          notation: normaliseNotation(input.notation ?? ''),
          title: cleanVietnameseText(input.title ?? '', 'title'),
          // No retention given: the kind of document's default, else the schedule's (docs/records.md, "Default retention").
          permanent: resolved!.permanent,
          retentionYears: resolved!.retentionYears,
          unitId: input.unitId ?? '',
          personInChargeId: input.personInChargeId ?? null,
        };
    if (!fromRecord) await this.access.requireUnitOf(list.agencyId, fields.unitId);
    if (!fromRecord && fields.personInChargeId) await this.access.requirePersonOf(list.agencyId, fields.personInChargeId);
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lists.findForUpdate(manager, list.id);
      if (fromRecord && (await this.records.findById(fromRecord.id, manager))?.fileListEntryId) {
        throw AppError.conflict('RECORD_ALREADY_LISTED', 'Hồ sơ đã có trong danh mục (the record is already on the list)');
      }
      const taken = (await this.lists.entriesOf(list.id, manager)).some((e) => e.notation === fields.notation);
      if (taken) throw AppError.conflict('RECORD_CODE_TAKEN', `Ký hiệu hồ sơ "${fields.notation}" đã có trong năm (notation taken in the year)`);
      if (!fromRecord && (await this.records.findForNotation(list.agencyId, list.year, fields.notation, manager))) {
        throw AppError.conflict('RECORD_CODE_TAKEN', `Ký hiệu hồ sơ "${fields.notation}" đã có trong năm (notation taken in the year)`);
      }
      const entry = await this.lists.insertEntry(manager, { fileListId: list.id, ...fields, addedAfterApproval: locked?.status === 'approved' });
      if (fromRecord) await this.records.update(manager, fromRecord.id, { fileListEntryId: entry.id });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'file_list.entry_added',
        entityType: 'file_list',
        entityId: list.id,
        data: { entryId: entry.id, notation: entry.notation, recordId: fromRecord?.id ?? null, afterApproval: entry.addedAfterApproval, retentionFrom: resolved?.from ?? 'record' },
      });
      return entry;
    });
  }

  async approve(actor: Actor, listId: string): Promise<FileList> {
    const list = await this.visible(actor, listId);
    this.access.requireAgencyLeader(actor, list.agencyId);
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lists.findForUpdate(manager, list.id);
      if (!locked || locked.status !== 'draft') throw AppError.invalidTransition(locked?.status ?? 'unknown', 'approve');
      const entries = await this.lists.entriesOf(list.id, manager);
      if (!entries.length) throw AppError.conflict('FILE_LIST_EMPTY', 'Danh mục hồ sơ chưa có hồ sơ nào (the file list has no entries)');
      await this.lists.approve(manager, list.id, actor.id);
      await this.audit.record(manager, { actorId: actor.id, action: 'file_list.approved', entityType: 'file_list', entityId: list.id, data: { year: list.year, entries: entries.length } });
      return (await this.lists.findById(list.id, manager))!;
    });
  }

  async detail(actor: Actor, listId: string): Promise<FileListDetail> {
    const list = await this.visible(actor, listId);
    const entries = await this.lists.entriesOf(list.id);
    const opened = await Promise.all(entries.map((e) => this.records.findByEntry(e.id)));
    return { list, entries: entries.map((e, i) => ({ ...e, recordId: opened[i]?.id ?? null })) };
  }

  async list(actor: Actor): Promise<FileList[]> {
    return this.lists.listForAgency((await this.access.agencyOf(actor)).id);
  }

  /** Everyone in the agency reads its file lists (they plan the year's records); others get 404. */
  private async visible(actor: Actor, listId: string): Promise<FileList> {
    const list = await this.lists.findById(listId);
    if (!list || list.agencyId !== (await this.access.agencyOf(actor)).id) throw AppError.notFound('danh mục hồ sơ (file list)');
    return list;
  }
}
