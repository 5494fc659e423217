import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import type { Counted } from '@eoffice/core';
import { AgencySource, ExternalAgency } from '../entities/external-agency.entity';
import type { ListedAgency } from '../rules/agency-import-plan';
import type { ExternalAgencyInput } from '../rules/external-agency-input';
import { searchTerms } from '../rules/search-terms';

/** Same expression as the external_agency_search_trgm index of the migration, so searches use it. */
const AGENCY_SEARCH_TEXT = `eoffice_fold(a.name || ' ' || coalesce(a.organ_id, '') || ' ' || coalesce(a.agency_code, ''))`;

/** Columns in the order the batch writes send them (one array parameter a column). */
const COLUMNS = [
  ['organ_id', 'organId'],
  ['agency_code', 'agencyCode'],
  ['name', 'name'],
  ['address', 'address'],
  ['email', 'email'],
  ['phone', 'phone'],
  ['fax', 'fax'],
  ['website', 'website'],
  ['endpoint_kind', 'endpointKind'],
  ['endpoint_url', 'endpointUrl'],
] as const;

/** Rows per statement of an import: a national list of 111,000 agencies is about 23 statements. */
const BATCH = 5000;

export interface AgencyFilter {
  q?: string;
  active?: boolean;
  exchange?: boolean;
}

@Injectable()
export class ExternalAgencyRepository {
  constructor(@InjectRepository(ExternalAgency) private readonly repo: Repository<ExternalAgency>) {}

  private of(manager?: EntityManager): Repository<ExternalAgency> {
    return manager ? manager.getRepository(ExternalAgency) : this.repo;
  }

  findById(id: string, manager?: EntityManager): Promise<ExternalAgency | null> {
    return this.of(manager).findOneBy({ id });
  }

  /** The entry holding either code, if any (at most one of each is unique; the first found is enough to refuse). */
  async findHolder(manager: EntityManager, organId: string | null, agencyCode: string | null): Promise<ExternalAgency | null> {
    const where = [...(organId ? [{ organId }] : []), ...(agencyCode ? [{ agencyCode }] : [])];
    return where.length ? manager.getRepository(ExternalAgency).findOne({ where }) : null;
  }

  /** The active entry with this OrganId and the certificate it signs packages with (null when unknown or without one). */
  async exchangePartner(organId: string): Promise<{ agency: ExternalAgency; certificatePem: string } | null> {
    const agency = await this.repo.createQueryBuilder('a').addSelect('a.certificatePem').where('a.organId = :organId AND a.active', { organId }).getOne();
    return agency?.certificatePem ? { agency, certificatePem: agency.certificatePem } : null;
  }

  async setCertificate(manager: EntityManager, id: string, certificatePem: string | null): Promise<void> {
    await manager.getRepository(ExternalAgency).update({ id }, { certificatePem });
  }

  findByOrganIds(organIds: readonly string[]): Promise<ExternalAgency[]> {
    return organIds.length ? this.repo.findBy({ organId: In([...organIds]) }) : Promise.resolve([]);
  }

  /** Words matched anywhere in the name or the codes, diacritics and case folded; best match first. */
  async search(filter: AgencyFilter, offset: number, limit: number): Promise<Counted<ExternalAgency>> {
    const params: unknown[] = [];
    const where = searchTerms(filter.q).map((term) => `${AGENCY_SEARCH_TEXT} LIKE eoffice_fold($${params.push(term)})`);
    if (filter.active !== undefined) where.push(`a.active = $${params.push(filter.active)}`);
    if (filter.exchange) where.push(`a.endpoint_kind IS NOT NULL`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = (await this.repo.query(`SELECT count(*) AS n FROM external_agency a ${clause}`, params)) as { n: string }[];
    const ids: { id: string }[] = await this.repo.query(
      `SELECT a.id FROM external_agency a ${clause}
        ORDER BY similarity(eoffice_fold(a.name), eoffice_fold($${params.length + 1})) DESC, eoffice_fold(a.name), a.id
        OFFSET $${params.length + 2} LIMIT $${params.length + 3}`,
      [...params, filter.q?.normalize('NFC') ?? '', offset, limit],
    );
    const rows = ids.length ? await this.repo.findBy({ id: In(ids.map((r) => r.id)) }) : [];
    const byId = new Map(rows.map((r) => [r.id, r]));
    return { total: Number(n), items: ids.map((r) => byId.get(r.id)!) };
  }

  /** Every entry's codes and fields, for planning an import (a few MB for the national list). */
  listAll(manager: EntityManager): Promise<ListedAgency[]> {
    return manager.getRepository(ExternalAgency).find({
      select: { id: true, active: true, ...Object.fromEntries(COLUMNS.map(([, field]) => [field, true])) },
    });
  }

  /** Imports wait for each other: the second plans against what the first wrote. */
  async lockForImport(manager: EntityManager): Promise<void> {
    await manager.query(`LOCK TABLE external_agency IN SHARE ROW EXCLUSIVE MODE`);
  }

  async insert(manager: EntityManager, input: ExternalAgencyInput, source: AgencySource): Promise<ExternalAgency> {
    const repo = manager.getRepository(ExternalAgency);
    return repo.save(repo.create({ ...input, source, active: true }));
  }

  async update(manager: EntityManager, id: string, changes: Partial<ExternalAgency>): Promise<void> {
    await manager.getRepository(ExternalAgency).update({ id }, changes);
  }

  /** One INSERT … SELECT FROM unnest a batch: the import's cost is its rows, not its statements. */
  async insertMany(manager: EntityManager, rows: readonly ExternalAgencyInput[], source: AgencySource): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH) {
      const batch = rows.slice(i, i + BATCH);
      const columns = COLUMNS.map(([column]) => column).join(', ');
      const arrays = COLUMNS.map((_, n) => `$${n + 1}::varchar[]`).join(', ');
      await manager.query(
        `INSERT INTO external_agency (${columns}, source) SELECT *, $${COLUMNS.length + 1} FROM unnest(${arrays})`,
        [...COLUMNS.map(([, field]) => batch.map((row) => row[field])), source],
      );
    }
  }

  /** Rewrites each listed entry with its row's fields (and makes it active again). */
  async updateMany(manager: EntityManager, updates: readonly { id: string; row: ExternalAgencyInput }[], source: AgencySource): Promise<void> {
    for (let i = 0; i < updates.length; i += BATCH) {
      const batch = updates.slice(i, i + BATCH);
      const sets = COLUMNS.map(([column]) => `${column} = v.${column}`).join(', ');
      const arrays = COLUMNS.map((_, n) => `$${n + 2}::varchar[]`).join(', ');
      await manager.query(
        `UPDATE external_agency a SET ${sets}, source = $${COLUMNS.length + 2}, active = true, updated_at = now()
           FROM unnest($1::uuid[], ${arrays}) AS v(id, ${COLUMNS.map(([column]) => column).join(', ')})
          WHERE a.id = v.id`,
        [batch.map((u) => u.id), ...COLUMNS.map(([, field]) => batch.map((u) => u.row[field])), source],
      );
    }
  }
}
