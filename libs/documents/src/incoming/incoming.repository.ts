import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, queryPrepared } from '@eoffice/core';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { RegisterBookPeriod } from '../registers';
import type { IncomingBookRecord } from './book/incoming-book-row';
import { IncomingDocument } from './entities/incoming-document.entity';
import type { CappedPage } from '@eoffice/core';
import type { IncomingFilter } from './incoming-query';
import type { IncomingScope } from './incoming-scope';
import { applyIncomingFilter, visibleTo, visibleToSql } from './incoming-matching';
import { BEING_HANDLED_SQL } from './incoming-lifecycle';

const SORT_COLUMNS = { receivedAt: 'd.receivedAt', incomingNumber: 'd.incomingNumber', dueDate: 'd.dueDate' } as const;
const UNIQUE_VIOLATION = '23505';

@Injectable()
export class IncomingRepository {
  constructor(
    @InjectRepository(IncomingDocument) private readonly repo: Repository<IncomingDocument>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  insert(manager: EntityManager, document: Partial<IncomingDocument>): Promise<IncomingDocument> {
    const repo = manager.getRepository(IncomingDocument);
    return repo.save(repo.create(document));
  }

  async update(manager: EntityManager, id: string, changes: Partial<IncomingDocument>): Promise<void> {
    await manager.getRepository(IncomingDocument).update({ id }, changes);
  }

  /**
   * The scan's text and its audit entry in one statement (autocommitted: both or neither), instead
   * of BEGIN, UPDATE, INSERT, COMMIT: the worker does this for every registered document (issue
   * 13.10). The entry is written unsealed, as AuditService.record writes it; the sealer chains it.
   * Only if no text was saved yet: a batch of another job may have read this document meanwhile
   * (saveExtractedTexts), and a document gets one entry per reading.
   */
  async saveExtractedText(id: string, text: string, audit: { occurredAt: Date; action: string; data: Record<string, unknown> }): Promise<void> {
    await this.repo.manager.query(
      `WITH saved AS (
         UPDATE incoming_document SET extracted_text = $2, text_extracted_at = $3, updated_at = CURRENT_TIMESTAMP
          WHERE id = $1 AND text_extracted_at IS NULL
         RETURNING id
       )
       INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, data)
       SELECT $3, NULL, $4::varchar, 'incoming_document', saved.id::text, $5::jsonb FROM saved`,
      [id, text, audit.occurredAt, audit.action, JSON.stringify(audit.data)],
    );
  }

  /** What the scan job needs of a document, read without building an entity: most jobs find the text saved and stop here. */
  async findScanState(id: string): Promise<Pick<IncomingDocument, 'id' | 'scanFileId' | 'textExtractedAt'> | null> {
    const rows = await this.repo.manager.query(
      `SELECT id, scan_file_id AS "scanFileId", text_extracted_at AS "textExtractedAt" FROM incoming_document WHERE id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /**
   * Documents registered in the last minutes whose text is not read yet and whose scan is a PDF of at
   * most `maxBytes`, oldest first: the worker reads them in the same pdftotext run as the job's own
   * (IncomingScanService). The partial index on pending documents keeps this off the whole table.
   */
  findTextLayerCandidates(excluding: readonly string[], maxBytes: number, limit: number): Promise<{ id: string; storageKey: string }[]> {
    return this.repo.manager.query(
      `SELECT d.id, f.storage_key AS "storageKey"
         FROM incoming_document d JOIN stored_file f ON f.id = d.scan_file_id
        WHERE d.text_extracted_at IS NULL AND d.created_at > now() - interval '10 minutes'
          AND f.mime_type = 'application/pdf' AND f.size_bytes <= $2 AND f.destroyed_at IS NULL
          AND d.id <> ALL ($1::uuid[])
        ORDER BY d.created_at LIMIT $3`,
      [excluding, maxBytes, limit],
    );
  }

  /**
   * Several documents' texts with an audit entry each, in one statement, as saveExtractedText does for
   * one. Only where no text was saved yet (another worker may have read the same document meanwhile):
   * a document gets one entry per reading. The ids written.
   */
  async saveExtractedTexts(texts: readonly { id: string; text: string; data: Record<string, unknown> }[], occurredAt: Date, action: string): Promise<string[]> {
    if (!texts.length) return [];
    const rows: { id: string }[] = await this.repo.manager.query(
      `WITH input AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(id uuid, text text, data jsonb)),
       saved AS (
         UPDATE incoming_document d SET extracted_text = input.text, text_extracted_at = $2, updated_at = CURRENT_TIMESTAMP
           FROM input WHERE d.id = input.id AND d.text_extracted_at IS NULL
         RETURNING d.id
       )
       INSERT INTO audit_event (occurred_at, actor_id, action, entity_type, entity_id, data)
       SELECT $2, NULL, $3, 'incoming_document', saved.id::text, input.data FROM saved JOIN input ON input.id = saved.id
       ORDER BY saved.id
       RETURNING entity_id AS id`,
      [JSON.stringify(texts), occurredAt, action],
    );
    return rows.map((r) => r.id);
  }

  /** Locks the row: two leaders acting on one document at once are serialised, not interleaved. */
  findForUpdate(manager: EntityManager, id: string, scope: IncomingScope): Promise<IncomingDocument | null> {
    return visibleTo(manager.getRepository(IncomingDocument).createQueryBuilder('d'), scope)
      .andWhere('d.id = :id', { id })
      .setLock('pessimistic_write', undefined, ['d'])
      .getOne();
  }

  /**
   * Points the document at the PDF made from its image scan, keeping the image. Only if the scan is
   * still that image: a job run twice, or racing another, changes it once. True when it changed.
   */
  async replaceImageScan(manager: EntityManager, id: string, imageFileId: string, pdfFileId: string): Promise<boolean> {
    const result = await manager
      .getRepository(IncomingDocument)
      .update({ id, scanFileId: imageFileId }, { scanFileId: pdfFileId, scanImageFileId: imageFileId });
    return (result.affected ?? 0) > 0;
  }

  /** For background jobs, which act for the system, not for a person. */
  findById(id: string, manager?: EntityManager): Promise<IncomingDocument | null> {
    return (manager?.getRepository(IncomingDocument) ?? this.repo).findOneBy({ id });
  }

  /** Open documents due on or before `date` (YYYY-MM-DD), oldest deadline first, keyset-paged by id. */
  findOpenDueBy(date: string, afterId: string | null, limit: number): Promise<IncomingDocument[]> {
    const qb = this.repo
      .createQueryBuilder('d')
      .where(`d.status IN ${BEING_HANDLED_SQL} AND d.due_date <= :date`, { date })
      .orderBy('d.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('d.id > :afterId', { afterId });
    return qb.getMany();
  }

  /** Documents still in force (not voided, recalled or returned) whose validity ends between the two dates. */
  findValidUntilBetween(from: string, to: string, afterId: string | null, limit: number): Promise<IncomingDocument[]> {
    const qb = this.repo
      .createQueryBuilder('d')
      .where(`d.valid_until BETWEEN :from AND :to AND d.status NOT IN ('voided', 'recalled', 'returned')`, { from, to })
      .orderBy('d.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('d.id > :afterId', { afterId });
    return qb.getMany();
  }

  findVisible(id: string, scope: IncomingScope): Promise<IncomingDocument | null> {
    return visibleTo(this.repo.createQueryBuilder('d'), scope).andWhere('d.id = :id', { id }).getOne();
  }

  /** Those of the documents the scope can see, in one query (a record's documents). */
  findVisibleMany(ids: readonly string[], scope: IncomingScope): Promise<IncomingDocument[]> {
    if (!ids.length) return Promise.resolve([]);
    return visibleTo(this.repo.createQueryBuilder('d'), scope).andWhere('d.id IN (:...ids)', { ids: [...new Set(ids)] }).getMany();
  }

  /** Without an access check, in one query: for the archive, after access was checked. */
  findByIds(ids: readonly string[]): Promise<IncomingDocument[]> {
    return ids.length ? this.repo.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  /** Whether the file is the scan, original or result of an incoming document the scope can see. */
  async visibleWithFile(fileId: string, scope: IncomingScope): Promise<boolean> {
    const found = await visibleTo(this.repo.createQueryBuilder('d'), scope)
      .andWhere(
        '(d.scan_file_id = :fileId OR d.scan_image_file_id = :fileId OR d.original_file_id = :fileId OR d.result_file_id = :fileId)',
        { fileId },
      )
      .getExists();
    return found;
  }

  /** Whether the file belongs to a confidential (mật) incoming document, whoever may see it. */
  belongsToConfidential(fileId: string): Promise<boolean> {
    return this.repo
      .createQueryBuilder('d')
      .where(`d.confidentiality <> 'normal'`)
      .andWhere('(d.scan_file_id = :fileId OR d.scan_image_file_id = :fileId OR d.original_file_id = :fileId OR d.result_file_id = :fileId)', { fileId })
      .getExists();
  }

  /** A confidential document that does not name the person (registered by, submitted to, assigned to). */
  async isConfidentialNotNaming(id: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.repo.query(
      `SELECT 1 FROM incoming_document d
        WHERE d.id = $1 AND d.confidentiality <> 'normal'
          AND NOT coalesce(d.registered_by = $2 OR d.submitted_to = $2
                  OR EXISTS (SELECT 1 FROM incoming_assignment a WHERE a.document_id = d.id AND a.active AND a.user_id = $2), false)`,
      [id, userId],
    );
    return rows.length > 0;
  }

  /** Whether the file (scan, original, result) belongs to a confidential incoming document that does not name the person. */
  async fileOfConfidentialNotNaming(fileId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.repo.query(
      `SELECT 1 FROM incoming_document d
        WHERE $1 IN (d.scan_file_id, d.scan_image_file_id, d.original_file_id, d.result_file_id) AND d.confidentiality <> 'normal'
          AND NOT coalesce(d.registered_by = $2 OR d.submitted_to = $2
                  OR EXISTS (SELECT 1 FROM incoming_assignment a WHERE a.document_id = d.id AND a.active AND a.user_id = $2), false)
        LIMIT 1`,
      [fileId, userId],
    );
    return rows.length > 0;
  }

  /** With `idempotencyFingerprint` loaded, to tell a retry from another request under the same key. */
  findByIdempotencyKey(userId: string, key: string): Promise<IncomingDocument | null> {
    return this.repo
      .createQueryBuilder('d')
      .addSelect('d.idempotencyFingerprint')
      .where('d.registered_by = :userId AND d.idempotency_key = :key', { userId, key })
      .getOne();
  }

  /** The document registered from this intake item, if any. */
  findByIntakeItemId(intakeItemId: string): Promise<IncomingDocument | null> {
    return this.repo.findOne({ where: { intakeItemId } });
  }

  /** The insert lost to a concurrent registration of the same intake item (which has committed). */
  isIntakeItemTaken(error: unknown): boolean {
    const failure = error as { code?: string; constraint?: string };
    return failure.code === UNIQUE_VIOLATION && failure.constraint === 'incoming_intake_item';
  }

  /** The insert lost to a concurrent registration with the same Idempotency-Key (which has committed). */
  isIdempotencyKeyTaken(error: unknown): boolean {
    const failure = error as { code?: string; constraint?: string };
    return failure.code === UNIQUE_VIOLATION && failure.constraint === 'incoming_idempotency';
  }

  /**
   * Same source number and date in the same agency: most likely the same document twice. Only
   * documents the scope sees, so a confidential one registered by someone else is never named.
   */
  async findLikelyDuplicateIds(
    scope: IncomingScope,
    agencyId: string,
    sourceNumberSymbol: string,
    sourceDate: string,
    excludeId: string,
  ): Promise<string[]> {
    // Raw: it runs with every registration (issue 13.10), and the query builder cost more CPU than the query.
    const visible = visibleToSql(scope, 5);
    // Prepared (the scope's text is the same for every clerk; only its values differ): the plan is
    // the equality lookup on incoming_duplicate_idx whatever the values.
    const statement = {
      name: 'incoming_likely_duplicates',
      text: `SELECT d.id FROM incoming_document d
        WHERE d.agency_id = $1 AND d.source_number_symbol = $2 AND d.source_date = $3 AND d.id <> $4 AND ${visible.sql}
        LIMIT 5`,
    };
    const rows = await queryPrepared<{ id: string }>(this.repo.manager.connection, statement, [
      agencyId, sourceNumberSymbol, sourceDate, excludeId, ...visible.parameters,
    ]);
    return rows.map((r) => r.id);
  }

  /**
   * One page of what the scope sees, without `q` (searches: IncomingSearchRepository). Its cost
   * follows the page, not the number of matches: the count stops at LIST_COUNT_CAP + 1 rows, and
   * the unfiltered list walks incoming_received_idx and stops after the page.
   */
  async list(scope: IncomingScope, filter: IncomingFilter): Promise<CappedPage<IncomingDocument>> {
    const [items, counted] = await Promise.all([this.sortedPage(scope, filter), this.countUpTo(scope, filter, this.config.LIST_COUNT_CAP)]);
    const totalIsExact = counted <= this.config.LIST_COUNT_CAP;
    return { items, total: Math.min(counted, this.config.LIST_COUNT_CAP), totalIsExact, page: filter.page, pageSize: filter.pageSize };
  }

  private matching(scope: IncomingScope, filter: IncomingFilter): SelectQueryBuilder<IncomingDocument> {
    const qb = visibleTo(this.repo.createQueryBuilder('d'), scope);
    applyIncomingFilter(qb, filter);
    return qb;
  }

  private sortedPage(scope: IncomingScope, filter: IncomingFilter): Promise<IncomingDocument[]> {
    const order = (filter.order ?? 'desc').toUpperCase() as 'ASC' | 'DESC';
    return this.matching(scope, filter)
      .orderBy(SORT_COLUMNS[filter.sort ?? 'receivedAt'], order, 'NULLS LAST')
      .addOrderBy('d.id', 'ASC')
      .offset((filter.page - 1) * filter.pageSize)
      .limit(filter.pageSize)
      .getMany();
  }

  /** How many match, counting at most `cap + 1` rows: more than `cap` means "more than cap". */
  private async countUpTo(scope: IncomingScope, filter: IncomingFilter, cap: number): Promise<number> {
    const [sql, parameters] = this.matching(scope, filter).select('1').limit(cap + 1).getQueryAndParameters();
    const [{ n }] = await this.repo.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM (${sql}) AS matches`, parameters);
    return n;
  }

