import { toPage, type Counted, type PageRequest } from '@eoffice/core';
import type { UnusedAccountReport } from '@eoffice/accounts';
import type { UnusedAccountReportDto, UnusedAccountReportPageDto, UnusedAccountReportSummaryDto } from './dto/unit-responses.dto';

/** The report row field by field: the entity itself never goes to the wire. */
function toSummaryDto(r: UnusedAccountReport): UnusedAccountReportSummaryDto {
  return {
    id: r.id,
    status: r.status,
    trigger: r.trigger,
    requestedBy: r.requestedBy,
    months: r.months,
    cutoff: r.cutoff,
    unitCount: r.unitCount,
    accountCount: r.accountCount,
    error: r.error,
    createdAt: r.createdAt,
    startedAt: r.startedAt,
    finishedAt: r.finishedAt,
  };
}

export function toUnusedAccountReportDto(r: UnusedAccountReport): UnusedAccountReportDto {
  return { ...toSummaryDto(r), units: r.units.map((u) => ({ ...u })), accounts: r.accounts.map((a) => ({ ...a })) };
}

/** The list reads the rows without their lists (UnusedAccountReportRepository.findPage). */
export function toUnusedAccountReportPageDto(list: Counted<UnusedAccountReport>, page: PageRequest): UnusedAccountReportPageDto {
  return toPage(list, page, toSummaryDto);
}
