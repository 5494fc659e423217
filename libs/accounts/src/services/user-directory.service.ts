import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig, AppError, AuditService } from '@eoffice/core';
import type { Role } from '../authorization/role';
import type { Unit, UnitKind } from '../entities/unit.entity';
import type { User } from '../entities/user.entity';
import { UnitMembershipRepository } from '../repositories/unit-membership.repository';
import { ExternalAgencyRepository } from '../repositories/external-agency.repository';
import { UnitRepository } from '../repositories/unit.repository';
import { UserRepository } from '../repositories/user.repository';
import { assertNoProblems, mailboxName, normaliseUnitCode, personProblems, unitProblems } from '../rules/organisation-input';
import { agencyCodeProblem, normaliseAgencyIdentifier, organIdProblem } from '../rules/organ-id';
import { baseUsername, nextFreeUsername } from '../rules/username';
import { normaliseText } from '@eoffice/vietnamese';
import { PasswordHasher } from './password-hasher.service';

export interface NewUser {
  fullName: string;
  unitId: string;
  roles: Role[];
  position?: string | null;
  /** Either the password, hashed here, or its argon2id hash made before the transaction opened. */
  password?: string;
  passwordHash?: string;
  mustChangePassword: boolean;
  /** Only for the bootstrap administrator; everyone else is named by the naming rule. */
  username?: string;
}

export interface UnitChanges {
  code?: string;
  name?: string;
  placeName?: string;
  /** Exchange identifiers of an agency; null or blank clears. */
  organId?: string | null;
  agencyCode?: string | null;
  /** An agency's collective body (tập thể lãnh đạo) whose documents are signed TM.; null or blank clears. */
  collectiveBody?: string | null;
}

export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parentId?: string | null;
  /** Địa danh of an agency, for the date line of its documents. */
  placeName?: string | null;
}

/**
 * Creates units and people, and names unit heads, inside the caller's transaction, each with its
 * audit entry. Every path that adds to the organisation (API, CSV import, seed, bootstrap) comes here.
 */
