import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { Destruction, DestructionLine, RecordTombstone } from '../entities/destruction.entity';

@Injectable()
export class DestructionRepository {
  constructor(
    @InjectRepository(Destruction) private readonly repo: Repository<Destruction>,
    @InjectRepository(DestructionLine) private readonly lines: Repository<DestructionLine>,
    @InjectRepository(RecordTombstone) private readonly tombstones: Repository<RecordTombstone>,
  ) {}

  async insert(manager: EntityManager, list: Pick<Destruction, 'agencyId' | 'title' | 'createdBy'>, recordIds: string[]): Promise<Destruction> {
    const saved = await manager.getRepository(Destruction).save(manager.getRepository(Destruction).create({ ...list, status: 'submitted' }));
    await manager.getRepository(DestructionLine).insert(recordIds.map((recordId, i) => ({ destructionId: saved.id, recordId, ordinal: i + 1 })));
    return saved;
  }

  findById(id: string): Promise<Destruction | null> {
    return this.repo.findOneBy({ id });
  }

  findForUpdate(manager: EntityManager, id: string): Promise<Destruction | null> {
    return manager.getRepository(Destruction).createQueryBuilder('d').where('d.id = :id', { id }).setLock('pessimistic_write').getOne();
  }

  listFor(agencyId: string): Promise<Destruction[]> {
    return this.repo.find({ where: { agencyId }, order: { createdAt: 'DESC', id: 'ASC' }, take: 200 });
  }

  linesOf(destructionId: string, manager?: EntityManager): Promise<DestructionLine[]> {
    return (manager ? manager.getRepository(DestructionLine) : this.lines).find({ where: { destructionId }, order: { ordinal: 'ASC' } });
  }

  linesFor(recordIds: string[], manager: EntityManager): Promise<DestructionLine[]> {
    return manager.getRepository(DestructionLine).findBy({ recordId: In(recordIds) });
  }

  tombstonesOf(destructionId: string): Promise<RecordTombstone[]> {
    return this.tombstones.find({ where: { destructionId }, order: { fileCode: 'ASC' } });
  }

  async update(manager: EntityManager, id: string, changes: Partial<Destruction>): Promise<void> {
    await manager.getRepository(Destruction).update({ id }, changes);
  }

  /** The records (of these) carrying an active legal hold; read under the records' row locks. */
  async held(manager: EntityManager, recordIds: string[]): Promise<Set<string>> {
    const rows: { record_id: string }[] = await manager.query(`SELECT DISTINCT record_id FROM record_hold WHERE record_id = ANY($1::uuid[]) AND lifted_at IS NULL`, [recordIds]);
    return new Set(rows.map((r) => r.record_id));
  }

  /** Closed or handed-over records of the agency whose retention ended by `today`, on no destruction list. */
  async due(agencyId: string, today: string, limit: number): Promise<string[]> {
    const rows: { id: string }[] = await this.repo.query(
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

  /**
   * The stored PDFs of the record's documents (an incoming document's scan, an outgoing one's issued
   * PDF) that no other record still alive holds: those go with the record. Marks them destroyed and
   * returns the storage keys no live stored file shares any more — content-addressed bytes another
   * file row still points at are never removed.
   */
  async destroyFilesOf(manager: EntityManager, recordId: string): Promise<{ documents: number; storageKeys: string[] }> {
    const files: { file_id: string }[] = await manager.query(
      `SELECT COALESCE(i.scan_file_id, o.issued_file_id) AS file_id
         FROM record_document d
         LEFT JOIN incoming_document i ON d.document_kind = 'incoming' AND i.id = d.document_id
         LEFT JOIN outgoing_document o ON d.document_kind = 'outgoing' AND o.id = d.document_id
        WHERE d.record_id = $1
          AND NOT EXISTS (SELECT 1 FROM record_document x JOIN file_record r ON r.id = x.record_id
                           WHERE x.document_kind = d.document_kind AND x.document_id = d.document_id
                             AND x.record_id <> d.record_id AND r.status <> 'destroyed')`,
      [recordId],
    );
    const documents: { n: string }[] = await manager.query(`SELECT count(*) AS n FROM record_document WHERE record_id = $1`, [recordId]);
    const ids = files.map((f) => f.file_id).filter(Boolean);
    if (ids.length) await manager.query(`UPDATE stored_file SET destroyed_at = now() WHERE id = ANY($1::uuid[]) AND destroyed_at IS NULL`, [ids]);
    const keys: { storage_key: string }[] = await manager.query(
      `SELECT DISTINCT s.storage_key FROM stored_file s
        WHERE s.id = ANY($1::uuid[])
          AND NOT EXISTS (SELECT 1 FROM stored_file o WHERE o.storage_key = s.storage_key AND o.destroyed_at IS NULL)
        ORDER BY s.storage_key`,
      [ids],
    );
    return { documents: Number(documents[0].n), storageKeys: keys.map((k) => k.storage_key) };
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

  isUniqueViolation(error: unknown): boolean {
    return (error as { code?: string })?.code === '23505';
  }
}
