import { Actor, hasRole, Role } from '@eoffice/accounts';
import { AppError } from '@eoffice/core';
import type { FileRecord } from '../entities/file-record.entity';
import type { RecordAccess } from '../records/record-access.service';
import type { RecordRepository } from '../records/record.repository';
import type { ApprovalList, ApprovalListLine, ApprovalListRepository } from './approval-list.repository';

/** The agency whose lists (hand-over, destruction) the person reads: its clerks, leaders and leadership; others 403. */
export async function listReaderAgency(access: RecordAccess, actor: Actor): Promise<string> {
  if (!hasRole(actor, Role.clerk, Role.leader, Role.leadership)) throw AppError.forbidden();
  return (await access.agencyOf(actor)).id;
}

/** A list of the person's agency, else 404 (a list of another agency is not named). */
export async function visibleList<L extends ApprovalList, Line extends ApprovalListLine>(
  lists: ApprovalListRepository<L, Line>, access: RecordAccess, actor: Actor, id: string, what: string,
): Promise<L> {
  const list = await lists.findById(id);
  if (!list || list.agencyId !== (await listReaderAgency(access, actor))) throw AppError.notFound(what);
  return list;
}

/** The list's lines in order, each with its record. */
export async function linesWithRecords<L extends ApprovalList, Line extends ApprovalListLine>(
  lists: ApprovalListRepository<L, Line>, records: RecordRepository, listId: string,
): Promise<{ line: Line; record: FileRecord }[]> {
  const lines = await lists.linesOf(listId);
  return Promise.all(lines.map(async (line) => ({ line, record: (await records.findById(line.recordId))! })));
}
