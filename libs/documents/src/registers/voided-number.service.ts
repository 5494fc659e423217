import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AppError, AuditService } from '@eoffice/core';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import type { VoidedNumber } from './voided-number.entity';
import { VoidedNumberRepository } from './voided-number.repository';

export interface VoidNumberInput {
  registerId: string;
  year: number;
  number: number;
  reason: string;
  actorId: string | null;
}

/**
 * Numbers are never reused (Decree 30/2020/NĐ-CP): a number given by mistake is voided, and the void is
 * recorded with its reason, who and when, so the register shows why the number has no document.
 */
@Injectable()
export class VoidedNumberService {
  constructor(
    private readonly voided: VoidedNumberRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Inside the caller's transaction (the incoming or outgoing change that voids the number), so
   * the void and that change commit together. The audit entry is written here, for every caller.
   */
  /** The voided numbers of a register's year in number order, for its book. */
  listFor(registerId: string, year: number): Promise<VoidedNumber[]> {
    return this.voided.listFor(registerId, year);
  }

  async recordVoidedNumber(manager: EntityManager, input: VoidNumberInput): Promise<VoidedNumber> {
    const reason = cleanVietnameseText(input.reason, 'reason');
    if (!reason) throw AppError.validation('Cần lý do hủy số (a reason is required)', [{ field: 'reason', message: 'required' }]);
    const lastIssued = await this.voided.lastIssued(manager, input.registerId, input.year);
    if (!Number.isInteger(input.number) || input.number < 1 || input.number > lastIssued) {
      throw AppError.conflict('NUMBER_NOT_ISSUED', `Số ${input.number}/${input.year} chưa được cấp trong sổ này (number not issued)`);
    }
    const { registerId, year, number, actorId } = input;
    const row = await this.voided.insertOnce(manager, { registerId, year, number, reason, voidedBy: actorId });
    if (!row) throw AppError.conflict('NUMBER_ALREADY_VOIDED', `Số ${input.number}/${input.year} đã bị hủy trước đó (number already voided)`);
    await this.audit.record(manager, {
      actorId: input.actorId,
      action: 'register.number_voided',
      entityType: 'register',
      entityId: input.registerId,
      data: { voidedNumberId: row.id, year: input.year, number: input.number, reason },
    });
    return row;
  }
}
