import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, MoreThan, Repository } from 'typeorm';
import { StoredFile } from './stored-file.entity';

@Injectable()
export class StoredFileRepository {
  constructor(@InjectRepository(StoredFile) private readonly repo: Repository<StoredFile>) {}

  insert(file: Omit<StoredFile, 'id' | 'createdAt'>, manager?: EntityManager): Promise<StoredFile> {
    const repo = manager ? manager.getRepository(StoredFile) : this.repo;
    return repo.save(repo.create(file));
  }

  async existsWithSha256(sha256: string): Promise<boolean> {
    return this.repo.exists({ where: { sha256 } });
  }

  findById(id: string): Promise<StoredFile | null> {
    return this.repo.findOneBy({ id });
  }

  /** Keyset pagination so a fixity run over millions of files never holds more than a batch. */
  findBatchAfter(afterId: string | null, size: number): Promise<StoredFile[]> {
    return this.repo.find({
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: size,
    });
  }
}
