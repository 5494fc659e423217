import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, IsNull, Like, Repository } from 'typeorm';
import { Unit } from '../entities/unit.entity';
import type { UnitUsage } from '../rules/unused-accounts';

/** Same expression as the unit_directory_trgm index of the migration, so searches can use it. */
export const UNIT_SEARCH_TEXT = `eoffice_fold(code || ' ' || name)`;

export interface UnitInTree extends Unit {
  depth: number;
  headFullName: string | null;
}

@Injectable()
export class UnitRepository {
  constructor(@InjectRepository(Unit) private readonly repo: Repository<Unit>) {}

  private of(manager?: EntityManager): Repository<Unit> {
    return manager ? manager.getRepository(Unit) : this.repo;
  }

  findById(id: string, manager?: EntityManager): Promise<Unit | null> {
    return this.of(manager).findOneBy({ id });
  }

  /** Serialises changes to one unit (head, delegations) between concurrent requests. */
  findByIdForUpdate(manager: EntityManager, id: string): Promise<Unit | null> {
    return manager.getRepository(Unit).createQueryBuilder('u').setLock('pessimistic_write').where('u.id = :id', { id }).getOne();
  }

  findByIds(ids: readonly string[]): Promise<Unit[]> {
    return ids.length ? this.repo.findBy({ id: In([...ids]) }) : Promise.resolve([]);
  }

  findRootAgency(manager?: EntityManager): Promise<Unit | null> {
    return this.of(manager).findOne({ where: { kind: 'agency', parentId: IsNull() }, order: { createdAt: 'ASC' } });
  }

  findAgencyByCode(code: string): Promise<Unit | null> {
    return this.repo.findOneBy({ kind: 'agency', code });
  }

  findAll(manager?: EntityManager): Promise<Unit[]> {
    return this.of(manager).find({ order: { createdAt: 'ASC' } });
  }

  async codeTaken(manager: EntityManager, parentId: string | null, code: string): Promise<boolean> {
    return manager.getRepository(Unit).existsBy({ parentId: parentId ?? IsNull(), code });
  }

