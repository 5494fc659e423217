import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { ApprovalListRepository } from '../approval-list/approval-list.repository';
import { Destruction, DestructionLine, RecordTombstone } from '../entities/destruction.entity';

@Injectable()
export class DestructionRepository extends ApprovalListRepository<Destruction, DestructionLine> {
  constructor(
    @InjectRepository(Destruction) repo: Repository<Destruction>,
    @InjectRepository(DestructionLine) lines: Repository<DestructionLine>,
    @InjectRepository(RecordTombstone) private readonly tombstones: Repository<RecordTombstone>,
  ) {
    super(repo, lines, Destruction, DestructionLine, 'destructionId');
  }

  /** A draft (the records scan's proposal) or a submitted list (the clerk's own). */
  insert(manager: EntityManager, list: Pick<Destruction, 'agencyId' | 'title' | 'createdBy' | 'status' | 'submittedBy' | 'submittedAt'>, recordIds: string[]): Promise<Destruction> {
    return this.insertList(manager, list, recordIds);
  }

  tombstonesOf(destructionId: string): Promise<RecordTombstone[]> {
    return this.tombstones.find({ where: { destructionId }, order: { fileCode: 'ASC' } });
  }

  /** The records (of these) carrying an active legal hold; read under the records' row locks. */
  async held(manager: EntityManager, recordIds: string[]): Promise<Set<string>> {
    const rows: { record_id: string }[] = await manager.query(`SELECT DISTINCT record_id FROM record_hold WHERE record_id = ANY($1::uuid[]) AND lifted_at IS NULL`, [recordIds]);
    return new Set(rows.map((r) => r.record_id));
  }

  /** Agencies with records due for destruction on no list (the scan's proposals). */
  async agenciesWithDue(today: string): Promise<string[]> {
    const rows: { agency_id: string }[] = await this.repo.query(
      `SELECT DISTINCT r.agency_id FROM file_record r
        WHERE r.status IN ('closed', 'handed_over') AND NOT r.permanent AND r.end_date IS NOT NULL
          AND r.end_date + make_interval(years => r.retention_years) <= $1::date
          AND NOT EXISTS (SELECT 1 FROM record_destruction_line l WHERE l.record_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM record_hold h WHERE h.record_id = r.id AND h.lifted_at IS NULL)
        ORDER BY 1`,
      [today],
    );
    return rows.map((r) => r.agency_id);
  }

  /** The lines of a list not among `keep`, removed (the clerk submits a draft without them). */
  async removeLines(manager: EntityManager, destructionId: string, keep: string[]): Promise<string[]> {
    const rows: { record_id: string }[] = await manager.query(
      `DELETE FROM record_destruction_line WHERE destruction_id = $1 AND NOT (record_id = ANY($2::uuid[])) RETURNING record_id`,
      [destructionId, keep],
    );
    return rows.map((r) => r.record_id);
  }

