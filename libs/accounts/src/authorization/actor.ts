import type { Role } from './role';

/** Who is making the request, as every service sees it. Built once per request by the AuthGuard. */
export interface Actor {
  id: string;
  username: string;
  fullName: string;
  roles: readonly Role[];
  unitId: string;
  mustChangePassword: boolean;
  /** The sign-in (refresh-token family) the request's access token belongs to, when known. */
  sessionId?: string;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((role) => actor.roles.includes(role));
}
