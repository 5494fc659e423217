import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { UserMfa } from '../entities/user-mfa.entity';

@Injectable()
export class UserMfaRepository {
  constructor(@InjectRepository(UserMfa) private readonly repo: Repository<UserMfa>) {}

  private of(manager?: EntityManager): Repository<UserMfa> {
    return manager ? manager.getRepository(UserMfa) : this.repo;
  }

  find(userId: string, manager?: EntityManager): Promise<UserMfa | null> {
    return this.of(manager).findOneBy({ userId });
  }

  findForUpdate(manager: EntityManager, userId: string): Promise<UserMfa | null> {
    return manager.getRepository(UserMfa).createQueryBuilder('m').setLock('pessimistic_write').where('m.userId = :userId', { userId }).getOne();
  }

  /** A new, unconfirmed secret replaces any earlier unconfirmed one. */
  async savePending(manager: EntityManager, userId: string, secretSealed: string): Promise<void> {
    await manager.query(
      `INSERT INTO user_mfa (user_id, secret_sealed) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET secret_sealed = EXCLUDED.secret_sealed, confirmed_at = NULL,
         last_used_step = NULL, recovery_code_hashes = '{}', updated_at = now()`,
      [userId, secretSealed],
    );
  }

  async confirm(manager: EntityManager, userId: string, step: number, recoveryCodeHashes: string[]): Promise<void> {
    await manager.getRepository(UserMfa).update({ userId }, { confirmedAt: new Date(), lastUsedStep: String(step), recoveryCodeHashes });
  }

  /** Atomic: of two sign-ins presenting the same code (or an older one), only one gets through. */
  async consumeStep(manager: EntityManager, userId: string, step: number): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE user_mfa SET last_used_step = $2, updated_at = now()
        WHERE user_id = $1 AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < $2)
        RETURNING user_id`,
      [userId, step],
    );
    return rowCount(rows) === 1;
  }

  /** Atomic: a recovery code works once. */
  async consumeRecoveryCode(manager: EntityManager, userId: string, codeHash: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `UPDATE user_mfa SET recovery_code_hashes = array_remove(recovery_code_hashes, $2), updated_at = now()
        WHERE user_id = $1 AND confirmed_at IS NOT NULL AND $2 = ANY(recovery_code_hashes)
        RETURNING user_id`,
      [userId, codeHash],
    );
    return rowCount(rows) === 1;
  }

  async remove(manager: EntityManager, userId: string): Promise<boolean> {
    const result = await manager.getRepository(UserMfa).delete({ userId });
    return (result.affected ?? 0) > 0;
  }
}

/** `manager.query` answers an UPDATE … RETURNING with [rows, count] on PostgreSQL. */
function rowCount(result: unknown[]): number {
  const rows = Array.isArray(result[0]) ? (result[0] as unknown[]) : result;
  return rows.length;
}
