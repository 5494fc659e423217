import type { UnitDelegation } from '@eoffice/accounts';

export function toDelegationDto(d: UnitDelegation) {
  return {
    id: d.id,
    unitId: d.unitId,
    userId: d.delegateId,
    from: d.startsOn,
    to: d.endsOn,
    note: d.note,
    grantedBy: d.grantedBy,
    createdAt: d.createdAt,
    revokedAt: d.revokedAt,
    revokedBy: d.revokedBy,
  };
}