  /** Clerks of the agency (placed at it or in one of its units), active. */
  async clerksOf(manager: EntityManager, agencyId: string): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT u.id FROM app_user u JOIN unit n ON n.id = u.unit_id
        WHERE u.active AND 'clerk' = ANY(u.roles) AND (n.id = $1 OR n.agency_id = $1) ORDER BY u.id`,
      [agencyId],
    );
    return rows.map((r) => r.id);
  }

  /** Closed or handed-over records of the agency whose retention ended by `today`, on no destruction list. */
  async due(agencyId: string, today: string, limit: number, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.repo.manager).query(
      `SELECT r.id FROM file_record r
        WHERE r.agency_id = $1 AND r.status IN ('closed', 'handed_over') AND NOT r.permanent AND r.end_date IS NOT NULL
          AND r.end_date + make_interval(years => r.retention_years) <= $2::date
          AND NOT EXISTS (SELECT 1 FROM record_destruction_line l WHERE l.record_id = r.id)
          AND NOT EXISTS (SELECT 1 FROM record_hold h WHERE h.record_id = r.id AND h.lifted_at IS NULL)
        ORDER BY r.end_date, r.id LIMIT $3`,
      [agencyId, today, limit],
    );
    return rows.map((r) => r.id);
  }

  async insertTombstone(manager: EntityManager, tombstone: RecordTombstone): Promise<void> {
    await manager.getRepository(RecordTombstone).insert(tombstone);
  }

  /** Every tombstoned key no live stored file shares (the re-application after a crash or a restore). */
  async tombstonedKeys(): Promise<string[]> {
    const rows: { key: string }[] = await this.repo.query(
      `SELECT DISTINCT k AS key FROM record_tombstone t, unnest(t.storage_keys) AS k
        WHERE NOT EXISTS (SELECT 1 FROM stored_file s WHERE s.storage_key = k AND s.destroyed_at IS NULL) ORDER BY 1`,
    );
    return rows.map((r) => r.key);
  }

  /** The tombstones (with their list) of records whose id is not in `written`: their objects are missing. */
  async tombstonesWithout(written: string[]): Promise<(RecordTombstone & { agencyId: string; listTitle: string; createdBy: string | null; createdAt: Date; approvedAt: Date })[]> {
    const rows: Record<string, unknown>[] = await this.repo.query(
      `SELECT t.record_id, t.destruction_id, t.file_code, t.title, t.decided_by, t.destroyed_at, t.documents, t.storage_keys,
              d.agency_id, d.title AS list_title, d.created_by, d.created_at, d.approved_at
         FROM record_tombstone t JOIN record_destruction d ON d.id = t.destruction_id
        WHERE NOT (t.record_id = ANY($1::uuid[])) ORDER BY t.destroyed_at, t.record_id LIMIT 1000`,
      [written],
    );
    return rows.map((r) => ({
      recordId: r.record_id as string, destructionId: r.destruction_id as string, fileCode: r.file_code as string, title: r.title as string,
      decidedBy: r.decided_by as string, destroyedAt: r.destroyed_at as Date, documents: r.documents as number, storageKeys: r.storage_keys as string[],
      agencyId: r.agency_id as string, listTitle: r.list_title as string, createdBy: r.created_by as string | null, createdAt: r.created_at as Date,
      approvedAt: (r.approved_at ?? r.destroyed_at) as Date,
    }));
  }

  /** Of these record ids, those the database holds no tombstone for. */
  async withoutTombstone(recordIds: string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.repo.query(
      `SELECT id FROM unnest($1::uuid[]) AS id WHERE NOT EXISTS (SELECT 1 FROM record_tombstone t WHERE t.record_id = id) ORDER BY id`,
      [recordIds],
    );
    return rows.map((r) => r.id);
  }

  /** Of these keys, those no live stored file points at. */
  async unsharedKeys(manager: EntityManager, keys: string[]): Promise<string[]> {
    const rows: { key: string }[] = await manager.query(
      `SELECT DISTINCT k AS key FROM unnest($1::text[]) AS k WHERE NOT EXISTS (SELECT 1 FROM stored_file s WHERE s.storage_key = k AND s.destroyed_at IS NULL) ORDER BY 1`,
      [keys],
    );
    return rows.map((r) => r.key);
  }

  /**
   * A destruction learnt from its tombstone object, on a database restored from before it: its list
   * and line are put back unless the copy has them (then they are left as they are).
   */
  async restoreList(manager: EntityManager, t: { destructionId: string; agencyId: string; listTitle: string; createdBy: string | null; createdAt: Date; decidedBy: string; approvedAt: Date; recordId: string }): Promise<void> {
    await manager.query(
      `INSERT INTO record_destruction (id, agency_id, title, status, created_by, approved_by, approved_at, created_at)
       VALUES ($1, $2, $3, 'destroyed', $4, $5, $6, $7) ON CONFLICT (id) DO UPDATE SET status = 'destroyed', approved_by = EXCLUDED.approved_by, approved_at = EXCLUDED.approved_at`,
      [t.destructionId, t.agencyId, t.listTitle, t.createdBy, t.decidedBy, t.approvedAt, t.createdAt],
    );
    await manager.query(
      `INSERT INTO record_destruction_line (destruction_id, record_id, ordinal)
       SELECT $1, $2, coalesce(max(ordinal), 0) + 1 FROM record_destruction_line WHERE destruction_id = $1
       ON CONFLICT DO NOTHING`,
      [t.destructionId, t.recordId],
    );
  }
}
