import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, SecurityEventLogService } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { Role } from '../authorization/role';
import type { User } from '../entities/user.entity';
import { RefreshTokenRepository } from '../repositories/refresh-token.repository';
import { UserRepository } from '../repositories/user.repository';
import { mfaRequiredFor } from '../rules/mfa-policy';
import { LoginRateLimiter } from './login-rate-limiter.service';
import { MfaEnrolment, MfaService, SecondFactor } from './mfa.service';
import { PasswordHasher } from './password-hasher.service';
import { hashToken, MFA_TOKEN_TTL_SECONDS, TokenPair, TokenService } from './token.service';

/** Two tabs refreshing with the same token at once both get a session (docs/sign-in.md). */
export const REFRESH_GRACE_SECONDS = 20;

export type SignInResult =
  | ({ status: 'signed_in' } & TokenPair)
  | { status: 'mfa_required' | 'mfa_enrolment_required'; mfaToken: string; mfaTokenExpiresIn: number };

const BAD_CREDENTIALS = new AppError(401, 'INVALID_CREDENTIALS', 'Sai tên đăng nhập hoặc mật khẩu');
const BAD_MFA_TOKEN = new AppError(401, 'MFA_TOKEN_INVALID', 'Phiên xác thực hai lớp không hợp lệ hoặc đã hết hạn, hãy đăng nhập lại (MFA token invalid or expired)');

/**
 * Sign-in (password, then the second factor where enrolled or required), refresh-token rotation,
 * sign-out and password change. Failures are throttled per (account, address) with a progressive
 * delay, and an unknown account answers exactly like a known one (docs/sign-in.md).
 */
type SignInAttempt = Awaited<ReturnType<LoginRateLimiter['reserve']>>;

