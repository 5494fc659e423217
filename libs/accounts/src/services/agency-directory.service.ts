import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, BlobStore, Counted, FileService, ReceivedFile } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { ExternalAgency } from '../entities/external-agency.entity';
import { AgencyFilter, ExternalAgencyRepository } from '../repositories/external-agency.repository';
import { UnitRepository } from '../repositories/unit.repository';
import { agencyKey, parseAgencyRows } from '../rules/agency-import';
import { planAgencyImport } from '../rules/agency-import-plan';
import { ExternalAgencyInput, externalAgencyProblems, normaliseAgencyInput } from '../rules/external-agency-input';
import { assertNoProblems } from '../rules/organisation-input';
import { OrganisationScope } from './organisation-scope.service';
import { readUtf8ImportFile } from './utf8-import-file';

export type AgencyChanges = Partial<{ [K in keyof ExternalAgencyInput]: string | null }> & { active?: boolean };

export interface AgencyImportResult {
  importId: string;
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * The agency directory (danh bạ cơ quan): the agencies outside the installation that documents go
 * to and come from, by OrganId. Everyone signed in searches it (a drafter picks recipients);
 * administrators keep it, by hand or by importing the national list as CSV.
 */
@Injectable()
export class AgencyDirectoryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: ExternalAgencyRepository,
    private readonly units: UnitRepository,
    private readonly scope: OrganisationScope,
    private readonly blobs: BlobStore,
    private readonly files: FileService,
    private readonly audit: AuditService,
  ) {}

  search(filter: AgencyFilter, page: number, pageSize: number): Promise<Counted<ExternalAgency>> {
    return this.agencies.search(filter, (page - 1) * pageSize, pageSize);
  }

  async get(id: string): Promise<ExternalAgency> {
    const agency = await this.agencies.findById(id);
    if (!agency) throw AppError.notFound('cơ quan (agency)');
    return agency;
  }

  /** Directory entries by OrganId (inactive ones too: the caller decides). */
  findByOrganIds(organIds: readonly string[]): Promise<ExternalAgency[]> {
    return this.agencies.findByOrganIds(organIds);
  }

  /** The agency an exchange package claims to come from, with the certificate its signature is checked against. */
  exchangePartner(organId: string): Promise<{ agency: ExternalAgency; certificatePem: string } | null> {
    return this.agencies.exchangePartner(organId);
  }

  /**
   * Sets (or clears) the certificate the agency signs its packages with; audited with the
   * certificate's SHA-256 fingerprint. The caller has checked the PEM is a certificate.
   */
  async setCertificate(actor: Actor, id: string, certificatePem: string | null, fingerprint: string | null): Promise<ExternalAgency> {
    this.scope.assertCanAdminister(actor);
    await this.get(id);
    await this.dataSource.transaction(async (manager) => {
      await this.agencies.setCertificate(manager, id, certificatePem);
      await this.audit.record(manager, { actorId: actor.id, action: 'agency.certificate_set', entityType: 'external_agency', entityId: id, data: { fingerprint } });
    });
    return this.get(id);
  }

  create(actor: Actor, raw: AgencyChanges): Promise<ExternalAgency> {
    this.scope.assertCanAdminister(actor);
    const input = normaliseAgencyInput(raw);
    assertNoProblems(externalAgencyProblems(input));
    return this.dataSource.transaction(async (manager) => {
      await this.agencies.lockForImport(manager);
      await this.assertCodesFree(manager, input, null);
      const agency = await this.agencies.insert(manager, input, 'manual');
      await this.audit.record(manager, { actorId: actor.id, action: 'agency.created', entityType: 'external_agency', entityId: agency.id, data: { ...input } });
      return agency;
    });
  }

  update(actor: Actor, id: string, changes: AgencyChanges): Promise<ExternalAgency> {
    this.scope.assertCanAdminister(actor);
    return this.dataSource.transaction(async (manager) => {
      await this.agencies.lockForImport(manager);
      const current = await this.agencies.findById(id, manager);
      if (!current) throw AppError.notFound('cơ quan (agency)');
      const { active, ...fields } = changes;
      // Absent fields keep their value (the DTO may carry them as undefined); null clears.
      const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      const input = normaliseAgencyInput({ ...current, ...given });
      assertNoProblems(externalAgencyProblems(input));
      await this.assertCodesFree(manager, input, id);
      const after = { ...input, active: active ?? current.active };
      await this.agencies.update(manager, id, after);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'agency.updated',
        entityType: 'external_agency',
        entityId: id,
        data: { before: pick(current, after), after },
      });
      return { ...current, ...after };
    });
  }

  /**
   * All or nothing: 422 IMPORT_REJECTED lists every bad row and nothing is written. Rows are matched
   * to entries by OrganId (else by agency code), so the same file twice changes nothing the second
   * time; two imports at once run one after the other.
   */
  async import(actor: Actor, file: ReceivedFile | undefined): Promise<AgencyImportResult> {
    this.scope.assertCanAdminister(actor);
    if (!file) throw AppError.validation('Cần tệp "agencies" (no file)', [{ field: 'agencies', message: 'thiếu tệp' }]);
    const parsed = parseAgencyRows(await readUtf8ImportFile(this.blobs, file, 'agencies'));
    if (parsed.problems.length) throw rejected(parsed.problems);
    return this.dataSource.transaction(async (manager) => {
      await this.agencies.lockForImport(manager);
      const plan = planAgencyImport(await this.agencies.listAll(manager), parsed.rows);
      const problems = [...plan.problems, ...(await this.ownAgencyClashes(manager, parsed.rows))];
      if (problems.length) throw rejected(problems);
      await this.agencies.insertMany(manager, plan.create, 'import');
      await this.agencies.updateMany(manager, plan.update, 'import');
      const result = { importId: randomUUID(), created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged };
      const stored = await this.files.record(file, actor.id, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'agency.imported',
        entityType: 'agency_import',
        entityId: result.importId,
        data: { ...result, fileId: stored.id, changed: [...plan.create, ...plan.update.map((u) => u.row)].map(agencyKey).slice(0, 1000) },
      });
      return result;
    });
  }

  /** An OrganId or code already held by another entry, or by one of our own agencies. */
  private async assertCodesFree(manager: EntityManager, input: ExternalAgencyInput, selfId: string | null): Promise<void> {
    const taken = await this.agencies.findHolder(manager, input.organId, input.agencyCode);
    if (taken && taken.id !== selfId) {
      throw AppError.conflict('AGENCY_ALREADY_LISTED', `Mã đã thuộc "${taken.name}" trong danh bạ (code already listed)`);
    }
    if (await this.units.holdsAgencyIdentifier(manager, input.organId, input.agencyCode)) {
      throw AppError.conflict('AGENCY_IS_OURS', 'Mã này là của một cơ quan trong hệ thống (code belongs to one of our own agencies)');
    }
  }

  private async ownAgencyClashes(manager: EntityManager, rows: (ExternalAgencyInput & { line: number })[]) {
    const ours = await this.units.agencyIdentifiers(manager);
    return rows
      .filter((r) => (r.organId && ours.has(r.organId)) || (r.agencyCode && ours.has(r.agencyCode)))
      .map((r) => ({ field: `agencies:${r.line}:${r.organId && ours.has(r.organId) ? 'organ_id' : 'agency_code'}`, message: 'mã của một cơ quan trong hệ thống (one of our own agencies)' }));
  }
}

function rejected(problems: { field: string; message: string }[]): AppError {
  return new AppError(422, 'IMPORT_REJECTED', `${problems.length} lỗi, không có gì được ghi; sửa các dòng trong "errors" rồi gửi lại (rejected, nothing written)`, problems);
}

function pick<T extends object>(from: T, like: object): Partial<T> {
  return Object.fromEntries(Object.keys(like).map((k) => [k, from[k as keyof T]])) as Partial<T>;
}
