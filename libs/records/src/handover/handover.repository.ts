import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { FileRecord } from '../entities/file-record.entity';
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
export class HandoverRepository {
  constructor(
    @InjectRepository(Handover) private readonly repo: Repository<Handover>,
    @InjectRepository(HandoverRecord) private readonly lines: Repository<HandoverRecord>,
  ) {}

  async insert(manager: EntityManager, handover: Pick<Handover, 'agencyId' | 'title' | 'createdBy'>, recordIds: string[]): Promise<Handover> {
    const saved = await manager.getRepository(Handover).save(manager.getRepository(Handover).create({ ...handover, status: 'submitted' }));
    await manager.getRepository(HandoverRecord).insert(recordIds.map((recordId, i) => ({ handoverId: saved.id, recordId, ordinal: i + 1 })));
    return saved;
  }

  findById(id: string, manager?: EntityManager): Promise<Handover | null> {
    return (manager ? manager.getRepository(Handover) : this.repo).findOneBy({ id });
  }

  findForUpdate(manager: EntityManager, id: string): Promise<Handover | null> {
    return manager.getRepository(Handover).createQueryBuilder('h').where('h.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  listFor(agencyId: string): Promise<Handover[]> {
    return this.repo.find({ where: { agencyId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 200 });
  }

  linesOf(handoverId: string, manager?: EntityManager): Promise<HandoverRecord[]> {
    return (manager ? manager.getRepository(HandoverRecord) : this.lines).find({ where: { handoverId }, order: { ordinal: 'ASC' } });
  }

  /** The lines already holding one of the records (a record is on one list at most). */
  linesFor(recordIds: string[], manager: EntityManager): Promise<HandoverRecord[]> {
    return manager.getRepository(HandoverRecord).findBy({ recordId: In(recordIds) });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Handover>): Promise<void> {
    await manager.getRepository(Handover).update({ id }, changes);
  }

  async packaged(handoverId: string, recordId: string, pkg: Pick<HandoverRecord, 'packagePath' | 'payloadBytes' | 'payloadFiles' | 'payloadOxum'>): Promise<void> {
    await this.lines.update({ handoverId, recordId }, { ...pkg, packagedAt: new Date() });
  }

  /** The records locked in id order (two requests over the same records wait, never deadlock). */
  lockRecords(manager: EntityManager, ids: string[]): Promise<FileRecord[]> {
    return manager.getRepository(FileRecord).createQueryBuilder('r').where('r.id IN (:...ids)', { ids }).orderBy('r.id').setLock('pessimistic_write').getMany();
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

  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: string })?.code === '23505';
  }
}
