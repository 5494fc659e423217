import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { FiledKind, RecordDocument } from '../entities/record-document.entity';

export interface RecordTotals {
  documentCount: number;
  pageCount: number;
  startDate: string | null;
  endDate: string | null;
}

export interface UnfiledRef {
  kind: FiledKind;
  id: string;
  finishedAt: Date;
}

@Injectable()
export class RecordDocumentRepository {
  constructor(@InjectRepository(RecordDocument) private readonly repo: Repository<RecordDocument>) {}

  /** In order: by DocOrdinal (by date once the record was closed). */
  listOf(recordId: string, manager?: EntityManager): Promise<RecordDocument[]> {
    return (manager ? manager.getRepository(RecordDocument) : this.repo).find({ where: { recordId }, order: { docOrdinal: 'ASC' } });
  }

  find(recordId: string, documentKind: FiledKind, documentId: string, manager?: EntityManager): Promise<RecordDocument | null> {
    return (manager ? manager.getRepository(RecordDocument) : this.repo).findOneBy({ recordId, documentKind, documentId });
  }

  /** Files the document as the record's next one; call with the record locked. */
  async append(manager: EntityManager, row: Omit<RecordDocument, 'docOrdinal' | 'filedAt'>): Promise<RecordDocument> {
    const [{ next }] = await manager.query(`SELECT coalesce(max(doc_ordinal), 0) + 1 AS next FROM record_document WHERE record_id = $1`, [row.recordId]);
    const repo = manager.getRepository(RecordDocument);
    return repo.save(repo.create({ ...row, docOrdinal: Number(next), filedAt: new Date() }));
  }

  async remove(manager: EntityManager, recordId: string, documentKind: FiledKind, documentId: string): Promise<void> {
    await manager.getRepository(RecordDocument).delete({ recordId, documentKind, documentId });
    await this.renumber(manager, recordId, 'doc_ordinal');
  }

  /**
   * 1, 2, 3 … in the given order without gaps. The ordinal's uniqueness is checked at commit
   * (DEFERRABLE), so the rows may pass through each other's numbers inside the statement.
   */
  async renumber(manager: EntityManager, recordId: string, order: 'doc_ordinal' | 'chronological'): Promise<void> {
    const by = order === 'chronological' ? 'document_date, filed_at, doc_ordinal' : 'doc_ordinal';
    await manager.query(
      `UPDATE record_document rd SET doc_ordinal = o.n
         FROM (SELECT document_kind, document_id, row_number() OVER (ORDER BY ${by}) AS n FROM record_document WHERE record_id = $1) o
        WHERE rd.record_id = $1 AND rd.document_kind = o.document_kind AND rd.document_id = o.document_id`,
      [recordId],
    );
  }

  async totals(manager: EntityManager, recordId: string): Promise<RecordTotals> {
    const [row] = await manager.query(
      `SELECT count(*)::int AS "documentCount", coalesce(sum(page_count), 0)::int AS "pageCount",
              to_char(min(document_date), 'YYYY-MM-DD') AS "startDate", to_char(max(document_date), 'YYYY-MM-DD') AS "endDate"
         FROM record_document WHERE record_id = $1`,
      [recordId],
    );
    return row as RecordTotals;
  }

  /** The records a document sits in (one document may be in several). */
  recordIdsOf(documentKind: FiledKind, documentId: string): Promise<string[]> {
    return this.repo.find({ where: { documentKind, documentId }, select: { recordId: true } }).then((rows) => rows.map((r) => r.recordId));
  }

  /**
   * "Văn bản chưa lập hồ sơ": documents the person finished — incoming ones they closed, outgoing
   * ones they drafted that were issued — at least `days` ago and filed in no record. It reads the
   * documents' tables directly: the one query that joins both worlds.
   */
  async unfiled(userId: string, days: number, limit: number): Promise<UnfiledRef[]> {
    const rows: { kind: FiledKind; id: string; finished_at: Date }[] = await this.repo.query(
      `SELECT * FROM (
         SELECT 'incoming' AS kind, d.id, d.closed_at AS finished_at FROM incoming_document d
          WHERE d.status = 'closed' AND d.closed_by = $1 AND d.closed_at <= now() - make_interval(days => $2)
            AND NOT EXISTS (SELECT 1 FROM record_document rd WHERE rd.document_kind = 'incoming' AND rd.document_id = d.id)
         UNION ALL
         SELECT 'outgoing', d.id, d.issued_at FROM outgoing_document d
          WHERE d.issued_at IS NOT NULL AND d.status IN ('issued', 'dispatched') AND d.author_id = $1
            AND d.issued_at <= now() - make_interval(days => $2)
            AND NOT EXISTS (SELECT 1 FROM record_document rd WHERE rd.document_kind = 'outgoing' AND rd.document_id = d.id)
       ) u ORDER BY finished_at, id LIMIT $3`,
      [userId, days, limit],
    );
    return rows.map((r) => ({ kind: r.kind, id: r.id, finishedAt: r.finished_at }));
  }
}
