import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { FileListEntry } from '../entities/file-list-entry.entity';
import { FileList } from '../entities/file-list.entity';

const UNIQUE_VIOLATION = '23505';

@Injectable()
export class FileListRepository {
  constructor(
    @InjectRepository(FileList) private readonly lists: Repository<FileList>,
    @InjectRepository(FileListEntry) private readonly entries: Repository<FileListEntry>,
  ) {}

  insert(manager: EntityManager, list: Pick<FileList, 'agencyId' | 'year' | 'title' | 'createdBy'>): Promise<FileList> {
    const repo = manager.getRepository(FileList);
    return repo.save(repo.create({ ...list, status: 'draft', approvedBy: null, approvedAt: null }));
  }

  findById(id: string, manager?: EntityManager): Promise<FileList | null> {
    return (manager ? manager.getRepository(FileList) : this.lists).findOneBy({ id });
  }

  /** Locks the list for a change of its status or entries (approval and additions never interleave). */
  findForUpdate(manager: EntityManager, id: string): Promise<FileList | null> {
    return manager.getRepository(FileList).createQueryBuilder('l').where('l.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  findForAgencyYear(agencyId: string, year: number, manager?: EntityManager): Promise<FileList | null> {
    return (manager ? manager.getRepository(FileList) : this.lists).findOneBy({ agencyId, year });
  }

  listForAgency(agencyId: string): Promise<FileList[]> {
    return this.lists.find({ where: { agencyId }, order: { year: 'DESC' } });
  }

  async approve(manager: EntityManager, id: string, approvedBy: string): Promise<void> {
    await manager.getRepository(FileList).update({ id }, { status: 'approved', approvedBy, approvedAt: new Date() });
  }

  insertEntry(manager: EntityManager, entry: Omit<FileListEntry, 'id' | 'createdAt'>): Promise<FileListEntry> {
    const repo = manager.getRepository(FileListEntry);
    return repo.save(repo.create(entry));
  }

  entriesOf(fileListId: string, manager?: EntityManager): Promise<FileListEntry[]> {
    return (manager ? manager.getRepository(FileListEntry) : this.entries).find({ where: { fileListId }, order: { notation: 'ASC' } });
  }

  findEntry(id: string, manager?: EntityManager): Promise<FileListEntry | null> {
    return (manager ? manager.getRepository(FileListEntry) : this.entries).findOneBy({ id });
  }

  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: string }).code === UNIQUE_VIOLATION || (error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION;
  }
}