  /**
   * A register's documents of a year by number, as the register book prints them, with the
   * current lead's unit and person names and the day of the first assignment. One query, walking
   * the (register_id, year, incoming_number) unique index, so a full year is one round trip.
   */
  findForBook(scope: IncomingScope, registerId: string, period: RegisterBookPeriod): Promise<IncomingBookRecord[]> {
    const receivedDay = `(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    const qb = visibleTo(this.repo.createQueryBuilder('d'), scope)
      .andWhere('d.register_id = :registerId AND d.year = :year', { registerId, year: period.year })
      .leftJoin('incoming_assignment', 'lead', `lead.document_id = d.id AND lead.active AND lead.role = 'lead'`)
      .leftJoin('app_user', 'lead_user', 'lead_user.id = lead.user_id')
      .leftJoin('unit', 'lead_unit', 'lead_unit.id = lead.unit_id')
      .select('d.incoming_number', 'incomingNumber')
      .addSelect(`to_char(${receivedDay}, 'YYYY-MM-DD')`, 'receivedDate')
      .addSelect('d.issuing_authority', 'issuingAuthority')
      .addSelect('d.source_number_symbol', 'sourceNumberSymbol')
      .addSelect(`to_char(d.source_date, 'YYYY-MM-DD')`, 'sourceDate')
      .addSelect('d.document_type', 'documentType')
      .addSelect('d.subject', 'subject')
      .addSelect('d.status', 'status')
      .addSelect('d.urgency', 'urgency')
      .addSelect('d.confidentiality', 'confidentiality')
      .addSelect('lead_unit.name', 'leadUnitName')
      .addSelect('lead_user.full_name', 'leadUserName')
      .addSelect(
        `(SELECT to_char(min(f.assigned_at) AT TIME ZONE 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') FROM incoming_assignment f WHERE f.document_id = d.id)`,
        'forwardedDate',
      )
      .orderBy('d.incoming_number', 'ASC');
    if (period.from) qb.andWhere(`${receivedDay} >= :from`, { from: period.from });
    if (period.to) qb.andWhere(`${receivedDay} <= :to`, { to: period.to });
    return qb.getRawMany<IncomingBookRecord>();
  }
}
