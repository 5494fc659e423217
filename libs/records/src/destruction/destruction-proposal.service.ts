import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@eoffice/core';
import { Notification } from '@eoffice/documents';
import { vietnamDate } from '@eoffice/vietnamese';
import { retentionEnd } from '../rules/retention';
import { DestructionRepository } from './destruction.repository';

const MAX_RECORDS = 500;

/**
 * Run by the daily records scan (issue 15.5): per agency, the records whose retention ended, not on
 * hold and on no destruction list go onto one `draft` list (danh mục tài liệu hết giá trị) made by
 * no one; the agency's clerks are told (`record_destruction`). The clerk submits it
 * (`POST /destructions/:id/submit`), possibly without some records, and a leader approves it.
 * Once per record: a record sits on one list at most (the line's unique index), so a later scan
 * does not propose it again; a record the clerk leaves out comes back in the next proposal.
 */
@Injectable()
export class DestructionProposalService {
  private readonly logger = new Logger(DestructionProposalService.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly destructions: DestructionRepository,
    private readonly audit: AuditService,
  ) {}

  /** The number of notifications sent. */
  async propose(): Promise<number> {
    const today = vietnamDate(new Date());
    let sent = 0;
    for (const agencyId of await this.destructions.agenciesWithDue(today)) {
      try {
        sent += await this.proposeFor(agencyId, today);
      } catch (error) {
        // A clerk's list made at the same moment takes the records first (the line's unique index): next scan.
        if (!this.destructions.isUniqueViolation(error)) this.logger.error(`destruction proposal for agency ${agencyId} failed: ${(error as Error).message}`);
      }
    }
    return sent;
  }

  private proposeFor(agencyId: string, today: string): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const ids = await this.destructions.due(agencyId, today, MAX_RECORDS, manager);
      if (!ids.length) return 0;
      // Locked as a clerk's list and a hold lock them, then read again: a hold placed meanwhile keeps its record out.
      const locked = await this.destructions.lockRecords(manager, ids);
      const held = await this.destructions.held(manager, ids);
      const records = locked.filter((r) => !held.has(r.id) && (r.status === 'closed' || r.status === 'handed_over'));
      if (!records.length) return 0;
      const title = `Danh mục tài liệu hết giá trị đề xuất ngày ${today.split('-').reverse().join('/')}`;
      const list = await this.destructions.insert(manager, { agencyId, title, createdBy: null, status: 'draft', submittedBy: null, submittedAt: null }, records.map((r) => r.id));
      await this.audit.record(manager, {
        actorId: null, action: 'destruction.proposed', entityType: 'destruction', entityId: list.id,
        data: { title, records: records.map((r) => ({ id: r.id, fileCode: r.fileCode, retentionEnd: retentionEnd(r) })) },
      });
      const clerks = await this.destructions.clerksOf(manager, agencyId);
      if (!clerks.length) return 0;
      const rows = clerks.map((userId) => ({
        userId, kind: 'record_destruction' as const, dedupeKey: `record-destruction-proposed:${list.id}`,
        title: `Đề xuất tiêu hủy ${records.length} hồ sơ hết thời hạn bảo quản: ${title}`.slice(0, 1200),
      }));
      const result = await manager.createQueryBuilder().insert().into(Notification).values(rows).orIgnore().returning('id').execute();
      return result.identifiers.filter(Boolean).length;
    });
  }
}
