import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { OutgoingVersion } from './entities/outgoing-version.entity';

@Injectable()
export class OutgoingVersionRepository {
  constructor(@InjectRepository(OutgoingVersion) private readonly repo: Repository<OutgoingVersion>) {}

  async insertNext(manager: EntityManager, version: Omit<OutgoingVersion, 'id' | 'versionNumber' | 'createdAt'>): Promise<OutgoingVersion> {
    const repo = manager.getRepository(OutgoingVersion);
    // The document row is locked by the caller, so max+1 cannot race.
    const { max } = (await repo.createQueryBuilder('v').select('max(v.version_number)', 'max').where('v.document_id = :id', { id: version.documentId }).getRawOne<{ max: number | null }>())!;
    return repo.save(repo.create({ ...version, versionNumber: (max ?? 0) + 1 }));
  }

  async update(id: string, changes: Partial<OutgoingVersion>, manager?: EntityManager): Promise<void> {
    await (manager?.getRepository(OutgoingVersion) ?? this.repo).update({ id }, changes);
  }

  findById(id: string, manager?: EntityManager): Promise<OutgoingVersion | null> {
    return (manager?.getRepository(OutgoingVersion) ?? this.repo).findOneBy({ id });
  }

  listOf(documentId: string): Promise<OutgoingVersion[]> {
    return this.repo.find({ where: { documentId }, order: { versionNumber: 'ASC' } });
  }
}
