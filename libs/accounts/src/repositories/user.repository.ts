import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ArrayContains, EntityManager, In, Like, Repository } from 'typeorm';
import type { Role } from '../authorization/role';
import { User } from '../entities/user.entity';
import { searchTerms } from '../rules/search-terms';
import type { AccountUsage } from '../rules/unused-accounts';
import { UNIT_SEARCH_TEXT } from './unit.repository';
import type { Counted, PreparedStatement } from '@eoffice/core';
import { queryPrepared } from '@eoffice/core';

/** Same expression as the app_user_directory_trgm index of the migration. */
const USER_SEARCH_TEXT = `eoffice_fold(u.full_name || ' ' || coalesce(u.position, '') || ' ' || u.username)`;

export interface UserFilter {
  q?: string;
  unitId?: string;
  role?: Role;
  active?: boolean;
}

export interface DirectoryEntry {
  id: string;
  fullName: string;
  username: string;
  email: string;
  position: string | null;
  unitId: string;
  unitCode: string;
  unitName: string;
  unitEmail: string | null;
}

/**
 * Each word must match the person (name, position, username) or their unit (code, name).
 * The unit side is an array of ids found first, so both sides can use their trigram index.
 */
function termConditions(query: string | undefined, params: unknown[]): string[] {
  return searchTerms(query).map((term) => {
    params.push(term);
    const p = `eoffice_fold($${params.length})`;
    return `(${USER_SEARCH_TEXT} LIKE ${p} OR u.unit_id = ANY(ARRAY(SELECT id FROM unit WHERE ${UNIT_SEARCH_TEXT} LIKE ${p})))`;
  });
}

/** What the access check of every request needs of the token's person and session (AuthGuard). */
export interface SessionHolder {
  id: string;
  username: string;
  fullName: string;
  roles: Role[];
  unitId: string;
  mustChangePassword: boolean;
  active: boolean;
  sessionVersion: number;
  /** A family is ended when any of its tokens was revoked (reuse, sign-out, password change). */
  familyRevoked: boolean;
}

/**
 * One statement, no query builder or entity: it runs before every authenticated request, where
 * TypeORM's SQL building and hydration of two reads were a measurable share of the API's CPU
 * (issue 13.10, bench/registration).
 */
