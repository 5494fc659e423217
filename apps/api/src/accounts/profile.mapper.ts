import type { Profile } from '@eoffice/accounts';

export function toProfileDto({ user, unit, handledUnitIds, managedUnitIds }: Profile) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    position: user.position,
    roles: user.roles,
    mustChangePassword: user.mustChangePassword,
    unit: { id: unit.id, code: unit.code, name: unit.name, kind: unit.kind, agencyId: unit.agencyId, email: unit.email },
    handledUnitIds,
    managedUnitIds,
  };
}
