import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, MoreThan, Repository } from 'typeorm';
import { StoredFile } from './stored-file.entity';

@Injectable()
export class StoredFileRepository {
  constructor(@InjectRepository(StoredFile) private readonly repo: Repository<StoredFile>) {}

  insert(file: Omit<StoredFile, 'id' | 'createdAt' | 'destroyedAt'>, manager?: EntityManager): Promise<StoredFile> {
    const repo = manager ? manager.getRepository(StoredFile) : this.repo;
    return repo.save(repo.create(file));
  }

  async existsWithSha256(sha256: string): Promise<boolean> {
    return this.repo.exists({ where: { sha256 } });
  }

  /** Which of these storage keys some row still refers to. */
  async referencedKeys(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.repo.find({ select: { storageKey: true }, where: { storageKey: In(keys) } });
    return new Set(rows.map((r) => r.storageKey));
  }

  findById(id: string, manager?: EntityManager): Promise<StoredFile | null> {
    return (manager ? manager.getRepository(StoredFile) : this.repo).findOneBy({ id });
  }

  /** Many at once (a record's documents): one query instead of one per file. */
  findByIds(ids: readonly string[]): Promise<StoredFile[]> {
    return ids.length ? this.repo.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** Keyset pagination so a fixity run over millions of files never holds more than a batch. */
  findBatchAfter(afterId: string | null, size: number): Promise<StoredFile[]> {
    return this.repo.find({
      // Destroyed bytes (tiêu hủy) are gone on purpose: nothing to check.
      where: afterId ? { id: MoreThan(afterId), destroyedAt: IsNull() } : { destroyedAt: IsNull() },
      order: { id: 'ASC' },
      take: size,
    });
  }
}
