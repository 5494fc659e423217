import { DeepPartial, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere, In, Repository } from 'typeorm';
import { FileRecord } from '../entities/file-record.entity';

/** A list of records waiting for a leader's approval: the hand-over list (nộp lưu) or the destruction list (tiêu hủy). */
export interface ApprovalList {
  id: string;
  agencyId: string;
  createdAt: Date;
}

/** One record on such a list, by its line number (STT); a record is on one list of a kind at most (a unique index). */
export interface ApprovalListLine {
  recordId: string;
  ordinal: number;
}

/**
 * What the hand-over and destruction lists store alike: the list, its lines in order, the row
 * lock an approval takes, the records locked in id order. Each kind's repository extends it with
 * its own tables and its own queries (due records, tombstones, packages).
 */
export abstract class ApprovalListRepository<L extends ApprovalList, Line extends ApprovalListLine> {
  protected constructor(
    protected readonly repo: Repository<L>,
    protected readonly lines: Repository<Line>,
    private readonly listEntity: EntityTarget<L>,
    private readonly lineEntity: EntityTarget<Line>,
    /** The line's column naming its list (`handoverId`, `destructionId`). */
    private readonly listKey: string,
  ) {}

  /** The list and its lines (numbered 1, 2, … in the order given), in the caller's transaction. */
  protected async insertList(manager: EntityManager, list: DeepPartial<L>, recordIds: string[]): Promise<L> {
    const lists = manager.getRepository(this.listEntity);
    const saved = await lists.save(lists.create(list));
    await manager.getRepository(this.lineEntity).insert(recordIds.map((recordId, i) => ({ [this.listKey]: saved.id, recordId, ordinal: i + 1 }) as unknown as Line) as never);
    return saved;
  }

  findById(id: string, manager?: EntityManager): Promise<L | null> {
    return (manager ? manager.getRepository(this.listEntity) : this.repo).findOneBy({ id } as FindOptionsWhere<L>);
  }

  /** The list's row locked: two approvals at once are ordered, the second sees the first's effect. */
  findForUpdate(manager: EntityManager, id: string): Promise<L | null> {
    return manager.getRepository(this.listEntity).createQueryBuilder('l').where('l.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  /** The agency's lists, newest first (at most 200). */
  listFor(agencyId: string): Promise<L[]> {
    return this.repo.find({ where: { agencyId } as FindOptionsWhere<L>, order: { createdAt: 'DESC', id: 'ASC' } as FindOptionsOrder<L>, take: 200 });
  }

  linesOf(listId: string, manager?: EntityManager): Promise<Line[]> {
    return (manager ? manager.getRepository(this.lineEntity) : this.lines).find({ where: { [this.listKey]: listId } as FindOptionsWhere<Line>, order: { ordinal: 'ASC' } as FindOptionsOrder<Line> });
  }

  /** The lines already holding one of the records (a record is on one list of the kind at most). */
  linesFor(recordIds: string[], manager: EntityManager): Promise<Line[]> {
    return manager.getRepository(this.lineEntity).findBy({ recordId: In(recordIds) } as FindOptionsWhere<Line>);
  }

  async update(manager: EntityManager, id: string, changes: Partial<L>): Promise<void> {
    await manager.getRepository(this.listEntity).update({ id } as FindOptionsWhere<L>, changes as never);
  }

  /** The records locked in id order (two requests over the same records wait, never deadlock). */
  lockRecords(manager: EntityManager, ids: string[]): Promise<FileRecord[]> {
    return manager.getRepository(FileRecord).createQueryBuilder('r').where('r.id IN (:...ids)', { ids }).orderBy('r.id').setLock('pessimistic_write').getMany();
  }

  /** The unique index on a line's record said no: the record went onto another list at the same moment. */
  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: string })?.code === '23505';
  }
}
