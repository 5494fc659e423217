import type { Unit, UnitInTree } from '@eoffice/accounts';
import type { UnitDto, UnitPageDto } from './dto/unit-responses.dto';

export function toUnitDto(unit: Unit | UnitInTree): UnitDto {
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
    organId: unit.organId,
    agencyCode: unit.agencyCode,
    collectiveBody: unit.collectiveBody ?? null,
    ...(tree ? { headFullName: tree.headFullName, depth: tree.depth } : {}),
  };
}

/** The whole tree in one page (an agency has tens of units, not thousands). */
export function toUnitTreeDto(units: UnitInTree[]): UnitPageDto {
  return { items: units.map(toUnitDto), total: units.length, page: 1, pageSize: units.length };
}
