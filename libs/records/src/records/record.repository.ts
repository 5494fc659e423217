import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, Repository } from 'typeorm';
import { FileRecord, RecordStatus } from '../entities/file-record.entity';

/** Who sees which records (RecordAccess decides it once per request; this applies it as a WHERE). */
export interface RecordScope {
  userId: string;
  /** Agencies whose every record the person sees: its clerk, its leadership, its agency-level leaders. */
  wholeAgencyIds: string[];
  /** Units whose records the person sees as their head or delegate. */
  unitIds: string[];
}

export interface RecordFilter {
  year?: number;
  status?: RecordStatus;
  mine?: boolean;
}

@Injectable()
export class RecordRepository {
  constructor(@InjectRepository(FileRecord) private readonly repo: Repository<FileRecord>) {}

  insert(manager: EntityManager, record: Omit<FileRecord, 'id' | 'createdAt' | 'updatedAt' | 'destroyedAt'>): Promise<FileRecord> {
    const repo = manager.getRepository(FileRecord);
    return repo.save(repo.create(record));
  }

  findById(id: string, manager?: EntityManager): Promise<FileRecord | null> {
    return (manager ? manager.getRepository(FileRecord) : this.repo).findOneBy({ id });
  }

  findVisible(id: string, scope: RecordScope): Promise<FileRecord | null> {
    return this.visible(scope).andWhere('r.id = :id', { id }).getOne();
  }

  /** The record locked for a change (filing, closing): changes to one record happen one at a time. */
  findForUpdate(manager: EntityManager, id: string): Promise<FileRecord | null> {
    return manager.getRepository(FileRecord).createQueryBuilder('r').where('r.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findByEntry(entryId: string, manager?: EntityManager): Promise<FileRecord | null> {
    return (manager ? manager.getRepository(FileRecord) : this.repo).findOneBy({ fileListEntryId: entryId });
  }

  findForNotation(agencyId: string, year: number, notation: string, manager?: EntityManager): Promise<FileRecord | null> {
    return (manager ? manager.getRepository(FileRecord) : this.repo).findOneBy({ agencyId, year, notation });
  }

  list(scope: RecordScope, filter: RecordFilter, limit: number, offset: number): Promise<[FileRecord[], number]> {
    const qb = this.visible(scope);
    if (filter.year !== undefined) qb.andWhere('r.year = :year', { year: filter.year });
    if (filter.status) qb.andWhere('r.status = :status', { status: filter.status });
    if (filter.mine) qb.andWhere('r.owner_id = :me', { me: scope.userId });
    return qb.orderBy('r.year', 'DESC').addOrderBy('r.notation', 'ASC').take(limit).skip(offset).getManyAndCount();
  }

  async isOnHandoverList(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM handover_record WHERE record_id = $1`, [id]);
    return rows.length > 0;
  }

  async isOnDestructionList(manager: EntityManager, id: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM record_destruction_line WHERE record_id = $1`, [id]);
    return rows.length > 0;
  }

  async update(manager: EntityManager, id: string, changes: Partial<FileRecord>): Promise<void> {
    await manager.getRepository(FileRecord).update({ id }, changes);
  }

  private visible(scope: RecordScope) {
    return this.repo.createQueryBuilder('r').where(
      new Brackets((w) =>
        w
          .where('r.owner_id = :scopeUser')
          .orWhere('r.agency_id = ANY(:scopeAgencies)')
          .orWhere('r.unit_id = ANY(:scopeUnits)'),
      ),
      { scopeUser: scope.userId, scopeAgencies: scope.wholeAgencyIds, scopeUnits: scope.unitIds },
    );
  }
}
