import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AuditService } from '@eoffice/core';
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
    private readonly registers: RegisterRepository,
    private readonly audit: AuditService,
  ) {}

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
