import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { Page } from '@eoffice/core';
import type { RegisterBookPeriod } from '../registers';
import type { OutgoingBookRecord } from './book/outgoing-book-row';
import { OutgoingDocument } from './entities/outgoing-document.entity';
import type { OutgoingFilter } from './outgoing-query';
import type { OutgoingScope } from './outgoing-scope';

const ISSUED = `('issued', 'dispatched', 'recalled')`;
/** The document as it stands: issued, else signed, else the current draft's PDF (as GET /outgoing/:id/pdf serves it). */
const CURRENT_PDF = `coalesce(d.issued_file_id, d.signed_file_id,
  (SELECT v.pdf_file_id FROM outgoing_version v WHERE v.id = d.current_version_id))`;

export interface SearchTextSource {
  /** The PDF whose words the search should hold; null while a docx draft awaits its conversion. */
  pdfFileId: string | null;
  /** The PDF the stored words came from. */
  textFileId: string | null;
}

@Injectable()
export class OutgoingRepository {
  constructor(@InjectRepository(OutgoingDocument) private readonly repo: Repository<OutgoingDocument>) {}

  insert(manager: EntityManager, document: Partial<OutgoingDocument>): Promise<OutgoingDocument> {
    const repo = manager.getRepository(OutgoingDocument);
    return repo.save(repo.create(document));
  }

  async update(manager: EntityManager, id: string, changes: Partial<OutgoingDocument>): Promise<void> {
    await manager.getRepository(OutgoingDocument).update({ id }, changes);
  }

  /**
   * The replaced document learns which one replaces it, once: false when it is not an issued,
   * unrecalled document or another replacement was issued first (the row lock decides a race).
   */
  async markReplaced(manager: EntityManager, replacedId: string, byId: string): Promise<boolean> {
    // An UPDATE answers [rows, count] through TypeORM's PostgreSQL driver.
    const [, count]: [unknown[], number] = await manager.query(
      `UPDATE outgoing_document SET replaced_by_id = $2, updated_at = now()
        WHERE id = $1 AND replaced_by_id IS NULL AND recalled_at IS NULL AND status IN ('issued', 'dispatched')`,
      [replacedId, byId],
    );
    return count > 0;
  }

