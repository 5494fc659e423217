import type { Hired, User, UserDetail, UserWithUnit } from '@eoffice/accounts';

export function toUserDto({ user, unit }: UserWithUnit) {
  return {
    id: user.id,
    username: user.username,
    fullName: user.fullName,
    email: user.email,
    position: user.position,
    roles: user.roles,
    unit: unit ? { id: unit.id, code: unit.code, name: unit.name } : null,
    active: user.active,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: user.lockedUntil,
    lastLoginAt: user.lastLoginAt,
    deactivatedAt: user.deactivatedAt,
    deactivationReason: user.deactivationReason,
    createdAt: user.createdAt,
  };
}

export function toUserDetailDto(detail: UserDetail) {
  return {
    ...toUserDto(detail),
    memberships: detail.memberships.map((m) => ({
      unitId: m.unitId,
      unitCode: m.unitCode,
      unitName: m.unitName,
      position: m.position,
      startedAt: m.startedAt,
      endedAt: m.endedAt,
      endReason: m.endReason,
    })),
  };
}

/** API contract: `201 {id, username, email, initialPassword}`. */
export function toHiredDto({ user, initialPassword }: Hired) {
  return { id: user.id, username: user.username, email: user.email, initialPassword };
}

export function toPasswordResetDto({ user, initialPassword }: { user: User; initialPassword: string }) {
  return { id: user.id, username: user.username, initialPassword, mustChangePassword: true };
}
