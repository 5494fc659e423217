import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppError, AuditService } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { User } from '../entities/user.entity';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { UserRepository } from '../repositories/user.repository';
import { LoginRateLimiter } from './login-rate-limiter.service';
import { PasswordHasher } from './password-hasher.service';
import { hashToken, TokenPair, TokenService } from './token.service';

export const LOCK_THRESHOLD = 5;
export const LOCK_MINUTES = 15;

const BAD_CREDENTIALS = new AppError(401, 'INVALID_CREDENTIALS', 'Sai tên đăng nhập hoặc mật khẩu');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly rateLimiter: LoginRateLimiter,
  ) {}

  /** `clientIp` keys the rate limit; every failed attempt counts against it, a success does not. */
  async login(username: string, password: string, clientIp?: string): Promise<TokenPair> {
    const attempt = await this.rateLimiter.reserve(username, clientIp);
    const pair = await this.verifyAndIssue(username, password);
    await attempt.succeeded();
    return pair;
  }

  private async verifyAndIssue(username: string, password: string): Promise<TokenPair> {
    const user = await this.users.findByUsernameWithHash(username.trim().toLowerCase());
    if (!user || !user.active) {
      await this.hasher.verifyAgainstNobody(password);
      throw BAD_CREDENTIALS;
    }
    this.assertNotLocked(user);
    if (!(await this.hasher.verify(user.passwordHash, password))) {
      await this.recordFailure(user);
      throw BAD_CREDENTIALS;
    }
    return this.dataSource.transaction(async (manager) => {
      await this.users.update(user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() }, manager);
      await this.audit.record(manager, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id });
      return this.tokens.issuePair(user, undefined, manager);
    });
  }

  /** Rotation: each refresh token works once; presenting a used one revokes its whole family. */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.refreshTokens.findByHashForUpdate(manager, hashToken(refreshToken));
      if (!token || token.revokedAt || token.expiresAt < new Date()) return null;
      if (token.usedAt) {
        await this.refreshTokens.revokeFamily(token.familyId, manager);
        await this.audit.record(manager, {
          actorId: token.userId,
          action: 'auth.refresh_reuse_detected',
          entityType: 'user',
          entityId: token.userId,
          data: { familyId: token.familyId },
        });
        return 'reused' as const;
      }
      const user = await this.users.findById(token.userId);
      if (!user?.active) return null;
      await this.refreshTokens.markUsed(manager, token.id);
      return this.tokens.issuePair(user, token.familyId, manager);
    });
    if (outcome === null || outcome === 'reused') {
      throw new AppError(401, 'INVALID_REFRESH_TOKEN', 'Phiên đăng nhập đã hết hạn hoặc bị thu hồi (refresh token invalid)');
    }
    return outcome;
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.refreshTokens.revokeAllForUser(actor.id, manager);
      await this.users.bumpSessionVersion(actor.id, manager);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.logout', entityType: 'user', entityId: actor.id });
    });
  }

  async changePassword(actor: Actor, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findPasswordHash(actor.id);
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      throw new AppError(400, 'WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng (current password is wrong)');
    }
    this.hasher.assertPolicy(newPassword);
    if (currentPassword === newPassword) {
      throw new AppError(400, 'PASSWORD_POLICY', 'Mật khẩu mới phải khác mật khẩu cũ (must differ from the current one)');
    }
    const passwordHash = await this.hasher.hash(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await this.users.update(actor.id, { passwordHash, mustChangePassword: false }, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'auth.password_changed',
        entityType: 'user',
        entityId: actor.id,
      });
    });
  }

  private assertNotLocked(user: User): void {
    if (user.lockedUntil && user.lockedUntil > new Date()) {
      throw new AppError(
        423,
        'ACCOUNT_LOCKED',
        `Tài khoản tạm khoá đến ${user.lockedUntil.toISOString()} do đăng nhập sai nhiều lần (account locked)`,
      );
    }
  }

  private async recordFailure(user: User): Promise<void> {
    const lockUntil = new Date(Date.now() + LOCK_MINUTES * 60_000);
    const after = await this.users.recordFailedLogin(user.id, LOCK_THRESHOLD, lockUntil);
    if (after?.lockedUntil && after.lockedUntil > new Date()) this.assertNotLocked(after);
  }
}
