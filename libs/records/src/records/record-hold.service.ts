import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError, AuditService } from '@eoffice/core';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import { RecordHold } from '../entities/record-hold.entity';
import { RecordAccess } from './record-access.service';
import { RecordService } from './record.service';

const REASON_MIN = 5;

/**
 * Legal holds (issue 15.5, first piece): an agency leader or leadership places a hold on a record
 * they see, with a reason, and lifts it with a reason; both audited. An active hold blocks
 * destruction (DestructionService) at proposal and approval, for every role and job.
 */
@Injectable()
export class RecordHoldService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly records: RecordService,
    private readonly access: RecordAccess,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, recordId: string): Promise<RecordHold[]> {
    const record = await this.records.visible(actor, recordId);
    return this.dataSource.getRepository(RecordHold).find({ where: { recordId: record.id }, order: { placedAt: 'ASC', id: 'ASC' } });
  }

  async place(actor: Actor, recordId: string, reason: string): Promise<RecordHold> {
    const record = await this.records.visible(actor, recordId);
    this.requireKeeper(actor, record.agencyId);
    const why = reasonOf(reason);
    return this.dataSource.transaction(async (manager) => {
      // The record's row lock orders a hold against a destruction's approval (which locks the records, then reads holds).
      await this.records.locked(manager, record.id);
      const repo = manager.getRepository(RecordHold);
      const hold = await repo.save(repo.create({ recordId: record.id, reason: why, placedBy: actor.id, placedAt: new Date(), liftedBy: null, liftedAt: null, liftReason: null }));
      await this.audit.record(manager, { actorId: actor.id, action: 'record.hold_placed', entityType: 'record', entityId: record.id, data: { holdId: hold.id, fileCode: record.fileCode, reason: why } });
      return hold;
    });
  }

  /** Lifting twice (or two lifts at once) gives one effect: the hold row is locked, the second finds it lifted. */
  async lift(actor: Actor, recordId: string, holdId: string, reason: string): Promise<RecordHold> {
    const record = await this.records.visible(actor, recordId);
    this.requireKeeper(actor, record.agencyId);
    const why = reasonOf(reason);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(RecordHold);
      const hold = await repo.createQueryBuilder('h').where('h.id = :holdId AND h.record_id = :recordId', { holdId, recordId: record.id }).setLock('pessimistic_write').getOne();
      if (!hold) throw AppError.notFound('lệnh phong tỏa hồ sơ (record hold)');
      if (hold.liftedAt) throw AppError.invalidTransition('lifted', 'lift');
      await repo.update({ id: hold.id }, { liftedBy: actor.id, liftedAt: new Date(), liftReason: why });
      await this.audit.record(manager, { actorId: actor.id, action: 'record.hold_lifted', entityType: 'record', entityId: record.id, data: { holdId: hold.id, fileCode: record.fileCode, reason: why } });
      return (await repo.findOneBy({ id: hold.id }))!;
    });
  }

  private requireKeeper(actor: Actor, agencyId: string): void {
    if (!this.access.isAgencyLeader(actor, agencyId) && !hasRole(actor, Role.leadership)) {
      throw AppError.forbidden('Chỉ lãnh đạo cơ quan được phong tỏa hoặc gỡ phong tỏa hồ sơ (agency leaders and leadership only)');
    }
  }
}

function reasonOf(reason: string): string {
  const why = cleanVietnameseText(reason ?? '', 'reason');
  if (why.length < REASON_MIN) throw AppError.validation('Cần nêu lý do (a reason is required)', [{ field: 'reason', message: `at least ${REASON_MIN} characters` }]);
  return why;
}
