import { toPage, type Counted, type PageRequest } from '@eoffice/core';
import type { Hired, User, UserDetail, UserWithUnit } from '@eoffice/accounts';
import type { HiredDto, PasswordResetDto, UserDetailDto, UserDto, UserPageDto } from './dto/user-responses.dto';

export function toUserDto({ user, unit }: UserWithUnit): UserDto {
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

export function toUserDetailDto(detail: UserDetail): UserDetailDto {
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
export function toHiredDto({ user, initialPassword }: Hired): HiredDto {
  return { id: user.id, username: user.username, email: user.email, initialPassword };
}

export function toPasswordResetDto({ user, initialPassword }: { user: User; initialPassword: string }): PasswordResetDto {
  return { id: user.id, username: user.username, initialPassword, mustChangePassword: true };
}

export function toUserPageDto(list: Counted<UserWithUnit>, page: PageRequest): UserPageDto {
  return toPage(list, page, toUserDto);
}
