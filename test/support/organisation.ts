import { randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import type * as Accounts from '@eoffice/accounts';
import { Client } from './http';
import { startOrganisationContext } from './organisation-context';
import { ORGANISATION_PASSWORD, organisationPasswordHash } from './organisation-password';
import { E2eRun } from './test-env';

/**
 * A suite's own organisation, made inside the suite's own database copy before it starts the API:
 * an agency (Sở) with a clerk's office, two departments and an attached school, one person per
 * role the flows need, and the agency's and the school's registers — the same shape as the demo
 * seed, but with names, codes and people of the suite's own, so a suite depends on nothing the
 * seed (or another suite) made. Everything goes through the services every path of the product
 * uses (UserDirectoryService, RegisterService), as the service tier's makeOrganisation does.
 */
export type Who =
  | 'director' // leader, head of the agency (Giám đốc Sở): signs, closes, assigns
  | 'deputy' // leadership (Phó Giám đốc): follows the agency's documents
  | 'clerk' // văn thư of the agency's office: registers and issues
  | 'head' // leader, head of the teaching department
  | 'officer' // officer in the teaching department: handles and drafts
  | 'otherOfficer' // officer in the personnel department: sees only their own unit's items
  | 'schoolLeader' // leader, head of the attached school
  | 'schoolClerk' // văn thư of the attached school
  | 'admin'; // administrator of the installation, working from the agency

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
}

export interface OrgPerson {
  id: string;
  username: string;
  fullName: string;
  roles: string[];
  unitId: string;
  password: string;
}

export interface E2eOrganisation {
  /** The installation's root agency the suite's agency sits under (a directory path starts at it). */
  root: OrgUnit;
  agency: OrgUnit;
  /** Văn phòng Sở: the clerk's office. */
  office: OrgUnit;
  /** Phòng Giáo dục Trung học: head and officer. */
  teaching: OrgUnit;
  /** Phòng Tổ chức cán bộ: the other officer. */
  personnel: OrgUnit;
  /** An agency attached to ours that receives its documents inside the system. */
  school: OrgUnit;
  people: Record<Who, OrgPerson>;
  /** The registers by agency and code (`DEN`, `DEN-MAT`, `DI`, `DI-MAT`). */
  registers: { agency: Record<string, string>; school: Record<string, string> };
  /** Signs a person in to the API at `baseUrl`, second factor included (see Client.signIn). */
  signIn(baseUrl: string, who: Who): Promise<Client>;
}

export { ORGANISATION_PASSWORD } from './organisation-password';

interface PersonSpec {
  fullName: string;
  unit: 'agency' | 'office' | 'teaching' | 'personnel' | 'school';
  roles: Accounts.Role[];
  position: string;
  headOfUnit?: boolean;
}

const PEOPLE: Record<Who, PersonSpec> = {
  director: { fullName: 'Lê Thị Thu Hương', unit: 'agency', roles: ['leader' as Accounts.Role], position: 'Giám đốc Sở', headOfUnit: true },
  deputy: { fullName: 'Trần Văn Đức', unit: 'agency', roles: ['leadership' as Accounts.Role], position: 'Phó Giám đốc Sở' },
  clerk: { fullName: 'Phạm Thị Ngọc Ánh', unit: 'office', roles: ['clerk' as Accounts.Role], position: 'Văn thư' },
  head: { fullName: 'Bùi Quốc Việt', unit: 'teaching', roles: ['leader' as Accounts.Role], position: 'Trưởng phòng', headOfUnit: true },
  officer: { fullName: 'Đỗ Minh Tâm', unit: 'teaching', roles: ['officer' as Accounts.Role], position: 'Chuyên viên' },
  otherOfficer: { fullName: 'Hoàng Thị Yến', unit: 'personnel', roles: ['officer' as Accounts.Role], position: 'Chuyên viên' },
  schoolLeader: { fullName: 'Vũ Đình Phúc', unit: 'school', roles: ['leader' as Accounts.Role], position: 'Hiệu trưởng', headOfUnit: true },
  schoolClerk: { fullName: 'Lý Thị Thanh Hà', unit: 'school', roles: ['clerk' as Accounts.Role], position: 'Văn thư' },
  admin: { fullName: 'Đinh Công Minh', unit: 'office', roles: ['admin' as Accounts.Role], position: 'Quản trị hệ thống' },
};

const REGISTERS = [
  { kind: 'incoming', code: 'DEN', name: 'Sổ đăng ký văn bản đến', confidential: false },
  { kind: 'incoming', code: 'DEN-MAT', name: 'Sổ đăng ký văn bản đến mật', confidential: true },
  { kind: 'outgoing', code: 'DI', name: 'Sổ đăng ký văn bản đi', confidential: false },
  { kind: 'outgoing', code: 'DI-MAT', name: 'Sổ đăng ký văn bản đi mật', confidential: true },
] as const;

