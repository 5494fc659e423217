import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';
import type { Role } from './role';

export const IS_PUBLIC = 'eoffice:isPublic';
export const REQUIRED_ROLES = 'eoffice:roles';
export const ALLOW_PENDING_PASSWORD = 'eoffice:allowPendingPassword';

/** No sign-in needed (login, refresh, health). Everything else requires a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Any one of these roles suffices. Without it, any signed-in person may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** Reachable before the first-login password change (change password, logout, me). */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
