import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '@eoffice/core';
import { ExternalAgencyRepository } from '../repositories/external-agency.repository';
import { UnitRepository } from '../repositories/unit.repository';
import { AgencyRow, agencyKey } from '../rules/agency-import';
import { planAgencyImport } from '../rules/agency-import-plan';
import { mergeListedAgency } from '../rules/agency-sync-merge';
import { externalAgencyProblems, normaliseAgencyInput } from '../rules/external-agency-input';

/** An agency as an exchange endpoint's list gives it (the national axis's `getAgenciesList`). */
export interface SyncedAgency {
  organId: string | null;
  agencyCode: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  fax: string | null;
  address: string | null;
  website: string | null;
}

export interface AgencySyncResult {
  syncId: string;
  listed: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Our own agencies and entries the directory's rules refuse (a malformed code, an over-long name…). */
  skipped: number;
}

/**
 * Synchronises the agency directory from an exchange endpoint's list, with the import's planning
 * (`planAgencyImport`): an agency is matched by its OrganId, else by its 2020 code, and both codes are
 * kept; an entry equal to what is listed is not written, so a second synchronisation writes nothing.
 * Unlike a file import, a bad entry does not stop the rest (the list is not ours to correct): it is
 * counted as skipped. What the list does not say is kept — the way an entry is reached
 * (`installation` stays `installation`; a new entry is reached through the axis), its certificate,
 * and fields the list leaves empty.
 */
@Injectable()
export class AgencySyncService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly agencies: ExternalAgencyRepository,
    private readonly units: UnitRepository,
    private readonly audit: AuditService,
  ) {}

  synchronise(listed: SyncedAgency[], actorId: string | null, source: string): Promise<AgencySyncResult> {
    return this.dataSource.transaction(async (manager) => {
      await this.agencies.lockForImport(manager);
      const existing = await this.agencies.listAll(manager);
      const ours = await this.units.agencyIdentifiers(manager);
      const byOrganId = new Map(existing.filter((a) => a.organId).map((a) => [a.organId!, a]));
      const byCode = new Map(existing.filter((a) => a.agencyCode).map((a) => [a.agencyCode!, a]));
      const rows: AgencyRow[] = [];
      const seen = new Set<string>();
      let skipped = 0;
      listed.forEach((agency, i) => {
        const given = normaliseAgencyInput({ ...agency, endpointKind: 'axis', endpointUrl: null });
        const current = (given.organId ? byOrganId.get(given.organId) : undefined) ?? (given.agencyCode ? byCode.get(given.agencyCode) : undefined);
        const row = { line: i + 1, ...mergeListedAgency(given, current) };
        const key = agencyKey(row);
        const mine = (row.organId && ours.has(row.organId)) || (row.agencyCode && ours.has(row.agencyCode));
        if (mine || seen.has(key) || externalAgencyProblems(row).length > 0) skipped += 1;
        else rows.push(row);
        seen.add(key);
      });
      const plan = planAgencyImport(existing, rows);
      // Rows whose two codes name two different entries: left as they are, like any other bad entry.
      skipped += plan.problems.length;
      await this.agencies.insertMany(manager, plan.create, 'sync');
      await this.agencies.updateMany(manager, plan.update, 'sync');
      const result = { syncId: randomUUID(), listed: listed.length, created: plan.create.length, updated: plan.update.length, unchanged: plan.unchanged, skipped };
      if (result.created || result.updated) {
        await this.audit.record(manager, {
          actorId,
          action: 'agency.synchronised',
          entityType: 'agency_sync',
          entityId: result.syncId,
          data: { ...result, source, changed: [...plan.create, ...plan.update.map((u) => u.row)].map(agencyKey).slice(0, 1000) },
        });
      }
      return result;
    });
  }
}
