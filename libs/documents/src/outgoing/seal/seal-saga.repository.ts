import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AgencySeal, SealMode, SealSaga } from './seal-saga.entity';

@Injectable()
export class AgencySealRepository {
  constructor(@InjectRepository(AgencySeal) private readonly repo: Repository<AgencySeal>) {}

  find(agencyId: string, manager?: EntityManager): Promise<AgencySeal | null> {
    return (manager?.getRepository(AgencySeal) ?? this.repo).findOne({ where: { agencyId } });
  }

  /** An agency that never said otherwise keeps its seal key on the server, as before. */
  async modeOf(agencyId: string, manager?: EntityManager): Promise<SealMode> {
    return (await this.find(agencyId, manager))?.mode ?? 'stored';
  }

  save(manager: EntityManager, seal: Omit<AgencySeal, 'updatedAt'>): Promise<AgencySeal> {
    return manager.getRepository(AgencySeal).save(seal);
  }
}

@Injectable()
export class SealSagaRepository {
  constructor(@InjectRepository(SealSaga) private readonly repo: Repository<SealSaga>) {}

  findById(id: string): Promise<SealSaga | null> {
    return this.repo.findOne({ where: { id } });
  }

  /** Locked: the token's answer, the worker and the timeout all finish a saga under this lock, so only one does. */
  findForUpdate(manager: EntityManager, id: string): Promise<SealSaga | null> {
    return manager.getRepository(SealSaga).createQueryBuilder('s').where({ id }).setLock('pessimistic_write').getOne();
  }

  openOf(manager: EntityManager, documentId: string): Promise<SealSaga | null> {
    return manager.getRepository(SealSaga).createQueryBuilder('s').where(`s.document_id = :documentId AND s.step IN ('prepared', 'requested')`, { documentId }).getOne();
  }

  latestOf(documentId: string): Promise<SealSaga | null> {
    return this.repo.createQueryBuilder('s').where({ documentId }).orderBy('s.created_at', 'DESC').getOne();
  }

  insert(manager: EntityManager, saga: Omit<SealSaga, 'id' | 'createdAt' | 'remoteTransaction' | 'remoteBatch' | 'failureCode' | 'reason' | 'sealedFileId' | 'finishedAt'>): Promise<SealSaga> {
    const repo = manager.getRepository(SealSaga);
    return repo.save(repo.create({ ...saga, remoteTransaction: null, remoteBatch: null, failureCode: null, reason: null, sealedFileId: null, finishedAt: null }));
  }

  async update(manager: EntityManager, id: string, changes: Partial<SealSaga>): Promise<void> {
    await manager.getRepository(SealSaga).update({ id }, changes);
  }

  /** Every open saga, for the sweep that resumes those whose job a crash lost and voids those past their time. */
  async openIds(): Promise<string[]> {
    const rows = await this.repo.createQueryBuilder('s').select('s.id', 'id').where(`s.step IN ('prepared', 'requested')`).getRawMany<{ id: string }>();
    return rows.map((r) => r.id);
  }
}
