import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError } from '@eoffice/core';
import { Role } from '../authorization/role';
import type { UnitDelegation } from '../entities/unit-delegation.entity';
import { UnitDelegationRepository } from '../repositories/unit-delegation.repository';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { localDate } from '../rules/delegation-period';

/**
 * Where a person stands towards an agency's head when signing its documents (Decree 30 Art. 13):
 * the head signs in their own name; a deputy in the head's own leadership signs KT. (ký thay);
 * the head of one of its departments (Chánh Văn phòng, Trưởng phòng) may sign TL. (thừa lệnh);
 * someone the head authorised in writing for a period signs TUQ. (thừa ủy quyền); someone appointed
 * acting head (giao quyền) signs Q.; the documents of a collective body are signed TM. (thay mặt).
 */
export interface SignerStanding {
  agencyId: string;
  /** Today in Vietnam time, the day delegation windows are compared with. */
  today: string;
  signer: { id: string; fullName: string; position: string | null };
  head: { id: string; position: string | null } | null;
  isHead: boolean;
  /** A leader of the agency's own unit (ban giám đốc) who is not its head. */
  isDeputy: boolean;
  /** Heads a department (phòng, ban, văn phòng) of the agency. */
  headsDepartment: boolean;
  /** The person's live (not revoked) signing delegations from this agency, any period, newest first. */
  signingDelegations: UnitDelegation[];
  /** The person's live acting appointments (giao quyền cấp trưởng, Q.) of this agency, any period, newest first. */
  actingAppointments: UnitDelegation[];
  /** The collective body leading the agency (`ỦY BAN NHÂN DÂN`), whose documents are signed TM.; null for one head. */
  collectiveBody: string | null;
}

@Injectable()
export class SignerStandingService {
  constructor(
    private readonly units: UnitRepository,
    private readonly users: UserRepository,
    private readonly delegations: UnitDelegationRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Inside the caller's transaction. */
  async standingOf(manager: EntityManager, userId: string, agencyId: string): Promise<SignerStanding> {
    const [agency, signer] = await Promise.all([this.units.findById(agencyId, manager), this.users.findById(userId, manager)]);
    if (!agency || !signer) throw AppError.notFound('người ký (signer)');
    const headUser = agency.headUserId ? await this.users.findById(agency.headUserId, manager) : null;
    const headed = await this.units.findHeadedBy(manager, userId);
    const isHead = agency.headUserId === userId;
    return {
      agencyId,
      today: localDate(new Date(), this.config.TZ_NAME),
      signer: { id: signer.id, fullName: signer.fullName, position: signer.position },
      head: headUser ? { id: headUser.id, position: headUser.position } : null,
      isHead,
      isDeputy: !isHead && signer.unitId === agencyId && signer.roles.some((r) => r === Role.leader || r === Role.leadership),
      headsDepartment: headed.some((u) => u.kind === 'department' && u.agencyId === agencyId),
      signingDelegations: await this.delegations.findLive(manager, agencyId, userId, 'signing'),
      actingAppointments: await this.delegations.findLive(manager, agencyId, userId, 'acting'),
      collectiveBody: agency.collectiveBody,
    };
  }
}
