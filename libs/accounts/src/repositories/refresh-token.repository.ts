import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, IsNull, Repository } from 'typeorm';
import { RefreshToken } from '../entities/refresh-token.entity';

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectRepository(RefreshToken) private readonly repo: Repository<RefreshToken>) {}

  async insert(token: Omit<RefreshToken, 'id' | 'createdAt' | 'usedAt' | 'revokedAt'>, manager?: EntityManager) {
    const repo = manager ? manager.getRepository(RefreshToken) : this.repo;
    await repo.insert(repo.create({ ...token, usedAt: null, revokedAt: null }));
  }

  /** Locks the row so two concurrent refreshes with one token cannot both succeed. */
  findByHashForUpdate(manager: EntityManager, tokenHash: string): Promise<RefreshToken | null> {
    return manager
      .getRepository(RefreshToken)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.tokenHash = :tokenHash', { tokenHash })
      .getOne();
  }

  async markUsed(manager: EntityManager, id: string): Promise<void> {
    await manager.getRepository(RefreshToken).update({ id }, { usedAt: new Date() });
  }

  async revokeFamily(familyId: string, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(RefreshToken) : this.repo;
    await repo.update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeAllForUser(userId: string, manager?: EntityManager): Promise<void> {
    const repo = manager ? manager.getRepository(RefreshToken) : this.repo;
    await repo.update({ userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
