import { Injectable } from '@nestjs/common';
import { Actor } from '@eoffice/accounts';
import { AppError, AuditService, JobName, JobOutbox } from '@eoffice/core';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import type { FileRecord } from '../entities/file-record.entity';
import type { HandoverRecord } from '../entities/handover-record.entity';
import type { Handover } from '../entities/handover.entity';
import { linesWithRecords, listReaderAgency, visibleList } from '../approval-list/approval-list-reading';
import { RecordAccess } from '../records/record-access.service';
import { RecordRepository } from '../records/record.repository';
import { HandoverRepository } from './handover.repository';

export interface HandoverDetail {
  handover: Handover;
  lines: { line: HandoverRecord; record: FileRecord }[];
}

const MAX_RECORDS = 500;

const notInAgency = () =>
  new AppError(422, 'RECORD_NOT_IN_AGENCY', 'Hồ sơ không có hoặc không thuộc cơ quan (a record is unknown or not of your agency)');

/**
 * Nộp lưu (issue 15.4): the clerk lists closed records of the agency for its archive, an agency
 * leader approves the list — the records are handed over and frozen at that moment — and the
 * worker builds one BagIt package per record (HandoverPackageService).
 */
@Injectable()
export class HandoverService {
  constructor(
    private readonly outbox: JobOutbox,
    private readonly handovers: HandoverRepository,
    private readonly records: RecordRepository,
    private readonly access: RecordAccess,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: { recordIds: string[]; title?: string }): Promise<HandoverDetail> {
    const agency = await this.access.agencyOf(actor);
    this.access.requireClerkOf(actor, agency, agency.id);
    const ids = [...new Set(input.recordIds ?? [])];
    if (!ids.length || ids.length > MAX_RECORDS || ids.length !== input.recordIds.length) {
      throw AppError.validation('Danh sách hồ sơ nộp lưu không hợp lệ (1–500 distinct record ids)', [{ field: 'recordIds', message: `1–${MAX_RECORDS} distinct ids` }]);
    }
    const title = cleanVietnameseText(input.title?.trim() || `Danh mục hồ sơ nộp lưu của ${agency.name}`, 'title');
    try {
      const handover = await this.outbox.transaction(async (manager) => {
        const locked = new Map((await this.handovers.lockRecords(manager, ids)).map((r) => [r.id, r]));
        for (const id of ids) {
          const record = locked.get(id);
          if (!record || record.agencyId !== agency.id) throw notInAgency();
          if (record.status === 'handed_over') throw AppError.conflict('RECORD_HANDED_OVER', `Hồ sơ ${record.fileCode} đã được nộp lưu (already handed over)`);
          if (record.status !== 'closed') throw AppError.conflict('RECORD_NOT_CLOSED', `Hồ sơ ${record.fileCode} chưa kết thúc (only closed records are handed over)`);
        }
        if ((await this.handovers.linesFor(ids, manager)).length) throw onList();
        const saved = await this.handovers.insert(manager, { agencyId: agency.id, title, createdBy: actor.id }, ids);
        await this.audit.record(manager, {
          actorId: actor.id,
          action: 'handover.created',
          entityType: 'handover',
          entityId: saved.id,
          data: { title, records: ids.map((id) => ({ id, fileCode: locked.get(id)!.fileCode })) },
        });
        return saved;
      });
      return this.detailOf(handover);
    } catch (error) {
      if (this.handovers.isUniqueViolation(error)) throw onList();
      throw error;
    }
  }

  /**
   * Phê duyệt: the records are handed over (frozen) and the packages queued, in one transaction
   * with the list locked, so two approvals at once give one effect: the second finds it approved.
   */
  async approve(actor: Actor, id: string): Promise<HandoverDetail> {
    const handover = await this.visible(actor, id);
    this.access.requireAgencyLeader(actor, handover.agencyId);
    await this.outbox.transaction(async (manager) => {
      const locked = await this.handovers.findForUpdate(manager, id);
      if (!locked || locked.status !== 'submitted') throw AppError.invalidTransition(locked?.status ?? 'unknown', 'approve');
      const lines = await this.handovers.linesOf(id, manager);
      const records = await this.handovers.lockRecords(manager, lines.map((l) => l.recordId));
      await this.handovers.update(manager, id, { status: 'approved', approvedBy: actor.id, approvedAt: new Date() });
      await this.audit.record(manager, { actorId: actor.id, action: 'handover.approved', entityType: 'handover', entityId: id, data: { records: records.length } });
      for (const record of records) {
        if (record.status !== 'closed') throw AppError.conflict('RECORD_NOT_CLOSED', `Hồ sơ ${record.fileCode} chưa kết thúc (only closed records are handed over)`);
        await this.records.update(manager, record.id, { status: 'handed_over' });
        await this.audit.record(manager, { actorId: actor.id, action: 'record.handed_over', entityType: 'record', entityId: record.id, data: { handoverId: id, fileCode: record.fileCode } });
      }
      await this.outbox.add(manager, JobName.handoverPackage, { handoverId: id });
    });
    return this.detail(actor, id);
  }

  async list(actor: Actor): Promise<Handover[]> {
    return this.handovers.listFor(await listReaderAgency(this.access, actor));
  }

  async detail(actor: Actor, id: string): Promise<HandoverDetail> {
    return this.detailOf(await this.visible(actor, id));
  }

  private async detailOf(handover: Handover): Promise<HandoverDetail> {
    return { handover, lines: await linesWithRecords(this.handovers, this.records, handover.id) };
  }

  private visible(actor: Actor, id: string): Promise<Handover> {
    return visibleList(this.handovers, this.access, actor, id, 'danh mục hồ sơ nộp lưu (hand-over list)');
  }
}

function onList(): AppError {
  return AppError.conflict('RECORD_ON_HANDOVER_LIST', 'Hồ sơ đã có trong một danh mục nộp lưu khác (a record is already on a hand-over list)');
}
