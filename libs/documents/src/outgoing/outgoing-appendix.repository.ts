import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import type { PadesLevel } from '@eoffice/signing';
import { OutgoingAppendix } from './entities/outgoing-appendix.entity';

@Injectable()
export class OutgoingAppendixRepository {
  constructor(@InjectRepository(OutgoingAppendix) private readonly repo: Repository<OutgoingAppendix>) {}

  /** The next position of the document; its row is locked by the caller, so max+1 cannot race. */
  async insertNext(manager: EntityManager, appendix: Pick<OutgoingAppendix, 'documentId' | 'title' | 'fileId' | 'createdBy'>): Promise<OutgoingAppendix> {
    const repo = manager.getRepository(OutgoingAppendix);
    const { max } = (await repo.createQueryBuilder('a').select('max(a.position)', 'max').where('a.document_id = :id', { id: appendix.documentId }).getRawOne<{ max: number | null }>())!;
    return repo.save(repo.create({ ...appendix, position: (max ?? 0) + 1, issuedFileId: null, longTermLevel: null }));
  }

  listOf(documentId: string, manager?: EntityManager): Promise<OutgoingAppendix[]> {
    return (manager?.getRepository(OutgoingAppendix) ?? this.repo).find({ where: { documentId }, order: { position: 'ASC' } });
  }

  findOf(documentId: string, id: string): Promise<OutgoingAppendix | null> {
    return this.repo.findOneBy({ documentId, id });
  }

  /** Signed at issue, or extended later (B-LTA): the stored file and the level it reached. */
  async markIssued(manager: EntityManager, id: string, issuedFileId: string, longTermLevel: PadesLevel): Promise<void> {
    await manager.getRepository(OutgoingAppendix).update({ id }, { issuedFileId, longTermLevel });
  }
}
