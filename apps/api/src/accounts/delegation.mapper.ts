import { toPage, type Counted, type PageRequest } from '@eoffice/core';
import type { UnitDelegation } from '@eoffice/accounts';
import type { DelegationDto, DelegationPageDto } from './dto/unit-responses.dto';

export function toDelegationDto(d: UnitDelegation): DelegationDto {
  return {
    id: d.id,
    unitId: d.unitId,
    userId: d.delegateId,
    purpose: d.purpose,
    from: d.startsOn,
    to: d.endsOn,
    note: d.note,
    grantedBy: d.grantedBy,
    createdAt: d.createdAt,
    revokedAt: d.revokedAt,
    revokedBy: d.revokedBy,
  };
}

export function toDelegationPageDto(list: Counted<UnitDelegation>, page: PageRequest): DelegationPageDto {
  return toPage(list, page, toDelegationDto);
}
