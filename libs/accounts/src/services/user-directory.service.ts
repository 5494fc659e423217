import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, AuditService } from '@eoffice/core';
import type { Role } from '../authorization/role';
import type { Unit, UnitKind } from '../entities/unit.entity';
import type { User } from '../entities/user.entity';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { baseUsername, nextFreeUsername, stripDiacritics } from '../rules/username';
import { PasswordHasher } from './password-hasher.service';

export interface NewUser {
  fullName: string;
  unitId: string;
  roles: Role[];
  position?: string | null;
  password: string;
  mustChangePassword: boolean;
  /** Only for the bootstrap administrator; everyone else is named by the naming rule. */
  username?: string;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
}

/** Creates units and people inside the caller's transaction, each with its audit entry. */
@Injectable()
export class UserDirectoryService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createUnit(manager: EntityManager, actorId: string | null, input: NewUnit): Promise<Unit> {
    const parent = input.parentId ? await this.units.findById(input.parentId, manager) : null;
    if (input.parentId && !parent) throw AppError.notFound('đơn vị cấp trên (parent unit)');
    const code = input.code.normalize('NFC').trim().toUpperCase();
    const unit = await this.units.insert(manager, {
      code,
      name: input.name.normalize('NFC').trim(),
      kind: input.kind,
      parentId: parent?.id ?? null,
      agencyId: input.kind === 'agency' ? null : (parent?.agencyId ?? null),
      // Official unit mailbox (hộp thư đơn vị): tendonvi@domain, ASCII only.
      email: `${stripDiacritics(code).toLowerCase().replace(/[^a-z0-9]/g, '')}@${this.config.MAIL_DOMAIN}`,
    });
    await this.audit.record(manager, {
      actorId,
      action: 'unit.created',
      entityType: 'unit',
      entityId: unit.id,
      data: { code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId },
    });
    return unit;
  }

  findAgencyByCode(code: string): Promise<Unit | null> {
    return this.units.findAgencyByCode(code.normalize('NFC').trim().toUpperCase());
  }

  async setUnitHead(manager: EntityManager, actorId: string | null, unitId: string, userId: string): Promise<void> {
    await this.units.setHead(manager, unitId, userId);
    await this.audit.record(manager, {
      actorId,
      action: 'unit.head_changed',
      entityType: 'unit',
      entityId: unitId,
      data: { headUserId: userId },
    });
  }

  async createUser(manager: EntityManager, actorId: string | null, input: NewUser): Promise<User> {
    const fullName = input.fullName.normalize('NFC').trim().replace(/\s+/g, ' ');
    const base = input.username ?? baseUsername(fullName);
    const username = nextFreeUsername(base, await this.users.usernamesLike(base, manager));
    const user = await this.users.insert(manager, {
      username,
      fullName,
      email: `${username}@${this.config.MAIL_DOMAIN}`,
      unitId: input.unitId,
      position: input.position ?? null,
      roles: [...new Set(input.roles)],
      passwordHash: await this.hasher.hash(input.password),
      mustChangePassword: input.mustChangePassword,
    });
    await this.audit.record(manager, {
      actorId,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      data: { username, unitId: user.unitId, roles: user.roles },
    });
    return user;
  }
}
