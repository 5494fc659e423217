import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, BlobStore, FieldError, FileService, ReceivedFile } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { Unit } from '../entities/unit.entity';
import type { User } from '../entities/user.entity';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { parsePersonRows, parseUnitRows, sortProblems } from '../rules/directory-import';
import { ImportPlan, planImport, UnitRef } from '../rules/import-plan';
import { generateOneTimePassword } from '../rules/password-policy';
import { OrganisationScope } from './organisation-scope.service';
import { PasswordHasher } from './password-hasher.service';
import { readUtf8ImportFile } from './utf8-import-file';
import { UserDirectoryService } from './user-directory.service';

export interface ImportFiles {
  units?: ReceivedFile;
  people?: ReceivedFile;
}

export interface ImportResult {
  importId: string;
  units: { line: number; unit: Unit }[];
  people: { line: number; user: User; head: boolean; initialPassword: string }[];
}

/**
 * First roll-out of an agency: units and people from CSV, all or nothing. Every row is checked
 * first; one bad row rejects the whole import with the list of every bad row, and nothing is
 * written. The files themselves are kept, referenced by the import's audit entry.
 */
@Injectable()
export class DirectoryImportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    private readonly directory: UserDirectoryService,
    private readonly hasher: PasswordHasher,
    private readonly scope: OrganisationScope,
    private readonly blobs: BlobStore,
    private readonly files: FileService,
    private readonly audit: AuditService,
  ) {}

  async import(actor: Actor, files: ImportFiles): Promise<ImportResult> {
    this.scope.assertCanAdminister(actor);
    if (!files.units && !files.people) {
      throw AppError.validation('Cần tệp "units" hoặc "people" (no file)', [{ field: 'people', message: 'thiếu tệp' }]);
    }
    const unitRows = files.units ? parseUnitRows(await readUtf8ImportFile(this.blobs, files.units, 'units')) : { rows: [], problems: [] };
    const personRows = files.people ? parsePersonRows(await readUtf8ImportFile(this.blobs, files.people, 'people')) : { rows: [], problems: [] };
    const [existingUnits, existingPeople] = await Promise.all([this.units.findAll(), this.users.activeNames()]);
    const plan = planImport(existingUnits, existingPeople, unitRows.rows, personRows.rows);
    const problems: FieldError[] = sortProblems([...unitRows.problems, ...personRows.problems, ...plan.problems]);
    if (problems.length) {
      throw new AppError(
        422,
        'IMPORT_REJECTED',
        `${problems.length} lỗi, không có gì được ghi; sửa các dòng trong "errors" rồi gửi lại (rejected, nothing written)`,
        problems,
      );
    }
    // Hash before the transaction: it holds the audit-chain lock, which every other change waits for.
    const passwords = plan.people.map(() => generateOneTimePassword());
    const hashes = await Promise.all(passwords.map((p) => this.hasher.hash(p)));
    return this.dataSource.transaction((manager) => this.carryOut(manager, actor, files, plan, passwords, hashes));
  }

  private async carryOut(manager: EntityManager, actor: Actor, files: ImportFiles, plan: ImportPlan, passwords: string[], hashes: string[]) {
    const created = new Map<string, Unit>();
    const idOf = (ref: UnitRef) => ref.id ?? created.get(ref.path)!.id;
    const result: ImportResult = { importId: randomUUID(), units: [], people: [] };
    for (const row of plan.units) {
      const parentId = row.parent ? idOf(row.parent) : null;
      const unit = await this.directory.createUnit(manager, actor.id, { code: row.code, name: row.name, kind: row.kind, parentId });
      created.set(row.path, unit);
      result.units.push({ line: row.line, unit });
    }
    for (const [i, row] of plan.people.entries()) {
      const user = await this.directory.createUser(manager, actor.id, {
        fullName: row.fullName,
        unitId: idOf(row.unit),
        roles: row.roles,
        position: row.position,
        passwordHash: hashes[i],
        mustChangePassword: true,
      });
      if (row.head) await this.directory.setUnitHead(manager, actor.id, user.unitId, user.id);
      result.people.push({ line: row.line, user, head: row.head, initialPassword: passwords[i] });
    }
    const fileIds: Record<string, string> = {};
    for (const [name, received] of Object.entries(files) as [string, ReceivedFile | undefined][]) {
      if (received) fileIds[name] = (await this.files.record(received, actor.id, manager)).id;
    }
    await this.audit.record(manager, {
      actorId: actor.id,
      action: 'directory.imported',
      entityType: 'directory_import',
      entityId: result.importId,
      data: { units: result.units.length, people: result.people.length, fileIds },
    });
    return result;
  }
}
