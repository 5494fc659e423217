import { randomBytes } from 'node:crypto';
import { hash } from 'argon2';
import type { Actor, Role, Unit, User } from '@eoffice/accounts';
import { UserDirectoryService } from '@eoffice/accounts';
import { type Register, RegisterService } from '@eoffice/documents';
import type { ServiceWorld } from './service-world';

/** One agency (attached under the installation's root agency) as a test needs it: a clerk's office, a department with its head and an officer. */
export interface Organisation {
  agency: Unit;
  office: Unit;
  department: Unit;
  clerk: Actor;
  leader: Actor;
  head: Actor;
  officer: Actor;
  incomingRegister: Register;
}

let passwordHash: Promise<string> | undefined;
/** An installation has one root agency (cơ quan chủ quản); each test's agency is attached under it. */
const roots = new WeakMap<ServiceWorld, Promise<Unit>>();

function rootAgency(world: ServiceWorld): Promise<Unit> {
  if (!roots.has(world)) {
    const directory = world.get(UserDirectoryService);
    roots.set(world, world.dataSource.transaction((manager) =>
      directory.createUnit(manager, null, { code: code('UB'), name: 'Ủy ban nhân dân tỉnh (thử nghiệm)', kind: 'agency', placeName: 'Tây Ninh' })));
  }
  return roots.get(world)!;
}

/** People made here never sign in: one real argon2id hash serves them all (hashing is ~0.3 s each). */
function sharedPasswordHash(): Promise<string> {
  passwordHash ??= hash(randomBytes(16).toString('hex'));
  return passwordHash;
}

/** Distinct unit codes, so any number of organisations live side by side in one database. */
function code(prefix: string): string {
  return `${prefix}${randomBytes(3).toString('hex').toUpperCase()}`;
}

export function actorOf(user: User): Actor {
  return { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles, unitId: user.unitId, mustChangePassword: false };
}

/**
 * Makes a fresh organisation through the same service every path of the product uses
 * (UserDirectoryService: API, CSV import, seed), with its incoming register, in one transaction.
 */
export async function makeOrganisation(world: ServiceWorld, names: Partial<Record<'leader' | 'head' | 'clerk' | 'officer', string>> = {}): Promise<Organisation> {
  const directory = world.get(UserDirectoryService);
  const registers = world.get(RegisterService);
  const password = await sharedPasswordHash();
  const root = await rootAgency(world);
  return world.dataSource.transaction(async (manager) => {
    const agency = await directory.createUnit(manager, null, { code: code('SO'), name: 'Sở Thử nghiệm', kind: 'agency', parentId: root.id, placeName: 'Tây Ninh' });
    const office = await directory.createUnit(manager, null, { code: code('VP'), name: 'Văn phòng', kind: 'department', parentId: agency.id });
    const department = await directory.createUnit(manager, null, { code: code('PH'), name: 'Phòng Nghiệp vụ', kind: 'department', parentId: agency.id });
    const person = (fullName: string, unit: Unit, roles: Role[]) =>
      directory.createUser(manager, null, { fullName, unitId: unit.id, roles, position: null, passwordHash: password, mustChangePassword: false });
    const leader = await person(names.leader ?? 'Trần Thị Giám Đốc', agency, ['leader']);
    const head = await person(names.head ?? 'Lê Văn Trưởng Phòng', department, ['leader']);
    const clerk = await person(names.clerk ?? 'Nguyễn Thị Văn Thư', office, ['clerk']);
    const officer = await person(names.officer ?? 'Phạm Văn Chuyên Viên', department, ['officer']);
    await directory.setUnitHead(manager, null, agency.id, leader.id);
    await directory.setUnitHead(manager, null, department.id, head.id);
    const incomingRegister = await registers.create(manager, null, {
      agencyId: agency.id, kind: 'incoming', code: 'DEN', name: 'Sổ đăng ký văn bản đến', confidential: false,
    });
    return {
      agency, office, department, incomingRegister,
      leader: actorOf(leader), head: actorOf(head), clerk: actorOf(clerk), officer: actorOf(officer),
    };
  });
}
