import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, AuditService } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import { Role } from '../authorization/role';
import type { User } from '../entities/user.entity';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { UnitDelegationRepository } from '../repositories/unit-delegation.repository';
import { UnitMembershipRepository } from '../repositories/unit-membership.repository';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { localDate } from '../rules/delegation-period';
import { assertNoProblems, personProblems, positionProblems } from '../rules/organisation-input';
import { generateOneTimePassword } from '../rules/password-policy';
import { normaliseText } from '@eoffice/vietnamese';
import { LoginRateLimiter } from './login-rate-limiter.service';
import { OrganisationScope } from './organisation-scope.service';
import { PasswordHasher } from './password-hasher.service';
import { UserDirectoryService } from './user-directory.service';
import type { UserWithUnit } from './user-query.service';

export interface Hire {
  fullName: string;
  unitId: string;
  roles: Role[];
  position?: string | null;
}

export interface Hired {
  user: User;
  /** Shown once, to the administrator; the person must change it at first sign-in. */
  initialPassword: string;
}

const inactive = () => AppError.conflict('USER_INACTIVE', 'Tài khoản đã ngừng hoạt động (account is deactivated)');

/**
 * A person's life in the organisation (the Bình Định e-mail rules (2014) Điều 5.1): hire, transfer, leave or retire, and a
 * forgotten password (Điều 12.5). Each step is one transaction with its audit entry; nothing about
 * the person is ever deleted.
 */
