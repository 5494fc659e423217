import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { SigningSession } from './entities/signing-session.entity';

@Injectable()
export class SigningSessionRepository {
  constructor(@InjectRepository(SigningSession) private readonly repo: Repository<SigningSession>) {}

  findById(id: string): Promise<SigningSession | null> {
    return this.repo.findOne({ where: { id } });
  }

  insert(manager: EntityManager, session: Omit<SigningSession, 'id' | 'createdAt' | 'completedAt'>): Promise<SigningSession> {
    const repo = manager.getRepository(SigningSession);
    return repo.save(repo.create({ ...session, completedAt: null }));
  }

  /** An open session of this document and signer, locked so it completes once. */
  findOpenForUpdate(manager: EntityManager, id: string, documentId: string, signerId: string): Promise<SigningSession | null> {
    return manager
      .getRepository(SigningSession)
      .createQueryBuilder('s')
      .where({ id, documentId, signerId, completedAt: IsNull() })
      .setLock('pessimistic_write')
      .getOne();
  }

  async markCompleted(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(SigningSession).update({ id }, { completedAt: new Date() });
  }
}
