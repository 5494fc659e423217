import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import type { RegisterBookPeriod } from '../registers/book/register-book-period';
import type { IncomingBookRecord } from './book/incoming-book-row';
import { IncomingDocument } from './entities/incoming-document.entity';
import type { CappedPage, IncomingFilter } from './incoming-query';
import type { IncomingScope } from './incoming-scope';

const SORT_COLUMNS = { receivedAt: 'd.receivedAt', incomingNumber: 'd.incomingNumber', dueDate: 'd.dueDate' } as const;
const TODAY_VN = `(now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
/** 1 for a match with the exact diacritics typed, plus the trigram similarity of the folded text. */
const SEARCH_RANK = `(CASE WHEN lower(d.subject || ' ' || d.source_number_symbol || ' ' || d.issuing_authority) LIKE '%' || lower(:qLike) || '%'
  THEN 1 ELSE 0 END) + similarity(d.search_folded, eoffice_fold(:q))`;

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

  /** Locks the row: two leaders acting on one document at once are serialised, not interleaved. */
  findForUpdate(manager: EntityManager, id: string, scope: IncomingScope): Promise<IncomingDocument | null> {
    return this.visible(manager.getRepository(IncomingDocument).createQueryBuilder('d'), scope)
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
      .where(`d.status IN ('assigned', 'in_progress') AND d.due_date <= :date`, { date })
      .orderBy('d.id', 'ASC')
      .take(limit);
    if (afterId) qb.andWhere('d.id > :afterId', { afterId });
    return qb.getMany();
  }

  findVisible(id: string, scope: IncomingScope): Promise<IncomingDocument | null> {
    return this.visible(this.repo.createQueryBuilder('d'), scope).andWhere('d.id = :id', { id }).getOne();
  }

  /** Whether the file is the scan, original or result of an incoming document the scope can see. */
  async visibleWithFile(fileId: string, scope: IncomingScope): Promise<boolean> {
    const found = await this.visible(this.repo.createQueryBuilder('d'), scope)
      .andWhere(
        '(d.scan_file_id = :fileId OR d.scan_image_file_id = :fileId OR d.original_file_id = :fileId OR d.result_file_id = :fileId)',
        { fileId },
      )
      .getExists();
    return found;
  }

  findByIdempotencyKey(userId: string, key: string): Promise<IncomingDocument | null> {
    return this.repo.findOneBy({ registeredBy: userId, idempotencyKey: key });
  }

  /** Same issuer, source number and date in the same agency: most likely the same document twice. */
  findLikelyDuplicates(agencyId: string, sourceNumberSymbol: string, sourceDate: string): Promise<IncomingDocument[]> {
    return this.repo.find({ where: { agencyId, sourceNumberSymbol, sourceDate }, take: 5 });
  }

  /**
   * One page of what the scope sees. Its cost follows the page, not the number of matches: the
   * count stops at LIST_COUNT_CAP + 1 rows, a search ranks only its newest SEARCH_RANK_WINDOW
   * matches, and the unfiltered list walks incoming_received_idx and stops after the page.
   */
  async list(scope: IncomingScope, filter: IncomingFilter): Promise<CappedPage<IncomingDocument>> {
    const [items, counted] = await Promise.all([
      filter.q ? this.searchPage(scope, filter) : this.sortedPage(scope, filter),
      this.countUpTo(scope, filter, this.config.LIST_COUNT_CAP),
    ]);
    const totalIsExact = counted <= this.config.LIST_COUNT_CAP;
    return { items, total: Math.min(counted, this.config.LIST_COUNT_CAP), totalIsExact, page: filter.page, pageSize: filter.pageSize };
  }

  private matching(scope: IncomingScope, filter: IncomingFilter): SelectQueryBuilder<IncomingDocument> {
    const qb = this.visible(this.repo.createQueryBuilder('d'), scope);
    this.applyFilter(qb, filter);
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

  /**
   * Search order: the newest SEARCH_RANK_WINDOW matches (by received_at) ranked exact-diacritics
   * first ("Bằng" before "bang"), then by trigram similarity, then newest; after them every older
   * match, newest first. Ranking every match made a common word cost seconds at 1M documents.
   */
  private async searchPage(scope: IncomingScope, filter: IncomingFilter): Promise<IncomingDocument[]> {
    const window = this.config.SEARCH_RANK_WINDOW;
    const start = (filter.page - 1) * filter.pageSize;
    const end = start + filter.pageSize;
    const ranked = start < window ? await this.newestMatches(scope, filter, 0, window) : [];
    ranked.sort((a, b) => Number(b.rank) - Number(a.rank)); // stable: equal ranks stay newest first
    const older = end > window ? await this.newestMatches(scope, filter, Math.max(start, window), end - Math.max(start, window)) : [];
    const ids = [...ranked.slice(start, end), ...older].map((r) => r.id);
    const found = ids.length ? await this.repo.findBy({ id: In(ids) }) : [];
    const byId = new Map(found.map((d) => [d.id, d]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** Matches `offset` to `offset + limit` newest first, through incoming_received_idx or the trigram index. */
  private newestMatches(scope: IncomingScope, filter: IncomingFilter, offset: number, limit: number) {
    return this.matching(scope, filter)
      .select('d.id', 'id')
      .addSelect(SEARCH_RANK, 'rank')
      .orderBy('d.receivedAt', 'DESC', 'NULLS LAST')
      .addOrderBy('d.id', 'ASC')
      .offset(offset)
      .limit(limit)
      .getRawMany<{ id: string; rank: number }>();
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
    const qb = this.visible(this.repo.createQueryBuilder('d'), scope)
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

  private visible(qb: SelectQueryBuilder<IncomingDocument>, scope: IncomingScope): SelectQueryBuilder<IncomingDocument> {
    // OFFSET 0 keeps each EXISTS a probe of assignment_document_idx for the rows actually read:
    // without it PostgreSQL may turn it into a hashed sub-plan that first loads every active
    // assignment of the person or units, however few rows the page needs (bench/incoming).
    const assigned = (condition: string) =>
      `EXISTS (SELECT 1 FROM incoming_assignment a WHERE a.document_id = d.id AND a.active AND ${condition} OFFSET 0)`;
    return qb.where(
      new Brackets((w) => {
        // Cheap column tests first: PostgreSQL keeps the order of OR arms, and the EXISTS probes
        // cost a lookup per row (bench/incoming: count 4–5 s → 0.5–0.7 s at 1M documents).
        w.where(`d.registered_by = :scopeUser OR d.submitted_to = :scopeUser`)
          .orWhere(`d.confidentiality = 'normal' AND d.agency_id = ANY(:scopeAgencies)`)
          .orWhere(assigned('a.user_id = :scopeUser'))
          .orWhere(`d.confidentiality = 'normal' AND ${assigned('a.unit_id = ANY(:scopeUnits)')}`);
      }),
      { scopeUser: scope.userId, scopeAgencies: scope.wholeAgencyIds, scopeUnits: scope.unitIds },
    );
  }

  private applyFilter(qb: SelectQueryBuilder<IncomingDocument>, f: IncomingFilter): void {
    if (f.status?.length) qb.andWhere('d.status = ANY(:status)', { status: f.status });
    if (f.urgency?.length) qb.andWhere('d.urgency = ANY(:urgency)', { urgency: f.urgency });
    if (f.registerId) qb.andWhere('d.register_id = :registerId', { registerId: f.registerId });
    if (f.documentType) qb.andWhere('d.document_type = :documentType', { documentType: f.documentType });
    if (f.issuingAuthority) {
      qb.andWhere('eoffice_fold(d.issuing_authority) LIKE eoffice_fold(:issuer)', { issuer: `%${escapeLike(f.issuingAuthority)}%` });
    }
    if (f.from) qb.andWhere(`(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date >= :from`, { from: f.from });
    if (f.to) qb.andWhere(`(d.received_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date <= :to`, { to: f.to });
    if (f.overdue) qb.andWhere(`d.status IN ('assigned', 'in_progress') AND d.due_date < ${TODAY_VN}`);
    if (f.dueWithinDays !== undefined) {
      qb.andWhere(`d.status IN ('assigned', 'in_progress') AND d.due_date BETWEEN ${TODAY_VN} AND ${TODAY_VN} + :days::int`, {
        days: f.dueWithinDays,
      });
    }
    if (f.assigneeUserId) {
      qb.andWhere('EXISTS (SELECT 1 FROM incoming_assignment f WHERE f.document_id = d.id AND f.active AND f.user_id = :fu)', {
        fu: f.assigneeUserId,
      });
    }
    if (f.assigneeUnitId) {
      qb.andWhere('EXISTS (SELECT 1 FROM incoming_assignment f WHERE f.document_id = d.id AND f.active AND f.unit_id = :fn)', {
        fn: f.assigneeUnitId,
      });
    }
    if (f.waitingFor) {
      qb.andWhere(
        `((d.status = 'registered' AND (d.registered_by = :wUser OR (d.registered_by IS NULL AND d.agency_id = ANY(:wClerkAgencies))))
          OR (d.status = 'submitted' AND d.submitted_to = :wUser)
          OR (d.status IN ('assigned', 'in_progress') AND EXISTS (
                SELECT 1 FROM incoming_assignment w WHERE w.document_id = d.id AND w.active AND w.role <> 'informed'
                  AND (w.user_id = :wUser OR (w.user_id IS NULL AND w.unit_id = ANY(:wUnits))))))`,
        { wUser: f.waitingFor.userId, wUnits: f.waitingFor.unitIds, wClerkAgencies: f.waitingFor.clerkAgencyIds },
      );
    }
    if (f.q) {
      // Diacritics-insensitive match through the trigram index on search_folded.
      qb.andWhere(`d.search_folded LIKE '%' || eoffice_fold(:qLike) || '%'`, { qLike: escapeLike(f.q), q: f.q });
    }
  }
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