@Injectable()
export class UserLifecycleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly memberships: UnitMembershipRepository,
    private readonly delegations: UnitDelegationRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly directory: UserDirectoryService,
    private readonly hasher: PasswordHasher,
    private readonly scope: OrganisationScope,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly loginLimiter: LoginRateLimiter,
  ) {}

  async hire(actor: Actor, input: Hire): Promise<Hired> {
    this.scope.assertCanAdminister(actor);
    assertNoProblems(personProblems(input));
    const initialPassword = generateOneTimePassword();
    // Hashing takes a while; do it before the transaction takes the audit lock.
    const passwordHash = await this.hasher.hash(initialPassword);
    const user = await this.dataSource.transaction((manager) =>
      this.directory.createUser(manager, actor.id, { ...input, passwordHash, mustChangePassword: true }),
    );
    return { user, initialPassword };
  }

  /** Moves the person; the membership history keeps where they were, so open work stays traceable. */
  async transfer(actor: Actor, userId: string, unitId: string, position?: string | null): Promise<UserWithUnit> {
    this.scope.assertCanAdminister(actor);
    assertNoProblems(positionProblems(position));
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockActive(manager, userId);
      const unit = await this.units.findById(unitId, manager);
      if (!unit) throw AppError.notFound('đơn vị (unit)');
      if (user.unitId === unit.id) throw AppError.conflict('ALREADY_IN_UNIT', 'Người này đã thuộc đơn vị đó (already in that unit)');
      const now = new Date();
      const newPosition = position === undefined ? user.position : position ? normaliseText(position) : null;
      await this.memberships.closeOpen(manager, user.id, now, 'transfer');
      await this.memberships.open(manager, { userId: user.id, unitId: unit.id, position: newPosition, startedAt: now });
      await this.users.update(user.id, { unitId: unit.id, position: newPosition }, manager);
      const fromUnitId = user.unitId;
      // Leaving a unit ends heading it; leaving the agency ends the delegations held inside it.
      const oldUnit = await this.units.findById(fromUnitId, manager);
      if (oldUnit?.headUserId === user.id) await this.directory.setUnitHead(manager, actor.id, oldUnit.id, null);
      const ended = await this.delegations.revokeCurrentOf(manager, user.id, this.today(), actor.id, unit.agencyId ?? undefined);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'user.transferred',
        entityType: 'user',
        entityId: user.id,
        data: { fromUnitId, toUnitId: unit.id, position: newPosition, delegationsEnded: ended },
      });
      return { user: { ...user, unitId: unit.id, position: newPosition }, unit };
    });
  }

  /**
   * New duties (a clerk becomes a leader, say). Roles are read at every request, so they apply at
   * once; the last active administrator keeps the admin role.
   */
  async changeRoles(actor: Actor, userId: string, roles: Role[]): Promise<UserWithUnit> {
    this.scope.assertCanAdminister(actor);
    const wanted = [...new Set(roles)].sort();
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdministrators(manager);
      const user = await this.lockActive(manager, userId);
      const before = [...user.roles].sort();
      if (before.join() === wanted.join()) throw AppError.conflict('ROLES_UNCHANGED', 'Vai trò không thay đổi (the person already has exactly these roles)');
      if (before.includes(Role.admin) && !wanted.includes(Role.admin) && (await this.users.countActiveWithRole(manager, Role.admin)) <= 1) {
        throw AppError.conflict('LAST_ADMIN', 'Không thể bỏ vai trò của quản trị viên cuối cùng (the last administrator)');
      }
      await this.users.update(user.id, { roles: wanted }, manager);
      return this.recordChange(manager, actor, user, { roles: wanted }, 'user.roles_changed', { from: before, to: wanted });
    });
  }

  /** Leave or retirement: every session ends at once; the person's records all stay. */
  async deactivate(actor: Actor, userId: string, reason: string): Promise<UserWithUnit> {
    this.scope.assertCanAdminister(actor);
    const why = normaliseText(reason);
    if (!why) throw AppError.validation('Cần nêu lý do (reason required)', [{ field: 'reason', message: 'không được để trống' }]);
    if (userId === actor.id) {
      throw AppError.conflict('CANNOT_DEACTIVATE_SELF', 'Không thể tự khoá tài khoản của mình (cannot deactivate yourself)');
    }
    return this.dataSource.transaction(async (manager) => {
      await this.users.lockAdministrators(manager);
      const user = await this.lockActive(manager, userId);
      if (user.roles.includes(Role.admin) && (await this.users.countActiveWithRole(manager, Role.admin)) <= 1) {
        throw AppError.conflict('LAST_ADMIN', 'Không thể khoá quản trị viên cuối cùng (the last administrator)');
      }
      const now = new Date();
      await this.users.update(user.id, { active: false, deactivatedAt: now, deactivationReason: why }, manager);
      await this.endSessions(manager, user.id);
      await this.memberships.closeOpen(manager, user.id, now, 'deactivation');
      for (const unit of await this.units.findHeadedBy(manager, user.id)) {
        await this.directory.setUnitHead(manager, actor.id, unit.id, null);
      }
      const ended = await this.delegations.revokeCurrentOf(manager, user.id, this.today(), actor.id);
      const changes = { active: false, deactivatedAt: now, deactivationReason: why };
      return this.recordChange(manager, actor, user, changes, 'user.deactivated', { reason: why, delegationsEnded: ended });
    });
  }

  /** A forgotten password: a new one-time password, the lock-out lifted, every session ended. */
  async resetPassword(actor: Actor, userId: string): Promise<{ user: User; initialPassword: string }> {
    this.scope.assertCanAdminister(actor);
    const initialPassword = generateOneTimePassword();
    const passwordHash = await this.hasher.hash(initialPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      const locked = await this.lockActive(manager, userId);
      const changes = { passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null };
      await this.users.update(locked.id, changes, manager);
      await this.endSessions(manager, locked.id);
      await this.audit.record(manager, { actorId: actor.id, action: 'user.password_reset', entityType: 'user', entityId: locked.id });
      return { ...locked, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null };
    });
    await this.loginLimiter.forgetAccount(user.username);
    return { user, initialPassword };
  }

  /**
   * Back from leave: active again in the unit they left, with a one-time password to change at
   * first sign-in. Head posts and delegations ended at deactivation are not given back.
   */
  async reactivate(actor: Actor, userId: string): Promise<{ user: User; initialPassword: string }> {
    this.scope.assertCanAdminister(actor);
    const initialPassword = generateOneTimePassword();
    const passwordHash = await this.hasher.hash(initialPassword);
    const user = await this.dataSource.transaction(async (manager) => {
      const locked = await this.users.findByIdForUpdate(manager, userId);
      if (!locked) throw AppError.notFound('người dùng (user)');
      if (locked.active) throw AppError.conflict('USER_ACTIVE', 'Tài khoản đang hoạt động (the account is active)');
      const changes = { active: true, deactivatedAt: null, deactivationReason: null, passwordHash, mustChangePassword: true, failedLoginCount: 0, lockedUntil: null };
      await this.users.update(locked.id, changes, manager);
      await this.memberships.open(manager, { userId: locked.id, unitId: locked.unitId, position: locked.position, startedAt: new Date() });
      await this.audit.record(manager, { actorId: actor.id, action: 'user.reactivated', entityType: 'user', entityId: locked.id, data: { unitId: locked.unitId } });
      return { ...locked, ...changes };
    });
    return { user, initialPassword };
  }

  /** The audit entry of a change to the person, and the person as changed, with their unit. */
  private async recordChange(
    manager: EntityManager,
    actor: Actor,
    user: User,
    changes: Partial<User>,
    action: string,
    data: Record<string, unknown>,
  ): Promise<UserWithUnit> {
    await this.audit.record(manager, { actorId: actor.id, action, entityType: 'user', entityId: user.id, data });
    const changed = { ...user, ...changes };
    return { user: changed, unit: await this.units.findById(changed.unitId, manager) };
  }

  private async lockActive(manager: EntityManager, userId: string): Promise<User> {
    const user = await this.users.findByIdForUpdate(manager, userId);
    if (!user) throw AppError.notFound('người dùng (user)');
    if (!user.active) throw inactive();
    return user;
  }

  private async endSessions(manager: EntityManager, userId: string): Promise<void> {
    await this.users.bumpSessionVersion(userId, manager);
    await this.refreshTokens.revokeAllForUser(userId, manager);
  }

  private today(): string {
    return localDate(new Date(), this.config.TZ_NAME);
  }
}