@Injectable()
export class UserDirectoryService {
  constructor(
    private readonly users: UserRepository,
    private readonly units: UnitRepository,
    private readonly memberships: UnitMembershipRepository,
    private readonly externalAgencies: ExternalAgencyRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async createUnit(manager: EntityManager, actorId: string | null, input: NewUnit): Promise<Unit> {
    assertNoProblems(unitProblems(input));
    await this.units.lockForCreation(manager);
    const parent = input.parentId ? await this.units.findById(input.parentId, manager) : null;
    if (input.parentId && !parent) throw AppError.notFound('đơn vị cấp trên (parent unit)');
    if (input.kind === 'department' && !parent) {
      throw AppError.validation('Phòng/ban phải thuộc một đơn vị (a department needs a parent)', [
        { field: 'parentId', message: 'bắt buộc với phòng/ban (required for a department)' },
      ]);
    }
    if (input.kind === 'agency' && parent && parent.kind !== 'agency') {
      throw AppError.validation('Cơ quan trực thuộc phải thuộc một cơ quan (an attached agency belongs to an agency)', [
        { field: 'parentId', message: 'phải là một cơ quan (must be an agency)' },
      ]);
    }
    if (input.kind === 'agency' && !parent && (await this.units.findRootAgency(manager))) {
      throw AppError.conflict('ROOT_AGENCY_EXISTS', 'Hệ thống đã có cơ quan chủ quản; cơ quan mới phải trực thuộc (one root agency per installation)');
    }
    const code = normaliseUnitCode(input.code);
    if (await this.units.codeTaken(manager, parent?.id ?? null, code)) {
      throw AppError.conflict('UNIT_CODE_TAKEN', `Mã đơn vị "${code}" đã có trong đơn vị cấp trên này (unit code already used here)`);
    }
    const unit = await this.units.insert(manager, {
      code,
      name: normaliseText(input.name),
      kind: input.kind,
      parentId: parent?.id ?? null,
      agencyId: input.kind === 'agency' ? null : (parent?.agencyId ?? null),
      email: await this.freeMailbox(manager, code),
      placeName: input.placeName ? normaliseText(input.placeName) : null,
    });
    await this.audit.record(manager, {
      actorId,
      action: 'unit.created',
      entityType: 'unit',
      entityId: unit.id,
      data: { code: unit.code, name: unit.name, kind: unit.kind, parentId: unit.parentId, email: unit.email },
    });
    return unit;
  }

  /** Renames a unit (e.g. the placeholder agency of the first start); a new code brings a new mailbox. */
  async renameUnit(manager: EntityManager, actorId: string | null, unitId: string, input: UnitChanges) {
    if (Object.values(input).every((value) => value === undefined)) {
      throw AppError.validation('Không có gì để thay đổi (nothing to change)', [{ field: 'name', message: 'cần code hoặc name' }]);
    }
    const unit = await this.units.findByIdForUpdate(manager, unitId);
    if (!unit) throw AppError.notFound('đơn vị (unit)');
    assertNoProblems(unitProblems({ code: input.code ?? unit.code, name: input.name ?? unit.name }));
    await this.units.lockForCreation(manager);
    const code = input.code === undefined ? unit.code : normaliseUnitCode(input.code);
    const changes: Partial<Unit> = { name: input.name === undefined ? unit.name : normaliseText(input.name) };
    if (input.placeName !== undefined) changes.placeName = normaliseText(input.placeName);
    Object.assign(changes, await this.exchangeIdentifiers(manager, unit, input), collectiveBodyOf(unit, input));
    if (code !== unit.code) {
      if (await this.units.codeTaken(manager, unit.parentId, code)) {
        throw AppError.conflict('UNIT_CODE_TAKEN', `Mã đơn vị "${code}" đã có trong đơn vị cấp trên này (unit code already used here)`);
      }
      Object.assign(changes, { code, email: await this.freeMailbox(manager, code) });
    }
    await this.units.update(manager, unit.id, changes);
    await this.audit.record(manager, {
      actorId,
      action: 'unit.updated',
      entityType: 'unit',
      entityId: unit.id,
      data: { before: { code: unit.code, name: unit.name, email: unit.email, placeName: unit.placeName, organId: unit.organId, agencyCode: unit.agencyCode, collectiveBody: unit.collectiveBody }, after: changes },
    });
    return { ...unit, ...changes };
  }

  /**
   * An agency's OrganId and 2020 code (document exchange names it by them): checked, unique among
   * our units, and not an agency of the directory. Blank clears; departments have none.
   */
  private async exchangeIdentifiers(manager: EntityManager, unit: Unit, input: UnitChanges): Promise<Partial<Unit>> {
    if (input.organId === undefined && input.agencyCode === undefined) return {};
    if (unit.kind !== 'agency') {
      throw AppError.validation('Chỉ cơ quan mới có mã định danh (only agencies carry an OrganId)', [{ field: 'organId', message: 'not an agency' }]);
    }
    const organId = input.organId === undefined ? unit.organId : normaliseAgencyIdentifier(input.organId ?? '') || null;
    const agencyCode = input.agencyCode === undefined ? unit.agencyCode : normaliseAgencyIdentifier(input.agencyCode ?? '') || null;
    const problems = [
      ...(organId && organIdProblem(organId) ? [{ field: 'organId', message: organIdProblem(organId)! }] : []),
      ...(agencyCode && agencyCodeProblem(agencyCode) ? [{ field: 'agencyCode', message: agencyCodeProblem(agencyCode)! }] : []),
    ];
    assertNoProblems(problems);
    const holders = await this.units.findByAgencyIdentifiers(manager, organId, agencyCode);
    if (holders.some((other) => other.id !== unit.id) || (await this.externalAgencies.findHolder(manager, organId, agencyCode))) {
      throw AppError.conflict('AGENCY_IDENTIFIER_TAKEN', 'Mã định danh đã được dùng cho cơ quan khác (identifier already used)');
    }
    return { organId, agencyCode };
  }

  /** Official unit mailbox (hộp thư đơn vị, the Bình Định e-mail rules (2014) Điều 4): tendonvi@domain; 2, 3... on a clash. */
  private async freeMailbox(manager: EntityManager, code: string): Promise<string> {
    const base = mailboxName(code);
    return `${nextFreeUsername(base, await this.units.mailboxesLike(manager, base))}@${this.config.MAIL_DOMAIN}`;
  }

  findAgencyByCode(code: string): Promise<Unit | null> {
    return this.units.findAgencyByCode(normaliseUnitCode(code));
  }

  findUserByUsername(username: string): Promise<User | null> {
    return this.users.findByUsername(username);
  }

  /**
   * The head manages the unit's inbox and its delegations; the inbox belongs to the unit, so a new
   * head takes over all of it, history included (the Bình Định e-mail rules (2014) Điều 13.4). Null leaves the post empty.
   */
  async setUnitHead(manager: EntityManager, actorId: string | null, unitId: string, userId: string | null): Promise<Unit> {
    const unit = await this.units.findByIdForUpdate(manager, unitId);
    if (!unit) throw AppError.notFound('đơn vị (unit)');
    if (userId) {
      const user = await this.users.findById(userId, manager);
      if (!user) throw AppError.notFound('người dùng (user)');
      if (!user.active) throw AppError.conflict('USER_INACTIVE', 'Tài khoản đã ngừng hoạt động (account is deactivated)');
    }
    const previousHeadUserId = unit.headUserId;
    if (previousHeadUserId === userId) return unit;
    await this.units.setHead(manager, unitId, userId);
    await this.audit.record(manager, {
      actorId,
      action: 'unit.head_changed',
      entityType: 'unit',
      entityId: unitId,
      data: { headUserId: userId, previousHeadUserId },
    });
    return { ...unit, headUserId: userId };
  }

  async createUser(manager: EntityManager, actorId: string | null, input: NewUser): Promise<User> {
    assertNoProblems(personProblems(input));
    if (input.roles.length === 0) {
      throw AppError.validation('Cần ít nhất một vai trò (at least one role)', [{ field: 'roles', message: 'không được để trống' }]);
    }
    const unit = await this.units.findById(input.unitId, manager);
    if (!unit) throw AppError.notFound('đơn vị (unit)');
    const fullName = normaliseText(input.fullName);
    const position = input.position ? normaliseText(input.position) || null : null;
    const base = input.username ?? baseUsername(fullName);
    await this.users.lockUsername(manager, base);
    const username = nextFreeUsername(base, await this.users.usernamesLike(base, manager));
    if (input.passwordHash === undefined && input.password === undefined) throw new Error('createUser needs a password or its hash');
    const passwordHash = input.passwordHash ?? (await this.hasher.hash(input.password!));
    const user = await this.users.insert(manager, {
      username,
      fullName,
      email: `${username}@${this.config.MAIL_DOMAIN}`,
      unitId: unit.id,
      position,
      roles: [...new Set(input.roles)],
      passwordHash,
      mustChangePassword: input.mustChangePassword,
    });
    await this.memberships.open(manager, { userId: user.id, unitId: unit.id, position, startedAt: new Date() });
    await this.audit.record(manager, {
      actorId,
      action: 'user.created',
      entityType: 'user',
      entityId: user.id,
      data: { username, unitId: user.unitId, roles: user.roles, position },
    });
    return user;
  }
}

/** TM. is written before a collective body's name in capitals ("TM. ỦY BAN NHÂN DÂN"); only an agency has one. */
function collectiveBodyOf(unit: Unit, input: UnitChanges): Partial<Unit> {
  if (input.collectiveBody === undefined) return {};
  const name = normaliseText(input.collectiveBody ?? '').toLocaleUpperCase('vi-VN') || null;
  if (name && unit.kind !== 'agency') {
    throw AppError.validation('Chỉ cơ quan mới có tập thể lãnh đạo (only an agency is led by a collective body)', [{ field: 'collectiveBody', message: 'not an agency' }]);
  }
  return { collectiveBody: name };
}
