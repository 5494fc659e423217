import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, BlobStore } from '@eoffice/core';
import { cleanVietnameseText, vietnamDate } from '@eoffice/vietnamese';
import type { Destruction, DestructionLine, RecordTombstone } from '../entities/destruction.entity';
import type { FileRecord } from '../entities/file-record.entity';
import { linesWithRecords, listReaderAgency, visibleList } from '../approval-list/approval-list-reading';
import { RecordAccess } from '../records/record-access.service';
import { RecordRepository } from '../records/record.repository';
import { retentionEnd, retentionOver } from '../rules/retention';
import { DestructionRepository } from './destruction.repository';
import { destroyRecordContent } from './destruction-scope';
import { removeBytes } from './remove-bytes';
import { TombstoneObject, TombstoneObjects } from './tombstone-objects';

export interface DestructionDetail {
  destruction: Destruction;
  lines: { line: DestructionLine; record: FileRecord }[];
  tombstones: RecordTombstone[];
}

const MAX_RECORDS = 500;

const notInAgency = () => new AppError(422, 'RECORD_NOT_IN_AGENCY', 'Hồ sơ không có hoặc không thuộc cơ quan (a record is unknown or not of your agency)');
const onList = () => AppError.conflict('RECORD_ON_DESTRUCTION_LIST', 'Hồ sơ đã có trong một danh mục tài liệu hết giá trị (a record is already on a destruction list)');

/**
 * Tiêu hủy (issue 15.5): the clerk proposes records whose retention ended (or all the agency's due
 * records), an agency leader approves, and the records are destroyed in that same transaction —
 * so holds and retention are checked under the records' locks at the very moment of the decision
 * and nothing is half-written. The bytes go after the commit (a file store is not transactional),
 * from the tombstone's key list, which TombstoneReapplyService replays after a crash or a restore. No "force": no
 * role, no job, no administrator passes a hold (RECORD_ON_HOLD).
 */
@Injectable()
export class DestructionService {
  private readonly logger = new Logger(DestructionService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly destructions: DestructionRepository,
    private readonly records: RecordRepository,
    private readonly access: RecordAccess,
    private readonly audit: AuditService,
    private readonly blobs: BlobStore,
    private readonly objects: TombstoneObjects,
  ) {}

  /** Without record ids: every due record of the agency not on hold (the appraisal list, on demand). */
  async create(actor: Actor, input: { recordIds?: string[]; title?: string }): Promise<DestructionDetail> {
    const agency = await this.access.agencyOf(actor);
    this.access.requireClerkOf(actor, agency, agency.id);
    const today = vietnamDate(new Date());
    const ids = input.recordIds?.length ? [...new Set(input.recordIds)] : await this.destructions.due(agency.id, today, MAX_RECORDS);
    if (!ids.length || ids.length > MAX_RECORDS || (input.recordIds?.length && ids.length !== input.recordIds.length)) {
      throw AppError.validation('Danh mục tài liệu hết giá trị trống hoặc không hợp lệ (1–500 distinct due records)', [{ field: 'recordIds', message: `1–${MAX_RECORDS} distinct ids` }]);
    }
    const title = cleanVietnameseText(input.title?.trim() || `Danh mục tài liệu hết giá trị của ${agency.name}`, 'title');
    try {
      const saved = await this.dataSource.transaction(async (manager) => {
        const locked = await this.destructions.lockRecords(manager, ids);
        const byId = new Map(locked.map((r) => [r.id, r]));
        for (const id of ids) if (byId.get(id)?.agencyId !== agency.id) throw notInAgency();
        await this.checkDestroyable(manager, locked, today);
        if ((await this.destructions.linesFor(ids, manager)).length) throw onList();
        const list = await this.destructions.insert(manager, { agencyId: agency.id, title, createdBy: actor.id, status: 'submitted', submittedBy: actor.id, submittedAt: new Date() }, ids);
        const records = ids.map((id) => ({ id, fileCode: byId.get(id)!.fileCode, retentionEnd: retentionEnd(byId.get(id)!) }));
        await this.audit.record(manager, { actorId: actor.id, action: 'destruction.created', entityType: 'destruction', entityId: list.id, data: { title, records } });
        return list;
      });
      return this.detailOf(saved);
    } catch (error) {
      if (this.destructions.isUniqueViolation(error)) throw onList();
      throw error;
    }
  }

  /**
   * Trình duyệt: the clerk submits a list the records scan proposed (a draft), keeping all its
   * records or only `recordIds` (the others leave the list, and may be proposed again later). Each
   * kept record is checked again as at creation; a hold placed since refuses the whole submission.
   */
  async submit(actor: Actor, id: string, input: { recordIds?: string[] }): Promise<DestructionDetail> {
    const list = await this.visible(actor, id);
    this.access.requireClerkOf(actor, await this.access.agencyOf(actor), list.agencyId);
    await this.dataSource.transaction(async (manager) => {
      const locked = await this.destructions.findForUpdate(manager, id);
      if (!locked || locked.status !== 'draft') throw AppError.invalidTransition(locked?.status ?? 'unknown', 'submit');
      const onList = (await this.destructions.linesOf(id, manager)).map((l) => l.recordId);
      const keep = input.recordIds?.length ? [...new Set(input.recordIds)] : onList;
      if (keep.some((r) => !onList.includes(r))) {
        throw AppError.validation('Hồ sơ không có trong danh mục đề xuất (a record is not on the proposed list)', [{ field: 'recordIds', message: 'only records of this list' }]);
      }
      const removed = await this.destructions.removeLines(manager, id, keep);
      await this.checkDestroyable(manager, await this.destructions.lockRecords(manager, keep), vietnamDate(new Date()));
      await this.destructions.update(manager, id, { status: 'submitted', submittedBy: actor.id, submittedAt: new Date() });
      await this.audit.record(manager, { actorId: actor.id, action: 'destruction.submitted', entityType: 'destruction', entityId: id, data: { records: keep, removed } });
    });
    return this.detail(actor, id);
  }

