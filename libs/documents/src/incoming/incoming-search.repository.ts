import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@eoffice/core';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { IncomingDocument } from './entities/incoming-document.entity';
import { applyIncomingFilter, escapeLike, visibleTo } from './incoming-matching';
import type { CappedPage } from '@eoffice/core';
import type { IncomingFilter } from './incoming-query';
import type { IncomingScope } from './incoming-scope';
import { nextWalk, walkSample } from './search-walk';

/**
 * 1 for a match with the exact diacritics typed, plus the trigram similarity of the folded text;
 * over the columns of `alias` (`qLike`: the query escaped for LIKE, `q`: as typed).
 */
const rankOf = (alias: string, qLike: string, q: string) => `(CASE WHEN lower(${alias}.subject || ' ' || ${alias}.source_number_symbol || ' ' || ${alias}.issuing_authority)
  LIKE '%' || lower(${qLike}) || '%' THEN 1 ELSE 0 END) + similarity(${alias}.search_folded, eoffice_fold(${q}))`;
const FROM_DOCUMENTS = 'FROM "incoming_document" "d"';

/** `GET /incoming?q=` (docs/search.md): the page and its total, capped at the ranking window. */
@Injectable()
export class IncomingSearchRepository {
  constructor(
    @InjectRepository(IncomingDocument) private readonly repo: Repository<IncomingDocument>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Search order: the newest SEARCH_RANK_WINDOW matches (by received_at) ranked exact-diacritics
   * first ("Bằng" before "bang"), then by trigram similarity, then newest; after them every older
   * match, newest first. Ranking every match made a common word cost seconds at 1M documents.
   * The total is counted by the query that finds the window (window + 1 rows), so it is capped at
   * SEARCH_RANK_WINDOW (and LIST_COUNT_CAP): counting further read 10,001 matches at 1M documents
   * for a phrase in 2.4 % of them, 14× the cost at 100k (bench/incoming).
   */
  async search(scope: IncomingScope, filter: IncomingFilter): Promise<CappedPage<IncomingDocument>> {
    const window = this.config.SEARCH_RANK_WINDOW;
    const cap = Math.min(window, this.config.LIST_COUNT_CAP);
    const start = (filter.page - 1) * filter.pageSize;
    const end = start + filter.pageSize;
    const newest = await this.newestWindow(scope, filter, window + 1);
    const ranked = newest.slice(0, window).sort((a, b) => Number(b.rank) - Number(a.rank)); // stable: equal ranks stay newest first
    const from = Math.max(start, window);
    const older = end > window && newest.length > window ? await this.newestMatches(scope, filter, from, end - from).getRawMany<{ id: string }>() : [];
    const ids = [...ranked.slice(start, end), ...older].map((r) => r.id);
    const found = ids.length ? await this.repo.findBy({ id: In(ids) }) : [];
    const byId = new Map(found.map((d) => [d.id, d]));
    const items = ids.flatMap((id) => byId.get(id) ?? []);
    return { items, total: Math.min(newest.length, cap), totalIsExact: newest.length <= cap, page: filter.page, pageSize: filter.pageSize };
  }

  /** The newest `wanted` matches with their rank, newest first: by a walk when it pays (search-walk.ts), else the trigram index. */
  private async newestWindow(scope: IncomingScope, filter: IncomingFilter, wanted: number): Promise<{ id: string; rank: number }[]> {
    const maxRows = this.config.SEARCH_WALK_ROWS;
    const walked = maxRows > 0 ? await this.walked(scope, filter, wanted, maxRows) : null;
    return walked ?? this.rankedWindow(scope, filter, wanted);
  }

  /**
   * The walk, in a transaction whose planner settings keep it on incoming_received_idx: left to
   * itself, PostgreSQL sorted the whole table (a parallel sequential scan and an on-disk sort of
   * 100k wide rows, 1.2 s) rather than read the index and stop at the window. Null: the index instead.
   */
  private walked(scope: IncomingScope, filter: IncomingFilter, wanted: number, maxRows: number): Promise<{ id: string; rank: number }[] | null> {
    return this.repo.manager.transaction(async (manager) => {
      await manager.query(`SELECT set_config('enable_seqscan', 'off', true), set_config('enable_sort', 'off', true)`);
      const sample = walkSample(wanted, maxRows);
      const first = await this.walk(manager, scope, filter, wanted, sample);
      if (first.length >= wanted) return first;
      const [{ documents }] = await manager.query<{ documents: number }[]>(
        `SELECT reltuples::float8 AS documents FROM pg_class WHERE oid = 'incoming_document'::regclass`,
      );
      const rows = nextWalk({ found: first.length, wanted, rowsRead: sample, maxRows, documents: Number(documents) });
      const walked = rows ? await this.walk(manager, scope, filter, wanted, rows) : [];
      return walked.length >= wanted ? walked : null;
    });
  }

  /**
   * Reads the newest `rows` documents through incoming_received_idx and keeps the first `wanted`
   * that match and the scope sees, ranked. The LIMIT inside bounds what is read.
   */
  private walk(manager: EntityManager, scope: IncomingScope, filter: IncomingFilter, wanted: number, rows: number): Promise<{ id: string; rank: number }[]> {
    const [sql, parameters] = this.matching(scope, filter).select('d.id', 'id').addSelect(rankOf('d', ':qLike', ':q'), 'rank').getQueryAndParameters();
    if (!sql.includes(FROM_DOCUMENTS)) throw new Error(`search walk: unexpected query shape: ${sql.slice(0, 200)}`);
    const newest = `FROM (SELECT * FROM incoming_document ORDER BY received_at DESC NULLS LAST, id ASC LIMIT ${Math.trunc(rows)}) "d"`;
    return manager.query(`${sql.replace(FROM_DOCUMENTS, newest)} ORDER BY "d".received_at DESC NULLS LAST, "d".id ASC LIMIT ${Math.trunc(wanted)}`, parameters);
  }

  /** Matches `offset` to `offset + limit` newest first, through incoming_received_idx or the trigram index. */
  private newestMatches(scope: IncomingScope, filter: IncomingFilter, offset: number, limit: number) {
    return this.matching(scope, filter)
      .select('d.id', 'id')
      .orderBy('d.receivedAt', 'DESC', 'NULLS LAST')
      .addOrderBy('d.id', 'ASC')
      .offset(offset)
      .limit(limit);
  }

  /**
   * The newest `window` matches with their rank, newest first, as the planner finds them (the
   * trigram index for a rare phrase). The rank is computed on the window
   * only, outside the query that finds it: inside, PostgreSQL computes similarity() for every
   * match before the sort keeps the newest (23,000 trigram comparisons of whole texts for a
   * phrase in 2.4 % of a million documents, where 2,000 are kept; bench/incoming).
   */
  private async rankedWindow(scope: IncomingScope, filter: IncomingFilter, window: number): Promise<{ id: string; rank: number }[]> {
    const q = filter.q!;
    const [inner, parameters] = this.newestMatches(scope, filter, 0, window)
      .addSelect(['d.received_at AS received_at', 'd.subject AS subject', 'd.source_number_symbol AS source_number_symbol'])
      .addSelect(['d.issuing_authority AS issuing_authority', 'd.search_folded AS search_folded'])
      .getQueryAndParameters();
    const rank = rankOf('w', `$${parameters.length + 1}`, `$${parameters.length + 2}`);
    return this.repo.query(
      `SELECT w.id, ${rank} AS rank FROM (${inner}) AS w ORDER BY w.received_at DESC NULLS LAST, w.id ASC`,
      [...parameters, escapeLike(q), q],
    );
  }

  private matching(scope: IncomingScope, filter: IncomingFilter): SelectQueryBuilder<IncomingDocument> {
    const qb = visibleTo(this.repo.createQueryBuilder('d'), scope);
    applyIncomingFilter(qb, filter);
    return qb;
  }
}