  /** Locks the row, so two clerks issuing the same document are serialised and the second sees `issued`. */
  findForUpdate(manager: EntityManager, id: string, scope: OutgoingScope): Promise<OutgoingDocument | null> {
    return this.visible(manager.getRepository(OutgoingDocument).createQueryBuilder('d'), scope)
      .andWhere('d.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['d'])
      .getOne();
  }

  findVisible(id: string, scope: OutgoingScope): Promise<OutgoingDocument | null> {
    return this.visible(this.repo.createQueryBuilder('d'), scope).andWhere('d.id = :id', { id }).getOne();
  }

  /** Those of the documents the scope can see, in one query (a record's documents). */
  findVisibleMany(ids: readonly string[], scope: OutgoingScope): Promise<OutgoingDocument[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.visible(this.repo.createQueryBuilder('d'), scope).andWhere('d.id IN (:...ids)', { ids: [...new Set(ids)] }).getMany();
  }

  /** Without an access check, in one query: for the archive, after access was checked. */
  findByIds(ids: readonly string[]): Promise<OutgoingDocument[]> {
    return ids.length ? this.repo.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** For background jobs, which act for the system, not for a person. */
  /** Issued documents still in force (issued or dispatched, not recalled) whose validity ends between the two dates, keyset-paged by id. */
  findValidUntilBetween(from: string, to: string, afterId: string | null, limit: number): Promise<OutgoingDocument[]> {
    const qb = this.repo
      .createQueryBuilder('d')
      .where(`d.valid_until BETWEEN :from AND :to AND d.status IN ('issued', 'dispatched')`, { from, to })
      .orderBy('d.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('d.id > :afterId', { afterId });
    return qb.getMany();
  }

  findById(id: string, manager?: EntityManager): Promise<OutgoingDocument | null> {
    return (manager?.getRepository(OutgoingDocument) ?? this.repo).findOneBy({ id });
  }

  /** For the worker: which PDF the search text should come from, and which it came from. */
  async searchTextSource(id: string): Promise<SearchTextSource | null> {
    const rows = await this.repo.query<SearchTextSource[]>(
      `SELECT ${CURRENT_PDF} AS "pdfFileId", d.text_file_id AS "textFileId" FROM outgoing_document d WHERE d.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Stores the words of `fileId`, only if it is still the current PDF: a job that read an older
   * version and finishes after the one that read the new version changes nothing. Raw SQL so that
   * `updated_at` (the order of the lists: the last step of work) does not move. True when stored.
   */
  async saveSearchText(manager: EntityManager, id: string, fileId: string, text: string): Promise<boolean> {
    const [, affected] = await manager.query<[unknown, number]>(
      `UPDATE outgoing_document d SET extracted_text = $3, text_file_id = $2, text_extracted_at = now()
        WHERE d.id = $1 AND ${CURRENT_PDF} = $2`,
      [id, fileId, text],
    );
    return affected > 0;
  }

  /** Whether the file belongs to a version, the signed or the issued PDF of a document the scope can see. */
  visibleWithFile(fileId: string, scope: OutgoingScope): Promise<boolean> {
    return this.visible(this.repo.createQueryBuilder('d'), scope)
      .andWhere(
        new Brackets((w) =>
          w
            .where('d.signed_file_id = :fileId OR d.issued_file_id = :fileId')
            .orWhere('EXISTS (SELECT 1 FROM outgoing_version v WHERE v.document_id = d.id AND (v.source_file_id = :fileId OR v.pdf_file_id = :fileId))'),
        ),
        { fileId },
      )
      .getExists();
  }

  /** Whether the file belongs to a confidential (mật) outgoing document or draft: a version, its PDFs or an appendix. */
  belongsToConfidential(fileId: string): Promise<boolean> {
    return this.repo
      .createQueryBuilder('d')
      .where(`d.confidentiality <> 'normal'`)
      .andWhere(
        new Brackets((w) =>
          w
            .where('d.signed_file_id = :fileId OR d.issued_file_id = :fileId')
            .orWhere('EXISTS (SELECT 1 FROM outgoing_version v WHERE v.document_id = d.id AND (v.source_file_id = :fileId OR v.pdf_file_id = :fileId))')
            .orWhere('EXISTS (SELECT 1 FROM outgoing_appendix x WHERE x.document_id = d.id AND (x.file_id = :fileId OR x.issued_file_id = :fileId))'),
        ),
        { fileId },
      )
      .getExists();
  }

  /** A confidential document or draft that does not name the person (author, designated signer). */
  async isConfidentialNotNaming(id: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.repo.query(
      `SELECT 1 FROM outgoing_document d
        WHERE d.id = $1 AND d.confidentiality <> 'normal' AND NOT coalesce(d.author_id = $2 OR d.signer_id = $2, false)`,
      [id, userId],
    );
    return rows.length > 0;
  }

  /** Whether the file (a version, the signed or issued PDF, an appendix) belongs to a confidential document or draft that does not name the person. */
  async fileOfConfidentialNotNaming(fileId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.repo.query(
      `SELECT 1 FROM outgoing_document d
        WHERE d.confidentiality <> 'normal' AND NOT coalesce(d.author_id = $2 OR d.signer_id = $2, false)
          AND ($1 IN (d.signed_file_id, d.issued_file_id)
               OR EXISTS (SELECT 1 FROM outgoing_version v WHERE v.document_id = d.id AND $1 IN (v.source_file_id, v.pdf_file_id))
               OR EXISTS (SELECT 1 FROM outgoing_appendix x WHERE x.document_id = d.id AND $1 IN (x.file_id, x.issued_file_id)))
        LIMIT 1`,
      [fileId, userId],
    );
    return rows.length > 0;
  }

  async list(scope: OutgoingScope, filter: OutgoingFilter): Promise<Page<OutgoingDocument>> {
    const qb = this.visible(this.repo.createQueryBuilder('d'), scope);
    if (filter.status?.length) qb.andWhere('d.status = ANY(:status)', { status: filter.status });
    if (filter.registerId) qb.andWhere('d.register_id = :registerId', { registerId: filter.registerId });
    if (filter.year) qb.andWhere('d.year = :year', { year: filter.year });
    if (filter.replyToIncomingId) qb.andWhere('d.reply_to_incoming_id = :replyTo', { replyTo: filter.replyToIncomingId });
    if (filter.q) qb.andWhere(`d.search_folded LIKE '%' || eoffice_fold(:q) || '%'`, { q: filter.q.replace(/[\\%_]/g, (c) => `\\${c}`) });
    if (filter.waitingFor) qb.andWhere(this.waitingFor(filter.waitingFor));
    qb.orderBy('d.updated_at', 'DESC').addOrderBy('d.id', 'ASC');
    const [items, total] = await qb
      .skip((filter.page - 1) * filter.pageSize)
      .take(filter.pageSize)
      .getManyAndCount();
    return { items, total, page: filter.page, pageSize: filter.pageSize };
  }

  /** The register book (sổ đăng ký văn bản đi) of one register and year, in number order. */
  findForBook(scope: OutgoingScope, registerId: string, period: RegisterBookPeriod): Promise<OutgoingBookRecord[]> {
    const issuedDay = `(d.issued_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    const qb = this.visible(this.repo.createQueryBuilder('d'), scope)
      .andWhere('d.register_id = :registerId AND d.year = :year', { registerId, year: period.year })
      .innerJoin('app_user', 'signer', 'signer.id = d.signer_id')
      .innerJoin('unit', 'drafting', 'drafting.id = d.drafting_unit_id')
      .leftJoin('outgoing_document', 'replaced', 'replaced.id = d.replaces_id')
      .select('d.number_symbol', 'numberSymbol')
      .addSelect(`to_char(${issuedDay}, 'YYYY-MM-DD')`, 'issuedDate')
      .addSelect('d.document_type', 'documentType')
      .addSelect('d.subject', 'subject')
      .addSelect('signer.full_name', 'signerName')
      .addSelect('d.signing_title', 'signingTitle')
      .addSelect('d.signing_authority', 'signingAuthority')
      .addSelect('d.signer_title', 'signerTitle')
      .addSelect(`ARRAY(SELECT r.name || COALESCE(' (' || r.organ_id || ')', '') FROM outgoing_recipient r WHERE r.document_id = d.id ORDER BY r.kind DESC, r.name)`, 'recipientNames')
      .addSelect('drafting.code', 'draftingUnitCode')
      .addSelect(`to_char(d.dispatched_at AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD')`, 'dispatchedDate')
      .addSelect('d.status', 'status')
      .addSelect('d.urgency', 'urgency')
      .addSelect('d.confidentiality', 'confidentiality')
      .addSelect('replaced.number_symbol', 'replacesNumberSymbol')
      .addSelect('d.signed_on_paper', 'signedOnPaper')
      .orderBy('d.outgoing_number', 'ASC');
    if (period.from) qb.andWhere(`${issuedDay} >= :from`, { from: period.from });
    if (period.to) qb.andWhere(`${issuedDay} <= :to`, { to: period.to });
    return qb.getRawMany<OutgoingBookRecord>();
  }

  /** What waits for this person: their drafts, their review turn, their signature, the clerk's issue. */
  private waitingFor(w: NonNullable<OutgoingFilter['waitingFor']>): Brackets {
    const params = { wUser: w.userId, wManaged: w.managedUnitIds, wClerk: w.clerkAgencyIds };
    return new Brackets((b) =>
      b
        .where(`d.status = 'draft' AND d.author_id = :wUser`, params)
        .orWhere(`d.status = 'submitted' AND d.review_stage = 'unit_head' AND d.drafting_unit_id = ANY(:wManaged)`)
        .orWhere(`d.status = 'submitted' AND d.review_stage = 'format_check' AND d.agency_id = ANY(:wClerk)`)
        .orWhere(`((d.status = 'submitted' AND d.review_stage = 'signer') OR d.status = 'approved') AND d.signer_id = :wUser`)
        .orWhere(`d.status IN ('signed', 'sealing', 'numbered', 'issued') AND d.agency_id = ANY(:wClerk)`),
    );
  }

  private visible(qb: SelectQueryBuilder<OutgoingDocument>, scope: OutgoingScope): SelectQueryBuilder<OutgoingDocument> {
    return qb.where(
      new Brackets((w) => {
        w.where(`d.author_id = :scopeUser OR d.signer_id = :scopeUser`)
          .orWhere(`d.confidentiality = 'normal' AND d.status <> 'draft' AND d.drafting_unit_id = ANY(:scopeReview)`)
          .orWhere(`d.confidentiality = 'normal' AND d.status <> 'draft' AND d.agency_id = ANY(:scopeClerk)`)
          // A confidential draft is seen by a reviewer only while it is their turn (need to know).
          .orWhere(`d.status = 'submitted' AND d.review_stage = 'unit_head' AND d.drafting_unit_id = ANY(:scopeReview)`)
          .orWhere(`d.status = 'submitted' AND d.review_stage = 'format_check' AND d.agency_id = ANY(:scopeClerk)`)
          // Confidential documents reach the clerk once signed: only they number and seal them.
          .orWhere(`d.status IN ('signed', 'issued', 'dispatched', 'recalled') AND d.agency_id = ANY(:scopeClerk)`)
          .orWhere(`d.confidentiality = 'normal' AND d.status IN ${ISSUED} AND (d.agency_id = ANY(:scopeIssuedAgencies) OR d.drafting_unit_id = ANY(:scopeIssuedUnits))`)
          .orWhere(
            `d.confidentiality = 'normal' AND d.status IN ('dispatched', 'recalled')
             AND EXISTS (SELECT 1 FROM outgoing_recipient r WHERE r.document_id = d.id AND r.unit_id = ANY(:scopeRecipients))`,
          );
      }),
      {
        scopeUser: scope.userId,
        scopeReview: scope.reviewUnitIds,
        scopeClerk: scope.clerkAgencyIds,
        scopeIssuedAgencies: scope.issuedAgencyIds,
        scopeIssuedUnits: scope.issuedUnitIds,
        scopeRecipients: scope.recipientUnitIds,
      },
    );
  }
}
