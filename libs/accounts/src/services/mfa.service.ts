import { Injectable, Logger } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AppError, AuditService, SecurityEventLogService } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { User } from '../entities/user.entity';
import { UserMfaRepository } from '../repositories/user-mfa.repository';
import { UserRepository } from '../repositories/user.repository';
import { hashRecoveryCode, mfaRequiredFor, newRecoveryCode, RECOVERY_CODE_COUNT } from '../rules/mfa-policy';
import { LoginRateLimiter } from './login-rate-limiter.service';
import { OrganisationScope } from './organisation-scope.service';
import { TotpService } from './totp.service';

export interface MfaEnrolment {
  secret: string;
  otpauthUri: string;
  qrCodeDataUrl: string;
}

export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

const WRONG_CODE = new AppError(401, 'MFA_CODE_INVALID', 'Mã xác thực không đúng hoặc đã dùng (the code is wrong, expired or already used)');

/**
 * The TOTP second factor (docs/sign-in.md): enrolment with a QR code, confirmation by a first code
 * (which hands out the recovery codes), checking a code or a recovery code, turning it off, and the
 * administrator's reset. Every change is audited; wrong codes are throttled per person.
 */
@Injectable()
export class MfaService {
  private readonly logger = new Logger('security');

  constructor(
    private readonly dataSource: DataSource,
    private readonly mfa: UserMfaRepository,
    private readonly users: UserRepository,
    private readonly totp: TotpService,
    private readonly limiter: LoginRateLimiter,
    private readonly securityEvents: SecurityEventLogService,
    private readonly audit: AuditService,
    private readonly scope: OrganisationScope,
  ) {}

  async isEnrolled(userId: string): Promise<boolean> {
    return Boolean((await this.mfa.find(userId))?.confirmedAt);
  }

  async startEnrolment(user: User): Promise<MfaEnrolment> {
    const secret = this.totp.newSecret();
    await this.dataSource.transaction(async (manager) => {
      const current = await this.mfa.findForUpdate(manager, user.id);
      if (current?.confirmedAt) {
        throw AppError.conflict('MFA_ALREADY_ENROLLED', 'Đã bật xác thực hai lớp; hãy tắt trước khi đăng ký lại (two-factor sign-in is already on)');
      }
      await this.mfa.savePending(manager, user.id, this.totp.seal(secret, user.id));
      await this.audit.record(manager, { actorId: user.id, action: 'auth.mfa_enrolment_started', entityType: 'user', entityId: user.id });
    });
    const otpauthUri = this.totp.otpauthUri(secret, user.username);
    return { secret, otpauthUri, qrCodeDataUrl: await this.totp.qrCodeDataUrl(otpauthUri) };
  }

  /** The first good code turns the factor on; the recovery codes are shown this once only. */
  async confirmEnrolment(user: User, code: string, manager: EntityManager): Promise<string[]> {
    const attempt = await this.limiter.reserveSecondFactor(user.id);
    const pending = await this.mfa.findForUpdate(manager, user.id);
    if (!pending || pending.confirmedAt) {
      throw AppError.conflict('MFA_NOT_PENDING', 'Chưa bắt đầu đăng ký xác thực hai lớp (start enrolment first)');
    }
    const step = await this.totp.matchStep(this.totp.open(pending.secretSealed, user.id), code, null);
    if (step === null) {
      this.logger.warn({ event: 'mfa.enrolment_code_invalid', userId: user.id }, 'MFA enrolment code refused');
      throw WRONG_CODE;
    }
    const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.mfa.confirm(manager, user.id, step, recoveryCodes.map(hashRecoveryCode));
    await this.audit.record(manager, { actorId: user.id, action: 'auth.mfa_enrolled', entityType: 'user', entityId: user.id });
    this.securityEvents.mfaChanged({ userId: user.id, actorId: user.id, change: 'enrolled' });
    await attempt.succeeded();
    return recoveryCodes;
  }

  /** Checks and uses up a code or a recovery code; returns which one was used. */
  async check(user: User, factor: SecondFactor, manager: EntityManager): Promise<'totp' | 'recovery_code'> {
    const attempt = await this.limiter.reserveSecondFactor(user.id);
    const used = await this.consume(user, factor, manager);
    if (!used) {
      this.logger.warn({ event: 'mfa.code_invalid', userId: user.id, kind: factor.code ? 'totp' : 'recovery_code' }, 'MFA code refused');
      throw WRONG_CODE;
    }
    if (used === 'recovery_code') {
      await this.audit.record(manager, { actorId: user.id, action: 'auth.mfa_recovery_code_used', entityType: 'user', entityId: user.id });
    }
    await attempt.succeeded();
    return used;
  }

  /** Only for people whose roles do not require a second factor, and with a current code. */
  async disable(actor: Actor, factor: SecondFactor): Promise<void> {
    if (mfaRequiredFor(actor.roles)) {
      throw new AppError(403, 'MFA_REQUIRED_FOR_ROLE', 'Vai trò của bạn bắt buộc xác thực hai lớp (your role requires two-factor sign-in)');
    }
    const user = await this.users.findById(actor.id);
    if (!user) throw AppError.unauthorized();
    await this.dataSource.transaction(async (manager) => {
      if (!(await this.mfa.findForUpdate(manager, user.id))?.confirmedAt) {
        throw AppError.conflict('MFA_NOT_ENROLLED', 'Chưa bật xác thực hai lớp (two-factor sign-in is not on)');
      }
      await this.check(user, factor, manager);
      await this.mfa.remove(manager, user.id);
      await this.audit.record(manager, { actorId: user.id, action: 'auth.mfa_disabled', entityType: 'user', entityId: user.id });
    });
    this.securityEvents.mfaChanged({ userId: user.id, actorId: user.id, change: 'disabled' });
  }

  /**
   * A lost phone: the administrator removes the factor and ends the person's sessions; at the next
   * sign-in they enrol again (or, for optional roles, sign in with the password alone).
   */
  async reset(actor: Actor, userId: string): Promise<void> {
    this.scope.assertCanAdminister(actor);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.users.findByIdForUpdate(manager, userId);
      if (!user) throw AppError.notFound('người dùng (user)');
      if (!(await this.mfa.remove(manager, userId))) {
        throw AppError.conflict('MFA_NOT_ENROLLED', 'Người dùng chưa đăng ký xác thực hai lớp (two-factor sign-in is not set up)');
      }
      await this.users.bumpSessionVersion(userId, manager);
      await this.audit.record(manager, { actorId: actor.id, action: 'user.mfa_reset', entityType: 'user', entityId: userId });
    });
    this.securityEvents.mfaChanged({ userId, actorId: actor.id, change: 'reset' });
  }

  private async consume(user: User, factor: SecondFactor, manager: EntityManager): Promise<'totp' | 'recovery_code' | null> {
    const record = await this.mfa.findForUpdate(manager, user.id);
    if (!record?.confirmedAt) return null;
    if (factor.code) {
      const last = record.lastUsedStep === null ? null : Number(record.lastUsedStep);
      const step = await this.totp.matchStep(this.totp.open(record.secretSealed, user.id), factor.code, last);
      return step !== null && (await this.mfa.consumeStep(manager, user.id, step)) ? 'totp' : null;
    }
    if (factor.recoveryCode) {
      return (await this.mfa.consumeRecoveryCode(manager, user.id, hashRecoveryCode(factor.recoveryCode))) ? 'recovery_code' : null;
    }
    return null;
  }
}