  /** Unit creation is rare; one lock keeps two of them from taking the same mailbox name. */
  async lockForCreation(manager: EntityManager): Promise<void> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('eoffice:unit-create'))`);
  }

  async mailboxesLike(manager: EntityManager, local: string): Promise<Set<string>> {
    const rows = await manager.getRepository(Unit).find({ select: { email: true }, where: { email: Like(`${local}%@%`) } });
    return new Set(rows.map((r) => (r.email ?? '').split('@')[0]));
  }

  async insert(manager: EntityManager, unit: Partial<Unit>): Promise<Unit> {
    const repo = manager.getRepository(Unit);
    const saved = await repo.save(repo.create(unit));
    if (saved.kind === 'agency' && !saved.agencyId) {
      saved.agencyId = saved.id;
      await repo.update({ id: saved.id }, { agencyId: saved.id });
    }
    return saved;
  }

  async update(manager: EntityManager, id: string, changes: Partial<Unit>): Promise<void> {
    await manager.getRepository(Unit).update({ id }, changes);
  }

  async setHead(manager: EntityManager, unitId: string, userId: string | null): Promise<void> {
    await manager.getRepository(Unit).update({ id: unitId }, { headUserId: userId });
  }

  findHeadedBy(manager: EntityManager, userId: string): Promise<Unit[]> {
    return manager.getRepository(Unit).findBy({ headUserId: userId });
  }

  /** Depth-first, siblings by code: a flat list that reads as the organisation chart. */
  async findAllInTreeOrder(): Promise<UnitInTree[]> {
    const rows: Record<string, unknown>[] = await this.repo.query(`
      WITH RECURSIVE tree AS (
        SELECT u.*, 0 AS depth, ARRAY[u.code::text] AS path FROM unit u WHERE u.parent_id IS NULL
        UNION ALL
        SELECT c.*, t.depth + 1, t.path || c.code::text FROM unit c JOIN tree t ON c.parent_id = t.id
      )
      SELECT t.id, t.code, t.name, t.kind, t.parent_id, t.agency_id, t.email, t.head_user_id, t.place_name, t.organ_id, t.agency_code, t.collective_body, t.created_at,
             t.depth, h.full_name AS head_full_name
        FROM tree t LEFT JOIN app_user h ON h.id = t.head_user_id
       ORDER BY t.path`);
    return rows.map((r) => ({
      id: r.id as string,
      code: r.code as string,
      name: r.name as string,
      kind: r.kind as Unit['kind'],
      parentId: r.parent_id as string | null,
      agencyId: r.agency_id as string | null,
      email: r.email as string | null,
      headUserId: r.head_user_id as string | null,
      placeName: r.place_name as string | null,
      organId: r.organ_id as string | null,
      agencyCode: r.agency_code as string | null,
      collectiveBody: r.collective_body as string | null,
      createdAt: r.created_at as Date,
      depth: Number(r.depth),
      headFullName: r.head_full_name as string | null,
    }));
  }

  findByAgencyIdentifiers(manager: EntityManager, organId: string | null, agencyCode: string | null): Promise<Unit[]> {
    const where = [...(organId ? [{ organId }] : []), ...(agencyCode ? [{ agencyCode }] : [])];
    return where.length ? manager.getRepository(Unit).find({ where }) : Promise.resolve([]);
  }

  /** Whether one of our units already carries this OrganId or agency code (exchange identifiers). */
  async holdsAgencyIdentifier(manager: EntityManager, organId: string | null, agencyCode: string | null): Promise<boolean> {
    if (!organId && !agencyCode) return false;
    const rows: unknown[] = await manager.query(`SELECT 1 FROM unit WHERE organ_id = $1 OR agency_code = $2 LIMIT 1`, [organId, agencyCode]);
    return rows.length > 0;
  }

  /** Every OrganId and agency code our units carry. */
  async agencyIdentifiers(manager: EntityManager): Promise<Set<string>> {
    const rows: { code: string }[] = await manager.query(
      `SELECT organ_id AS code FROM unit WHERE organ_id IS NOT NULL UNION SELECT agency_code FROM unit WHERE agency_code IS NOT NULL`,
    );
    return new Set(rows.map((r) => r.code));
  }

  /** The unit and every unit below it, in one recursive query. */
  async subtreeIds(unitId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.of(manager).query(
      `WITH RECURSIVE sub AS (
         SELECT id FROM unit WHERE id = $1
         UNION
         SELECT c.id FROM unit c JOIN sub s ON c.parent_id = s.id
       )
       SELECT id FROM sub`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  /** Units of one agency (its departments, not its attached agencies). */
  async idsOfAgency(agencyId: string): Promise<string[]> {
    const rows = await this.repo.find({ select: { id: true }, where: { agencyId } });
    return rows.map((r) => r.id);
  }

  /** Units the person heads, and units whose inbox is delegated to them on `$2` (a date); a signing delegation gives no inbox. */
  private static readonly MANAGED_SQL = `SELECT id FROM unit WHERE head_user_id = $1
       UNION
       SELECT unit_id FROM unit_delegation
        WHERE delegate_id = $1 AND purpose = 'inbox' AND revoked_at IS NULL AND starts_on <= $2::date AND ends_on >= $2::date`;

  /** The person's unit, the units they head, and the units whose inbox is delegated to them on `today`. */
  async handledBy(userId: string, today: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.of(manager).query(
      `SELECT unit_id AS id FROM app_user WHERE id = $1 AND active UNION ${UnitRepository.MANAGED_SQL}`,
      [userId, today],
    );
    return rows.map((r) => r.id);
  }

  /** The units the person heads, and those whose inbox is delegated to them on `today`. */
  async managedBy(userId: string, today: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await this.of(manager).query(UnitRepository.MANAGED_SQL, [userId, today]);
    return rows.map((r) => r.id);
  }

  /** Who runs the unit's inbox on `today`: its head and its current delegates (active people only). */
  async inboxHandlers(unitId: string, today: string): Promise<string[]> {
    const rows: { id: string }[] = await this.repo.query(
      `SELECT u.head_user_id AS id FROM unit u JOIN app_user p ON p.id = u.head_user_id AND p.active WHERE u.id = $1
       UNION
       SELECT d.delegate_id FROM unit_delegation d JOIN app_user p ON p.id = d.delegate_id AND p.active
        WHERE d.unit_id = $1 AND d.purpose = 'inbox' AND d.revoked_at IS NULL AND d.starts_on <= $2::date AND d.ends_on >= $2::date`,
      [unitId, today],
    );
    return rows.map((r) => r.id);
  }

  /** Each unit with the last sign-in of any of its current active members. */
  async usage(): Promise<UnitUsage[]> {
    const rows: Record<string, unknown>[] = await this.repo.query(`
      SELECT u.id, u.code, u.name, u.email, u.created_at,
             max(m.last_login_at) AS last_used_at, count(m.id) AS member_count
        FROM unit u LEFT JOIN app_user m ON m.unit_id = u.id AND m.active
       GROUP BY u.id
       ORDER BY u.code, u.id`);
    return rows.map((r) => ({
      unitId: r.id as string,
      code: r.code as string,
      name: r.name as string,
      email: r.email as string | null,
      createdAt: r.created_at as Date,
      lastUsedAt: (r.last_used_at as Date | null) ?? null,
      memberCount: Number(r.member_count),
    }));
  }
}