/** Letters only, so the code stays a valid unit code and never clashes with another organisation's. */
function suffix(): string {
  return [...randomBytes(4)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
}

const unitOf = (unit: Accounts.Unit): OrgUnit => ({ id: unit.id, code: unit.code, name: unit.name });

/**
 * Makes the organisation in the run's database (the suite's own copy, test-env.ts loadRun). Call
 * it before starting the API: an installation has one root agency, and on an empty database the
 * fixture makes it (the API's bootstrap administrator then joins it instead of making its own).
 */
export async function makeOrganisation(run: E2eRun): Promise<E2eOrganisation> {
  const ctx = await startOrganisationContext(run);
  try {
    const { accounts } = ctx;
    const directory = ctx.context.get(accounts.UserDirectoryService);
    const registers = ctx.context.get(ctx.registers.RegisterService);
    const dataSource = ctx.context.get(DataSource);
    // One hash serves everybody (at the fixture's low argon2 cost: organisation-password.ts); global
    // setup made it once for the whole run, so suites only fall back to hashing here.
    const passwordHash = run.organisationPasswordHash ?? (await organisationPasswordHash(accounts));
    const tag = suffix();
    return await dataSource.transaction(async (manager) => {
      // The installation's root agency (cơ quan chủ quản), read as the directory finds it.
      const root =
        (await manager.getRepository(accounts.Unit).findOne({ where: { kind: 'agency', parentId: IsNull() }, order: { createdAt: 'ASC' } })) ??
        (await directory.createUnit(manager, null, { code: `UB${tag}`, name: 'Ủy ban nhân dân tỉnh (thử nghiệm)', kind: 'agency', placeName: 'Tây Ninh' }));
      const agency = await directory.createUnit(manager, null, { code: `SGD${tag}`, name: `Sở Giáo dục và Đào tạo ${tag}`, kind: 'agency', parentId: root.id, placeName: 'Tây Ninh' });
      const units: Record<PersonSpec['unit'], Accounts.Unit> = {
        agency,
        office: await directory.createUnit(manager, null, { code: 'VP', name: 'Văn phòng Sở', kind: 'department', parentId: agency.id }),
        teaching: await directory.createUnit(manager, null, { code: 'GDTRH', name: 'Phòng Giáo dục Trung học', kind: 'department', parentId: agency.id }),
        personnel: await directory.createUnit(manager, null, { code: 'TCCB', name: 'Phòng Tổ chức cán bộ', kind: 'department', parentId: agency.id }),
        school: await directory.createUnit(manager, null, { code: `THPT${tag}`, name: `Trường THPT Thử Nghiệm ${tag}`, kind: 'agency', parentId: agency.id, placeName: 'Tây Ninh' }),
      };
      const registerIds = { agency: {} as Record<string, string>, school: {} as Record<string, string> };
      for (const spec of REGISTERS) {
        for (const owner of ['agency', 'school'] as const) {
          const made = await registers.create(manager, null, { ...spec, agencyId: units[owner].id });
          registerIds[owner][spec.code] = made.id;
        }
      }
      const people = {} as Record<Who, OrgPerson>;
      for (const [who, spec] of Object.entries(PEOPLE) as [Who, PersonSpec][]) {
        const unit = units[spec.unit];
        const user = await directory.createUser(manager, null, {
          fullName: spec.fullName, unitId: unit.id, roles: spec.roles, position: spec.position, passwordHash, mustChangePassword: false,
        });
        if (spec.headOfUnit) await directory.setUnitHead(manager, null, unit.id, user.id);
        people[who] = { id: user.id, username: user.username, fullName: user.fullName, roles: user.roles, unitId: unit.id, password: ORGANISATION_PASSWORD };
      }
      return {
        root: unitOf(root),
        agency: unitOf(agency),
        office: unitOf(units.office),
        teaching: unitOf(units.teaching),
        personnel: unitOf(units.personnel),
        school: unitOf(units.school),
        people,
        registers: registerIds,
        signIn: (baseUrl: string, who: Who) => new Client(baseUrl).signIn(people[who].username, people[who].password),
      };
    });
  } finally {
    await ctx.close();
  }
}

/**
 * The suite's organisation, made in a `beforeAll` registered where this is called (at the top of
 * the file, so before the suite's own hooks start the API); the object is filled in then.
 */
export function ownOrganisation(run: E2eRun): E2eOrganisation {
  const org = {} as E2eOrganisation;
  beforeAll(async () => {
    Object.assign(org, await makeOrganisation(run));
  });
  return org;
}
