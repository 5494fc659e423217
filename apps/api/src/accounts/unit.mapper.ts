import type { Unit, UnitInTree } from '@eoffice/accounts';

export function toUnitDto(unit: Unit | UnitInTree) {
  const tree = 'depth' in unit ? unit : null;
  return {
    id: unit.id,
    code: unit.code,
    name: unit.name,
    kind: unit.kind,
    parentId: unit.parentId,
    agencyId: unit.agencyId,
    email: unit.email,
    placeName: unit.placeName,
    headUserId: unit.headUserId,
    ...(tree ? { headFullName: tree.headFullName, depth: tree.depth } : {}),
  };
}
