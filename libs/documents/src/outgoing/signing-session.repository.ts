import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Repository } from 'typeorm';
import { SigningSession } from './entities/signing-session.entity';

@Injectable()
export class SigningSessionRepository {
  constructor(@InjectRepository(SigningSession) private readonly repo: Repository<SigningSession>) {}

  findById(id: string): Promise<SigningSession | null> {
    return this.repo.findOne({ where: { id } });
  }

  findByIds(ids: string[]): Promise<SigningSession[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.repo.find({ where: { id: In(ids) } });
  }

  insert(manager: EntityManager, session: Pick<SigningSession, 'documentId' | 'signerId' | 'preparedFileId' | 'state' | 'expiresAt'> & Partial<SigningSession>): Promise<SigningSession> {
    const repo = manager.getRepository(SigningSession);
    return repo.save(repo.create({ completedAt: null, signingAuthority: null, providerId: null, transactionId: null, remoteStatus: null, failureCode: null, failureMessage: null, ...session }));
  }

  async setSigningAuthority(manager: EntityManager, id: string, kind: SigningSession['signingAuthority']): Promise<void> {
    await manager.getRepository(SigningSession).update({ id }, { signingAuthority: kind });
  }

  /** A remote session by its provider's transaction id (unique per provider), for a callback. */
  findByTransaction(providerId: string, transactionId: string): Promise<SigningSession | null> {
    return this.repo.findOne({ where: { providerId, transactionId } });
  }

  findByIdForUpdate(manager: EntityManager, id: string): Promise<SigningSession | null> {
    return manager.getRepository(SigningSession).createQueryBuilder('s').where({ id }).setLock('pessimistic_write').getOne();
  }

  /** The newest remote session of a document, for its detail page. */
  latestRemoteOf(documentId: string): Promise<SigningSession | null> {
    return this.repo
      .createQueryBuilder('s')
      .where('s.document_id = :documentId AND s.provider_id IS NOT NULL', { documentId })
      .orderBy('s.created_at', 'DESC')
      .getOne();
  }

  /** A remote pending session of the document, if one is open (one at a time). */
  openRemoteOf(manager: EntityManager, documentId: string): Promise<SigningSession | null> {
    return manager
      .getRepository(SigningSession)
      .createQueryBuilder('s')
      .where(`s.document_id = :documentId AND s.remote_status IN ('sending', 'pending')`, { documentId })
      .getOne();
  }

  async update(manager: EntityManager, id: string, changes: Partial<SigningSession>): Promise<void> {
    await manager.getRepository(SigningSession).update({ id }, changes);
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
