import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Actor } from './actor';
import type { Role } from './role';

export const IS_PUBLIC = 'eoffice:isPublic';
export const REQUIRED_ROLES = 'eoffice:roles';
export const ALLOW_PENDING_PASSWORD = 'eoffice:allowPendingPassword';
export const OPTIONAL_AUTH = 'eoffice:optionalAuth';
export const SIGNED_IN = 'eoffice:signedIn';

/** No sign-in needed (login, refresh, health). Everything else requires a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/**
 * Reachable without an access token (another credential in the body), but one that is sent must be
 * valid and identifies the caller: MFA enrolment during sign-in or when signed in.
 */
export const OptionalAuth = () => SetMetadata(OPTIONAL_AUTH, true);

/** Any one of these roles suffices. Without it, any signed-in person may call the route. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/**
 * Any signed-in person may call the route (the service decides what they may see). Changes nothing
 * at the gate — that is its default — but says so on purpose: every route declares its access
 * (@Public, @OptionalAuth, @Roles or this), and a spec fails for one that declares none.
 */
export const SignedIn = () => SetMetadata(SIGNED_IN, true);

/** Reachable before the first-login password change (change password, logout, me). */
export const AllowPendingPasswordChange = () => SetMetadata(ALLOW_PENDING_PASSWORD, true);

export const CurrentActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});

/** The signed-in person on an @OptionalAuth() route, or undefined. */
export const OptionalActor = createParamDecorator((_data: unknown, ctx: ExecutionContext): Actor | undefined => {
  return ctx.switchToHttp().getRequest<{ actor?: Actor }>().actor;
});
