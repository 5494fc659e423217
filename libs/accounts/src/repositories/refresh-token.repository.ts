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

  /** A family is ended when any of its tokens was revoked (reuse, sign-out, password change). */
  async isFamilyRevoked(familyId: string): Promise<boolean> {
    const rows: unknown[] = await this.repo.query(`SELECT 1 FROM refresh_token WHERE family_id = $1 AND revoked_at IS NOT NULL LIMIT 1`, [familyId]);
    return rows.length > 0;
  }
}
