import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ArrayContains, EntityManager, Like, Repository } from 'typeorm';
import type { Role } from '../authorization/role';
import { User } from '../entities/user.entity';

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  findById(id: string): Promise<User | null> {
    return this.repo.findOneBy({ id });
  }

  findByUsernameWithHash(username: string): Promise<User | null> {
    return this.repo
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.username = :username', { username })
      .getOne();
  }

  findPasswordHash(id: string): Promise<User | null> {
    return this.repo.createQueryBuilder('u').addSelect('u.passwordHash').where('u.id = :id', { id }).getOne();
  }

  async existsWithRole(role: Role): Promise<boolean> {
    return (await this.repo.countBy({ roles: ArrayContains([role]) })) > 0;
  }

  /** Usernames starting with `base`, to pick the next free one under the naming rule. */
  async usernamesLike(base: string, manager?: EntityManager): Promise<Set<string>> {
    const repo = manager ? manager.getRepository(User) : this.repo;
    const rows = await repo.find({ select: { username: true }, where: { username: Like(`${base}%`) } });
    return new Set(rows.map((r) => r.username));
  }

  async insert(manager: EntityManager, user: Partial<User>): Promise<User> {
    const repo = manager.getRepository(User);
    return repo.save(repo.create({ failedLoginCount: 0, sessionVersion: 0, active: true, ...user }));
  }

  async update(id: string, changes: Partial<User>, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(User) : this.repo).update({ id }, changes);
  }

  /** Invalidates every access token already issued to the person. */
  async bumpSessionVersion(id: string, manager?: EntityManager): Promise<void> {
    await (manager ? manager.getRepository(User) : this.repo).increment({ id }, 'sessionVersion', 1);
  }

  /**
   * Atomic, so parallel failed attempts are all counted; a lock that has run out starts a fresh count.
   */
  async recordFailedLogin(id: string, lockThreshold: number, lockUntil: Date): Promise<User | null> {
    await this.repo.query(
      `UPDATE app_user u
          SET failed_login_count = n.count,
              locked_until = CASE WHEN n.count >= $2 THEN $3::timestamptz ELSE NULL END
         FROM (SELECT id,
                      CASE WHEN locked_until IS NOT NULL AND locked_until <= now() THEN 1
                           ELSE failed_login_count + 1 END AS count
                 FROM app_user WHERE id = $1 FOR UPDATE) n
        WHERE u.id = n.id`,
      [id, lockThreshold, lockUntil],
    );
    return this.findById(id);
  }
}
