import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApprovalListRepository } from '../approval-list/approval-list.repository';
import { HandoverRecord } from '../entities/handover-record.entity';
import { Handover } from '../entities/handover.entity';

/** A closed record whose hand-over deadline is near or past, with its owner and end date. */
export interface DueRecord {
  id: string;
  fileCode: string;
  title: string;
  ownerId: string;
  endDate: string;
}

@Injectable()
export class HandoverRepository extends ApprovalListRepository<Handover, HandoverRecord> {
  constructor(@InjectRepository(Handover) repo: Repository<Handover>, @InjectRepository(HandoverRecord) lines: Repository<HandoverRecord>) {
    super(repo, lines, Handover, HandoverRecord, 'handoverId');
  }

  /** A list the clerk makes is submitted at once (there is no draft hand-over list). */
  insert(manager: EntityManager, handover: Pick<Handover, 'agencyId' | 'title' | 'createdBy'>, recordIds: string[]): Promise<Handover> {
    return this.insertList(manager, { ...handover, status: 'submitted' }, recordIds);
  }

  async packaged(handoverId: string, recordId: string, pkg: Pick<HandoverRecord, 'packagePath' | 'payloadBytes' | 'payloadFiles' | 'payloadOxum'>): Promise<void> {
    await this.lines.update({ handoverId, recordId }, { ...pkg, packagedAt: new Date() });
  }

  /**
   * Closed records, on no list, whose end date + 1 year (the hand-over deadline) falls on or before
   * `warnBy` — those within the warning window and those past it — after `afterId`, by id.
   */
  async due(warnBy: string, afterId: string | null, limit: number): Promise<DueRecord[]> {
    const rows: { id: string; file_code: string; title: string; owner_id: string; end_date: string }[] = await this.repo.query(
      `SELECT r.id, r.file_code, r.title, r.owner_id, to_char(r.end_date, 'YYYY-MM-DD') AS end_date
         FROM file_record r
        WHERE r.status = 'closed' AND r.end_date IS NOT NULL AND r.end_date + interval '1 year' <= $1::date
          AND NOT EXISTS (SELECT 1 FROM handover_record h WHERE h.record_id = r.id)
          AND ($2::uuid IS NULL OR r.id > $2::uuid)
        ORDER BY r.id LIMIT $3`,
      [warnBy, afterId, limit],
    );
    return rows.map((r) => ({ id: r.id, fileCode: r.file_code, title: r.title, ownerId: r.owner_id, endDate: r.end_date }));
  }
}