  /** Phê duyệt = tiêu hủy: approval and destruction in one transaction; then the bytes. */
  async approve(actor: Actor, id: string): Promise<DestructionDetail> {
    const list = await this.visible(actor, id);
    this.access.requireAgencyLeader(actor, list.agencyId);
    const tombstones = await this.dataSource.transaction(async (manager) => {
      const locked = await this.destructions.findForUpdate(manager, id);
      if (!locked || locked.status !== 'submitted') throw AppError.invalidTransition(locked?.status ?? 'unknown', 'approve');
      const lines = await this.destructions.linesOf(id, manager);
      const records = await this.destructions.lockRecords(manager, lines.map((l) => l.recordId));
      const now = new Date();
      await this.checkDestroyable(manager, records, vietnamDate(now));
      await this.destructions.update(manager, id, { status: 'destroyed', approvedBy: actor.id, approvedAt: now });
      await this.audit.record(manager, { actorId: actor.id, action: 'destruction.approved', entityType: 'destruction', entityId: id, data: { records: records.length } });
      const written: TombstoneObject[] = [];
      for (const record of records) {
        const content = await destroyRecordContent(manager, record.id);
        // Personal data the record itself carries (its free-text description) is blanked; the title stays in the tombstone.
        await this.records.update(manager, record.id, { status: 'destroyed', destroyedAt: now, description: null });
        await this.destructions.insertTombstone(manager, { recordId: record.id, destructionId: id, fileCode: record.fileCode, title: record.title, decidedBy: actor.id, destroyedAt: now, documents: content.documents, storageKeys: content.storageKeys });
        await this.audit.record(manager, {
          actorId: actor.id, action: 'record.destroyed', entityType: 'record', entityId: record.id,
          data: { destructionId: id, fileCode: record.fileCode, title: record.title, decidedBy: actor.id, documents: content.documents, files: content.files, storageKeys: content.storageKeys },
        });
        written.push({
          version: 1, recordId: record.id, agencyId: locked.agencyId, fileCode: record.fileCode, title: record.title, decidedBy: actor.id,
          destroyedAt: now.toISOString(), documents: content.documents, storageKeys: content.storageKeys,
          destruction: { id, title: locked.title, createdBy: locked.createdBy, createdAt: locked.createdAt.toISOString(), approvedAt: now.toISOString() },
        });
      }
      return written;
    });
    // After the commit: the tombstones outside the database first (so a restore learns of them), then the bytes.
    // A crash in between is made good by the records scan (TombstoneReapplyService).
    for (const tombstone of tombstones) await this.objects.write(tombstone).catch((error: Error) => this.logger.error(`tombstone object ${tombstone.recordId} not written: ${error.message}`));
    await removeBytes(this.blobs, tombstones.flatMap((t) => t.storageKeys), this.logger);
    return this.detail(actor, id);
  }

  async list(actor: Actor): Promise<Destruction[]> {
    return this.destructions.listFor(await listReaderAgency(this.access, actor));
  }

  async detail(actor: Actor, id: string): Promise<DestructionDetail> {
    return this.detailOf(await this.visible(actor, id));
  }

  /** Each record closed or handed over, its retention over, no active hold — else the whole request fails. */
  private async checkDestroyable(manager: Parameters<DestructionRepository['held']>[0], records: FileRecord[], today: string): Promise<void> {
    const held = await this.destructions.held(manager, records.map((r) => r.id));
    for (const record of records) {
      if (record.status === 'destroyed') throw AppError.invalidTransition('destroyed', 'destroy');
      if (record.status !== 'closed' && record.status !== 'handed_over') throw AppError.conflict('RECORD_NOT_CLOSED', `Hồ sơ ${record.fileCode} chưa kết thúc (only closed records are destroyed)`);
      if (held.has(record.id)) throw AppError.conflict('RECORD_ON_HOLD', `Hồ sơ ${record.fileCode} đang bị phong tỏa; không thể tiêu hủy (a legal hold blocks destruction)`);
      if (!retentionOver(record, today)) {
        const end = retentionEnd(record);
        throw AppError.conflict('RECORD_RETENTION_NOT_ENDED', `Hồ sơ ${record.fileCode} chưa hết thời hạn bảo quản (${end ? `until ${end}` : 'permanent'})`);
      }
    }
  }

  private async detailOf(list: Destruction): Promise<DestructionDetail> {
    return { destruction: list, lines: await linesWithRecords(this.destructions, this.records, list.id), tombstones: await this.destructions.tombstonesOf(list.id) };
  }

  private visible(actor: Actor, id: string): Promise<Destruction> {
    return visibleList(this.destructions, this.access, actor, id, 'danh mục tài liệu hết giá trị (destruction list)');
  }
}
