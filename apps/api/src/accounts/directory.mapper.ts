import { toPage, type Counted, type PageRequest } from '@eoffice/core';
import type { DirectoryEntry, ImportResult } from '@eoffice/accounts';
import type { ImportResultDto } from './dto/unit-responses.dto';
import type { DirectoryEntryDto, DirectoryPageDto } from './dto/user-responses.dto';

export function toDirectoryEntryDto(e: DirectoryEntry): DirectoryEntryDto {
  return {
    id: e.id,
    fullName: e.fullName,
    username: e.username,
    email: e.email,
    position: e.position,
    unit: { id: e.unitId, code: e.unitCode, name: e.unitName, email: e.unitEmail },
  };
}

/** The one-time passwords appear here once, for the administrator to hand out. */
export function toImportResultDto(result: ImportResult): ImportResultDto {
  return {
    importId: result.importId,
    units: result.units.map(({ line, unit }) => ({
      line,
      id: unit.id,
      code: unit.code,
      name: unit.name,
      kind: unit.kind,
      parentId: unit.parentId,
      email: unit.email,
    })),
    people: result.people.map(({ line, user, head, initialPassword }) => ({
      line,
      id: user.id,
      fullName: user.fullName,
      username: user.username,
      email: user.email,
      unitId: user.unitId,
      roles: user.roles,
      position: user.position,
      head,
      initialPassword,
    })),
  };
}

export function toDirectoryPageDto(list: Counted<DirectoryEntry>, page: PageRequest): DirectoryPageDto {
  return toPage(list, page, toDirectoryEntryDto);
}