const SESSION_HOLDER: PreparedStatement = {
  name: 'session_holder',
  text: `SELECT u.id, u.username, u.full_name AS "fullName", u.roles, u.unit_id AS "unitId",
  u.must_change_password AS "mustChangePassword", u.active, u.session_version AS "sessionVersion",
  EXISTS (SELECT 1 FROM refresh_token t WHERE t.family_id = $2 AND t.revoked_at IS NOT NULL) AS "familyRevoked"
  FROM app_user u WHERE u.id = $1`,
};

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(User) private readonly repo: Repository<User>) {}

  private of(manager?: EntityManager): Repository<User> {
    return manager ? manager.getRepository(User) : this.repo;
  }

  /** The person of an access token and whether its session family was revoked; null when no such person. */
  async findSessionHolder(userId: string, familyId: string): Promise<SessionHolder | null> {
    // Prepared (parsed and planned once per connection): it runs before every authenticated request.
    const rows = await queryPrepared<SessionHolder>(this.repo.manager.connection, SESSION_HOLDER, [userId, familyId]);
    return rows[0] ?? null;
  }

  findById(id: string, manager?: EntityManager): Promise<User | null> {
    return this.of(manager).findOneBy({ id });
  }

  findByIdForUpdate(manager: EntityManager, id: string): Promise<User | null> {
    return manager.getRepository(User).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
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

  findByUsername(username: string): Promise<User | null> {
    return this.repo.findOneBy({ username });
  }

  /** Active holders of the role; with `agencyId`, only those whose unit belongs to that agency. */
  async activeIdsWithRole(role: Role, agencyId?: string): Promise<string[]> {
    const qb = this.repo
      .createQueryBuilder('u')
      .select('u.id', 'id')
      .where('u.active AND :role = ANY(u.roles)', { role });
    if (agencyId) qb.innerJoin('unit', 'unit', 'unit.id = u.unit_id AND unit.agency_id = :agencyId', { agencyId });
    const rows: { id: string }[] = await qb.getRawMany();
    return rows.map((r) => r.id);
  }

  async existsWithRole(role: Role, manager?: EntityManager): Promise<boolean> {
    return (await (manager ? manager.getRepository(User) : this.repo).countBy({ roles: ArrayContains([role]) })) > 0;
  }

  countActiveWithRole(manager: EntityManager, role: Role): Promise<number> {
    return manager.getRepository(User).countBy({ roles: ArrayContains([role]), active: true });
  }

  existsActiveNamed(manager: EntityManager, fullName: string, unitId: string): Promise<boolean> {
    return manager.getRepository(User).existsBy({ fullName, unitId, active: true });
  }

  /** Serialises changes to who is an active administrator, so the last one cannot be removed twice over. */
  async lockAdministrators(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('eoffice:administrators'))`);
  }

  /** Held until the transaction ends, so two people with one name cannot both get `bangnv2`. */
  async lockUsername(manager: EntityManager, base: string): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`eoffice:username:${base}`]);
  }

  /** Usernames starting with `base`, to pick the next free one under the naming rule. */
  async usernamesLike(base: string, manager?: EntityManager): Promise<Set<string>> {
    const rows = await this.of(manager).find({ select: { username: true }, where: { username: Like(`${base}%`) } });
    return new Set(rows.map((r) => r.username));
  }

  async insert(manager: EntityManager, user: Partial<User>): Promise<User> {
    const repo = manager.getRepository(User);
    return repo.save(repo.create({ failedLoginCount: 0, sessionVersion: 0, active: true, ...user }));
  }

  async update(id: string, changes: Partial<User>, manager?: EntityManager): Promise<void> {
    await this.of(manager).update({ id }, changes);
  }

  /** Invalidates every access token already issued to the person. */
  async bumpSessionVersion(id: string, manager?: EntityManager): Promise<void> {
    await this.of(manager).increment({ id }, 'sessionVersion', 1);
  }

  /** The administrator's list: any state, filtered, by name. */
  async page(filter: UserFilter, offset: number, limit: number): Promise<Counted<User>> {
    const params: unknown[] = [];
    const where = termConditions(filter.q, params);
    if (filter.unitId) where.push(`u.unit_id = $${params.push(filter.unitId)}`);
    if (filter.role) where.push(`u.roles @> ARRAY[$${params.push(filter.role)}]::text[]`);
    if (filter.active !== undefined) where.push(`u.active = $${params.push(filter.active)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = (await this.repo.query(`SELECT count(*) AS n FROM app_user u ${clause}`, params)) as { n: string }[];
    const ids: { id: string }[] = await this.repo.query(
      `SELECT u.id FROM app_user u ${clause} ORDER BY eoffice_fold(u.full_name), u.id OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, offset, limit],
    );
    const users = ids.length ? await this.repo.findBy({ id: In(ids.map((r) => r.id)) }) : [];
    const byId = new Map(users.map((u) => [u.id, u]));
    return { items: ids.map(({ id }) => byId.get(id)!), total: Number(n) };
  }

  /** The directory (danh bạ): active people, best name match first. */
  async searchDirectory(query: string | undefined, offset: number, limit: number): Promise<Counted<DirectoryEntry>> {
    const params: unknown[] = [];
    const where = ['u.active', ...termConditions(query, params)].join(' AND ');
    const [{ n }] = (await this.repo.query(`SELECT count(*) AS n FROM app_user u WHERE ${where}`, params)) as { n: string }[];
    const rows: Record<string, unknown>[] = await this.repo.query(
      `SELECT u.id, u.full_name, u.username, u.email, u.position,
              un.id AS unit_id, un.code AS unit_code, un.name AS unit_name, un.email AS unit_email
         FROM app_user u JOIN unit un ON un.id = u.unit_id
        WHERE ${where}
        ORDER BY similarity(eoffice_fold(u.full_name), eoffice_fold($${params.length + 1})) DESC,
                 eoffice_fold(u.full_name), u.id
        OFFSET $${params.length + 2} LIMIT $${params.length + 3}`,
      [...params, query?.normalize('NFC') ?? '', offset, limit],
    );
    return {
      total: Number(n),
      items: rows.map((r) => ({
        id: r.id as string,
        fullName: r.full_name as string,
        username: r.username as string,
        email: r.email as string,
        position: r.position as string | null,
        unitId: r.unit_id as string,
        unitCode: r.unit_code as string,
        unitName: r.unit_name as string,
        unitEmail: r.unit_email as string | null,
      })),
    };
  }

  async activeNames(): Promise<{ fullName: string; unitId: string }[]> {
    return this.repo.find({ select: { fullName: true, unitId: true }, where: { active: true } });
  }

  async usage(): Promise<AccountUsage[]> {
    const users = await this.repo.find({ where: { active: true }, order: { username: 'ASC' } });
    return users.map((u) => ({
      userId: u.id,
      username: u.username,
      fullName: u.fullName,
      unitId: u.unitId,
      createdAt: u.createdAt,
      lastLoginAt: u.lastLoginAt,
    }));
  }
}