@Injectable()
export class AuthService {
  private readonly logger = new Logger('security');

  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: TokenService,
    private readonly audit: AuditService,
    private readonly rateLimiter: LoginRateLimiter,
    private readonly securityEvents: SecurityEventLogService,
    private readonly mfa: MfaService,
  ) {}

  /** `clientIp` keys the rate limit; every failed attempt counts against it, a success does not. */
  async login(username: string, password: string, clientIp?: string): Promise<SignInResult> {
    try {
      const attempt = await this.rateLimiter.reserve(username, clientIp);
      return await this.checkPassword(attempt, username, password);
    } catch (error) {
      if (error instanceof AppError) this.securityEvents.signInFailed({ username: username.slice(0, 64), ip: clientIp, code: error.code });
      throw error;
    }
  }

  private async checkPassword(attempt: SignInAttempt, username: string, password: string): Promise<SignInResult> {
    const user = await this.users.findByUsernameWithHash(username.trim().toLowerCase());
    if (!user || !user.active) {
      await this.hasher.verifyAgainstNobody(password);
      throw BAD_CREDENTIALS;
    }
    if (!(await this.hasher.verify(user.passwordHash, password))) throw BAD_CREDENTIALS;
    await attempt.succeeded();
    if (await this.mfa.isEnrolled(user.id)) return this.mfaStep(user, 'mfa_required');
    if (mfaRequiredFor(user.roles)) return this.mfaStep(user, 'mfa_enrolment_required');
    return { status: 'signed_in', ...(await this.dataSource.transaction((manager) => this.startSession(manager, user, 'password'))) };
  }

  /** The second step of sign-in: a code from the app or a recovery code. */
  async verifySecondFactor(mfaToken: string, factor: SecondFactor): Promise<TokenPair> {
    const user = await this.userOfMfaToken(mfaToken, 'verify');
    return this.dataSource.transaction(async (manager) => {
      const used = await this.mfa.check(user, factor, manager);
      return this.startSession(manager, user, used);
    });
  }

  /** Enrolment during sign-in (the MFA token of a person who must enrol) or when signed in. */
  async startEnrolment(subject: { mfaToken?: string; actor?: Actor }): Promise<MfaEnrolment> {
    return this.mfa.startEnrolment(await this.enrollingUser(subject));
  }

  async confirmEnrolment(subject: { mfaToken?: string; actor?: Actor }, code: string): Promise<{ recoveryCodes: string[]; session?: TokenPair }> {
    const user = await this.enrollingUser(subject);
    return this.dataSource.transaction(async (manager) => {
      const recoveryCodes = await this.mfa.confirmEnrolment(user, code, manager);
      // Enrolled while signing in: the confirmed code was the second factor of this sign-in.
      const session = subject.actor ? undefined : await this.startSession(manager, user, 'totp');
      return { recoveryCodes, session };
    });
  }

  /**
   * Rotation: each refresh token works once. The same token again within the grace (two tabs)
   * gets a session in the same family; later, it is taken as stolen and ends the whole family,
   * its access tokens included (the guard checks the family).
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const token = await this.refreshTokens.findByHashForUpdate(manager, hashToken(refreshToken));
      if (!token || token.revokedAt || token.expiresAt < new Date()) return null;
      if (token.usedAt && token.usedAt.getTime() < Date.now() - REFRESH_GRACE_SECONDS * 1000) {
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
      const user = await this.users.findById(token.userId, manager);
      if (!user?.active) return null;
      if (!token.usedAt) await this.refreshTokens.markUsed(manager, token.id);
      return this.tokens.issuePair(user, token.familyId, manager);
    });
    if (outcome === 'reused') this.logger.warn({ event: 'auth.refresh_reuse_detected' }, 'refresh token reused: family ended');
    if (outcome === null || outcome === 'reused') {
      throw new AppError(401, 'INVALID_REFRESH_TOKEN', 'Phiên đăng nhập đã hết hạn hoặc bị thu hồi (refresh token invalid)');
    }
    return outcome;
  }

  /**
   * A session handed to a browser as a cookie (the queue dashboard's) names the person and their
   * session version when it was issued; it stands only while the person is active, still holds
   * `role` and has not signed out or changed password since. Checked on every request, so a
   * demoted or disabled administrator loses it at once. Null when it does not stand.
   */
  async browserSessionHolder(userId: string, sessionVersion: number, role: Role): Promise<{ id: string } | null> {
    const user = await this.users.findById(userId);
    return user && user.active && user.sessionVersion === sessionVersion && user.roles.includes(role) ? { id: user.id } : null;
  }

  /** The person's current session version, written into a browser session when it is issued. */
  async sessionVersionOf(userId: string): Promise<number | null> {
    return (await this.users.findById(userId))?.sessionVersion ?? null;
  }

  async logout(actor: Actor): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await this.refreshTokens.revokeAllForUser(actor.id, manager);
      await this.users.bumpSessionVersion(actor.id, manager);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.logout', entityType: 'user', entityId: actor.id });
    });
  }

  /**
   * Ends every session of the person (other devices, stolen tokens) in the same transaction as the
   * new hash, and answers with a fresh session for the device that made the change. Throttled
   * like sign-in: a stolen access token must not become a password-guessing oracle.
   */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, clientIp?: string): Promise<TokenPair> {
    const attempt = await this.rateLimiter.reserve(`password-change:${actor.id}`, clientIp);
    const user = await this.users.findPasswordHash(actor.id);
    if (!user || !(await this.hasher.verify(user.passwordHash, currentPassword))) {
      this.logger.warn({ event: 'auth.password_change_failed', userId: actor.id, ip: clientIp }, 'password change refused');
      throw new AppError(400, 'WRONG_PASSWORD', 'Mật khẩu hiện tại không đúng (current password is wrong)');
    }
    await attempt.succeeded();
    this.hasher.assertPolicy(newPassword);
    if (currentPassword === newPassword) {
      throw new AppError(400, 'PASSWORD_POLICY', 'Mật khẩu mới phải khác mật khẩu cũ (must differ from the current one)');
    }
    const passwordHash = await this.hasher.hash(newPassword);
    return this.dataSource.transaction(async (manager) => {
      await this.users.update(actor.id, { passwordHash, mustChangePassword: false }, manager);
      await this.refreshTokens.revokeAllForUser(actor.id, manager);
      await this.users.bumpSessionVersion(actor.id, manager);
      await this.audit.record(manager, { actorId: actor.id, action: 'auth.password_changed', entityType: 'user', entityId: actor.id, data: { sessionsEnded: true } });
      const fresh = await this.users.findById(actor.id, manager);
      if (!fresh) throw AppError.unauthorized();
      return this.tokens.issuePair(fresh, undefined, manager);
    });
  }

  private async mfaStep(user: User, status: 'mfa_required' | 'mfa_enrolment_required'): Promise<SignInResult> {
    const mfaToken = await this.tokens.issueMfaToken(user, status === 'mfa_required' ? 'verify' : 'enrol');
    return { status, mfaToken, mfaTokenExpiresIn: MFA_TOKEN_TTL_SECONDS };
  }

  private async startSession(manager: EntityManager, user: User, factor: 'password' | 'totp' | 'recovery_code'): Promise<TokenPair> {
    await this.users.update(user.id, { failedLoginCount: 0, lockedUntil: null, lastLoginAt: new Date() }, manager);
    await this.audit.record(manager, { actorId: user.id, action: 'auth.login', entityType: 'user', entityId: user.id, data: { factor } });
    return this.tokens.issuePair(user, undefined, manager);
  }

  private async userOfMfaToken(mfaToken: string, stage: 'verify' | 'enrol'): Promise<User> {
    const claims = await this.tokens.verifyMfa(mfaToken);
    if (!claims || claims.stage !== stage) throw BAD_MFA_TOKEN;
    const user = await this.users.findById(claims.sub);
    if (!user?.active || user.sessionVersion !== claims.sv) throw BAD_MFA_TOKEN;
    return user;
  }

  private async enrollingUser(subject: { mfaToken?: string; actor?: Actor }): Promise<User> {
    if (subject.actor) {
      const user = await this.users.findById(subject.actor.id);
      if (!user) throw AppError.unauthorized();
      return user;
    }
    if (!subject.mfaToken) throw AppError.unauthorized();
    return this.userOfMfaToken(subject.mfaToken, 'enrol');
  }
}
