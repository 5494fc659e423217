import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Arrival, ArrivalFile } from './intake-arrival';
import { IntakeItem, IntakeItemFile, IntakeState } from './intake-item.entity';
import type { ReceiptVerification } from './receipt-verification';

export interface IntakeListQuery {
  state?: IntakeState;
  page: number;
  pageSize: number;
}

@Injectable()
export class IntakeRepository {
  constructor(
    @InjectRepository(IntakeItem) private readonly items: Repository<IntakeItem>,
    @InjectRepository(IntakeItemFile) private readonly files: Repository<IntakeItemFile>,
  ) {}

  /** Items still waiting that arrived before `before`, by id from `afterId` (reminders to the clerks). */
  findWaitingSince(before: Date, afterId: string | null, limit: number): Promise<IntakeItem[]> {
    const qb = this.items
      .createQueryBuilder('i')
      .where(`i.state = 'waiting' AND i.received_at <= :before`, { before })
      .orderBy('i.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('i.id > :afterId', { afterId });
    return qb.getMany();
  }

  /** Whether this source, or this Message-ID in this agency, is in the intake already. */
  async sourceSeen(arrival: Pick<Arrival, 'channel' | 'sourceId' | 'agencyId' | 'messageId'>): Promise<boolean> {
    const rows: unknown[] = await this.items.query(
      `SELECT 1 FROM intake_item
        WHERE (channel = $1 AND source_id = $2) OR ($4::text IS NOT NULL AND agency_id = $3 AND message_id = $4) LIMIT 1`,
      [arrival.channel, arrival.sourceId, arrival.agencyId, arrival.messageId],
    );
    return rows.length > 0;
  }

  /** The new item, or null when its source or Message-ID is taken (by a concurrent fetch too: the unique indexes decide). */
  async insert(manager: EntityManager, a: Arrival, flags: string[]): Promise<IntakeItem | null> {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO intake_item (agency_id, channel, source_id, message_id, sender, sender_name, title, received_at, state, flags, proposal, replaces_item_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT DO NOTHING RETURNING id`,
      [a.agencyId, a.channel, a.sourceId, a.messageId, a.sender, a.senderName, a.title, a.receivedAt, a.state, flags, JSON.stringify(a.proposal), a.replacesItemId ?? null],
    );
    if (rows.length === 0) return null;
    return manager.getRepository(IntakeItem).findOneByOrFail({ id: rows[0].id });
  }

  async setMessageFile(manager: EntityManager, itemId: string, fileId: string): Promise<void> {
    await manager.query(`UPDATE intake_item SET message_file_id = $2 WHERE id = $1`, [itemId, fileId]);
  }

  async insertFiles(
    manager: EntityManager,
    itemId: string,
    rows: { position: number; fileId: string | null; file: ArrivalFile; verification: ReceiptVerification | null }[],
  ): Promise<void> {
    if (rows.length === 0) return;
    await manager.getRepository(IntakeItemFile).insert(
      rows.map(({ position, fileId, file, verification }) => ({
        itemId,
        position,
        fileId,
        originalName: file.originalName?.slice(0, 500) ?? null,
        mimeType: file.mimeType?.slice(0, 200) ?? null,
        sizeBytes: file.sizeBytes,
        sha256: file.sha256,
        flags: file.flags,
        verification,
      })),
    );
  }

  async list(agencyId: string, query: IntakeListQuery): Promise<{ items: IntakeItem[]; total: number }> {
    const [items, total] = await this.items.findAndCount({
      where: { agencyId, ...(query.state ? { state: query.state } : {}) },
      order: { receivedAt: 'DESC', id: 'ASC' },
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
    });
    return { items, total };
  }

  findInAgency(id: string, agencyId: string): Promise<IntakeItem | null> {
    return this.items.findOneBy({ id, agencyId });
  }

  findById(id: string): Promise<IntakeItem | null> {
    return this.items.findOneBy({ id });
  }

  /** Records that the sender was told (báo nhận or trả lại), so the notice goes once. */
  async markReplied(id: string, purpose: 'acknowledgement' | 'return'): Promise<void> {
    const column = purpose === 'acknowledgement' ? 'acknowledged_at' : 'return_notified_at';
    await this.items.query(`UPDATE intake_item SET ${column} = now() WHERE id = $1 AND ${column} IS NULL`, [id]);
  }

  filesOf(itemIds: string[]): Promise<IntakeItemFile[]> {
    if (itemIds.length === 0) return Promise.resolve([]);
    return this.files.find({ where: { itemId: In(itemIds) }, order: { itemId: 'ASC', position: 'ASC' } });
  }

  /**
   * Moves the item from one of `from` to `to` with who decided and why; null when it was in none of
   * them (another clerk decided first). Guarded in the UPDATE itself, so two decisions cannot both win.
   */
  async decide(
    manager: EntityManager,
    id: string,
    from: readonly IntakeState[],
    change: { state: IntakeState; actorId: string; reason: string | null; incomingDocumentId?: string; corrections?: Record<string, unknown> },
  ): Promise<IntakeItem | null> {
    const rows: { id: string }[] = await manager.query(
      `UPDATE intake_item SET state = $3, decided_by = $4, decided_at = now(), reason = $5,
              incoming_document_id = COALESCE($6, incoming_document_id), corrections = COALESCE($7::jsonb, corrections), updated_at = now()
        WHERE id = $1 AND state = ANY($2) RETURNING id`,
      [id, from, change.state, change.actorId, change.reason, change.incomingDocumentId ?? null, change.corrections ? JSON.stringify(change.corrections) : null],
    );
    if (rows.length === 0) return null;
    return manager.getRepository(IntakeItem).findOneByOrFail({ id });
  }

  /** Whether the file came with an item of this agency (an attachment, a scan's PDF, or the .eml). */
  async holdsFile(fileId: string, agencyId: string): Promise<boolean> {
    const rows: unknown[] = await this.items.query(
      `SELECT 1 FROM intake_item i WHERE i.agency_id = $2 AND (i.message_file_id = $1
          OR EXISTS (SELECT 1 FROM intake_item_file f WHERE f.item_id = i.id AND f.file_id = $1)) LIMIT 1`,
      [fileId, agencyId],
    );
    return rows.length > 0;
  }

  /**
   * Scans registered the older way (POST /incoming with `metadata.scanFileId`) leave their item
   * waiting; this marks such items registered, pointing at the document, before a list is read.
   */
  async settleScansRegisteredDirectly(agencyId: string): Promise<void> {
    await this.items.query(
      `UPDATE intake_item i SET state = 'registered', incoming_document_id = d.id, decided_by = d.registered_by, decided_at = d.created_at, updated_at = now()
         FROM intake_item_file f, incoming_document d
        WHERE i.agency_id = $1 AND i.channel = 'paper' AND i.state = 'waiting'
          AND f.item_id = i.id AND f.position = 0 AND d.scan_file_id = f.file_id AND d.agency_id = i.agency_id`,
      [agencyId],
    );
  }
}
