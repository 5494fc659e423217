import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, AuditService, Counted } from '@eoffice/core';
import type { Actor } from '../authorization/actor';
import type { DelegationPurpose, UnitDelegation } from '../entities/unit-delegation.entity';
import type { Unit } from '../entities/unit.entity';
import { UnitDelegationRepository } from '../repositories/unit-delegation.repository';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { isActiveOn, localDate, periodProblems } from '../rules/delegation-period';
import { normaliseText } from '@eoffice/vietnamese';
import { OrganisationScope } from './organisation-scope.service';

export interface NewDelegation {
  userId: string;
  from: string;
  to: string;
  note?: string | null;
  /** Default `inbox`; `signing` is ủy quyền ký (TUQ.), `acting` giao quyền cấp trưởng (Q.), of an agency only. */
  purpose?: DelegationPurpose;
}

/**
 * Delegation of a unit's inbox by its head to named people, for a period (the Bình Định e-mail rules (2014) Điều 13.1,
 * the Điện Biên e-mail rules (2005)). the Bình Định e-mail rules (2014) names people "trong đơn vị"; members already handle their own unit's inbox,
 * so a delegation matters most for someone standing in from elsewhere in the agency (a deputy
 * director, the office during a vacancy). For a member it adds the head's management of the inbox
 * (`managedUnitIds`). The delegate must belong to the same agency. Only the head or an
 * administrator grants, lists and revokes; revoked rows are kept.
 */
@Injectable()
export class DelegationService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly delegations: UnitDelegationRepository,
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    private readonly scope: OrganisationScope,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async grant(actor: Actor, unitId: string, input: NewDelegation): Promise<UnitDelegation> {
    const period = { startsOn: input.from, endsOn: input.to };
    return this.dataSource.transaction(async (manager) => {
      // Locking the unit serialises grants, so two overlapping ones cannot both pass the check.
      const unit = await this.units.findByIdForUpdate(manager, unitId);
      if (!unit) throw AppError.notFound('đơn vị (unit)');
      const purpose = input.purpose ?? 'inbox';
      await this.refuseRedelegation(manager, actor, unit);
      this.assertManages(actor, unit);
      // Signing authorisations and acting appointments are the agency head's powers, not a department's.
      if (purpose !== 'inbox' && unit.kind !== 'agency') {
        throw new AppError(422, 'SIGNING_DELEGATION_AGENCY_ONLY', 'Chỉ thủ trưởng cơ quan ủy quyền ký hoặc giao quyền (only an agency\'s head authorises signing or an acting head)');
      }
      const problems = periodProblems(period, localDate(new Date(), this.config.TZ_NAME));
      if (problems.length) throw AppError.validation('Thời hạn ủy quyền không hợp lệ (invalid period)', problems);
      const delegate = await this.users.findById(input.userId, manager);
      if (!delegate) throw AppError.notFound('người được ủy quyền (delegate)');
      if (!delegate.active) throw AppError.conflict('USER_INACTIVE', 'Tài khoản đã ngừng hoạt động (account is deactivated)');
      const delegateUnit = await this.units.findById(delegate.unitId, manager);
      if (delegateUnit?.agencyId !== unit.agencyId) {
        throw new AppError(422, 'OUTSIDE_AGENCY', 'Chỉ ủy quyền cho người trong cùng cơ quan (the delegate must belong to the same agency)');
      }
      if (delegate.id === unit.headUserId) {
        throw new AppError(422, 'DELEGATE_IS_HEAD', 'Trưởng đơn vị đã quản lý hộp thư này (the head already handles this inbox)');
      }
      if ((await this.delegations.findOverlapping(manager, unit.id, delegate.id, purpose, period)).length) {
        throw AppError.conflict('DELEGATION_OVERLAPS', 'Đã có ủy quyền cho người này trong thời gian đó (overlaps an existing delegation)');
      }
      const delegation = await this.delegations.insert(manager, {
        unitId: unit.id,
        delegateId: delegate.id,
        purpose,
        grantedBy: actor.id,
        ...period,
        note: input.note ? normaliseText(input.note) || null : null,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'unit.delegation_granted',
        entityType: 'unit',
        entityId: unit.id,
        data: { delegationId: delegation.id, delegateId: delegate.id, purpose, from: period.startsOn, to: period.endsOn },
      });
      return delegation;
    });
  }

  async list(actor: Actor, unitId: string, page: number, pageSize: number): Promise<Counted<UnitDelegation>> {
    const unit = await this.units.findById(unitId);
    if (!unit) throw AppError.notFound('đơn vị (unit)');
    this.assertManages(actor, unit);
    const [items, total] = await this.delegations.findForUnit(unit.id, (page - 1) * pageSize, pageSize);
    return { items, total };
  }

  async revoke(actor: Actor, unitId: string, delegationId: string): Promise<UnitDelegation> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await this.units.findByIdForUpdate(manager, unitId);
      if (!unit) throw AppError.notFound('đơn vị (unit)');
      this.assertManages(actor, unit);
      const delegation = await this.delegations.findById(manager, delegationId);
      if (!delegation || delegation.unitId !== unit.id) throw AppError.notFound('ủy quyền (delegation)');
      if (delegation.revokedAt) throw AppError.conflict('DELEGATION_REVOKED', 'Ủy quyền đã bị thu hồi (already revoked)');
      await this.delegations.revoke(manager, delegation.id, actor.id);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'unit.delegation_revoked',
        entityType: 'unit',
        entityId: unit.id,
        data: { delegationId: delegation.id, delegateId: delegation.delegateId },
      });
      return (await this.delegations.findById(manager, delegation.id))!;
    });
  }

  /**
   * Decree 30 Art. 13.3: what was delegated is not delegated again. Someone who holds a current
   * delegation of the unit (and is neither its head nor an administrator) gets a clear refusal
   * rather than a bare 403.
   */
  private async refuseRedelegation(manager: EntityManager, actor: Actor, unit: Unit): Promise<void> {
    if (this.scope.canAdminister(actor) || unit.headUserId === actor.id) return;
    const today = localDate(new Date(), this.config.TZ_NAME);
    const held = await this.delegations.findLive(manager, unit.id, actor.id);
    if (held.some((d) => isActiveOn(d, today))) {
      throw new AppError(403, 'DELEGATION_NOT_REDELEGABLE', 'Người được ủy quyền không được ủy quyền lại (a delegate cannot delegate again)');
    }
  }

  private assertManages(actor: Actor, unit: Unit): void {
    if (!this.scope.canAdminister(actor) && unit.headUserId !== actor.id) throw AppError.forbidden();
  }
}
