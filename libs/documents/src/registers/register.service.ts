import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, OrganisationScope } from '@eoffice/accounts';
import { AppError, AuditService } from '@eoffice/core';
import { cleanVietnameseText } from '@eoffice/vietnamese';
import { Register, RegisterKind } from './register.entity';
import { RegisterRepository } from './register.repository';

export interface NewRegister {
  agencyId: string;
  kind: RegisterKind;
  code: string;
  name: string;
  confidential: boolean;
}

@Injectable()
export class RegisterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly registers: RegisterRepository,
    private readonly organisation: OrganisationScope,
    private readonly audit: AuditService,
  ) {}

  /** The registers of the person's own agency (sổ văn bản of the cơ quan). */
  async listForActor(actor: Actor): Promise<Register[]> {
    return this.registers.findForAgency((await this.organisation.agencyOf(actor.unitId)).id);
  }

  /** An administrator opens a register for an agency, e.g. a separate series for an advisory body. */
  async open(actor: Actor, input: NewRegister): Promise<Register> {
    this.organisation.assertCanAdminister(actor);
    const agency = await this.organisation.agencyOf(input.agencyId).catch(() => null);
    if (!agency || agency.id !== input.agencyId) {
      throw AppError.validation('agencyId phải là một cơ quan (agencyId is not an agency)', [{ field: 'agencyId', message: 'not an agency' }]);
    }
    const code = input.code.normalize('NFC').trim().toUpperCase();
    if ((await this.registers.findForAgency(agency.id)).some((r) => r.code === code)) {
      throw AppError.conflict('REGISTER_CODE_TAKEN', `Mã sổ "${code}" đã có trong cơ quan (register code taken)`);
    }
    const name = cleanVietnameseText(input.name, 'name');
    return this.dataSource.transaction((manager) => this.create(manager, actor.id, { ...input, code, name }));
  }

  async create(manager: EntityManager, actorId: string | null, input: NewRegister): Promise<Register> {
    const register = await this.registers.insert(manager, { ...input, name: input.name.normalize('NFC') });
    await this.audit.record(manager, {
      actorId,
      action: 'register.created',
      entityType: 'register',
      entityId: register.id,
      data: { ...input },
    });
    return register;
  }

  listForAgency(agencyId: string): Promise<Register[]> {
    return this.registers.findForAgency(agencyId);
  }
}
