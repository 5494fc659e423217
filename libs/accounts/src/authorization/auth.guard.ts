import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppError } from '@eoffice/core';
import { UserRepository } from '../repositories/user.repository';
import { TokenService } from '../services/token.service';
import type { Actor } from './actor';
import { ALLOW_PENDING_PASSWORD, IS_PUBLIC, OPTIONAL_AUTH, REQUIRED_ROLES } from './decorators';
import type { Role } from './role';

/**
 * The one gate every route passes: a valid access token of an active person whose sessions
 * were not revoked since, the first-login password change done, and one of the route's roles.
 * Data scope (which items a person may see) is decided by the services through OrganisationScope
 * (docs/authorization.md).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; actor?: Actor }>();
    if (this.reflector.getAllAndOverride<boolean>(OPTIONAL_AUTH, targets) && !request.headers.authorization) return true;
    const actor = await this.authenticate(request.headers.authorization);
    if (actor.mustChangePassword && !this.reflector.getAllAndOverride<boolean>(ALLOW_PENDING_PASSWORD, targets)) {
      throw new AppError(403, 'PASSWORD_CHANGE_REQUIRED', 'Cần đổi mật khẩu trước khi tiếp tục (change your password first)');
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(REQUIRED_ROLES, targets);
    if (roles?.length && !roles.some((role) => actor.roles.includes(role))) throw AppError.forbidden();
    request.actor = actor;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Actor> {
    const token = header?.match(/^Bearer ([A-Za-z0-9._-]+)$/)?.[1];
    if (!token) throw AppError.unauthorized();
    // Null also for a verified token without exp, with a sub that is not a UUID, or an MFA token.
    const claims = await this.tokens.verifyAccess(token).catch(() => null);
    if (!claims) throw new AppError(401, 'TOKEN_INVALID', 'Phiên đăng nhập không hợp lệ hoặc đã hết hạn (token invalid or expired)');
    const user = await this.users.findSessionHolder(claims.sub, claims.fid);
    if (!user || !user.active || user.sessionVersion !== claims.sv || user.familyRevoked) {
      throw new AppError(401, 'TOKEN_REVOKED', 'Phiên đăng nhập đã bị thu hồi (session revoked)');
    }
    const { id, username, fullName, roles, unitId, mustChangePassword } = user;
    return { id, username, fullName, roles, unitId, mustChangePassword, sessionId: claims.fid };
  }
}
