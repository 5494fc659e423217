import { count, query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { ACTIVE_PASSWORD, createUnit, expectOk, hireActivePerson, patch, uniqueCode, unitByCode } from './support/accounts';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
/** This suite's own copy of the run's database (see support/accounts-run.ts). */
let run: E2eRun;
let isolated: IsolatedRun;
const auditActions = async (entityId: string) =>
  (await query(run.databaseUrl, 'SELECT action FROM audit_event WHERE entity_id = $1 ORDER BY id', [entityId])).map((r) => r.action);

describe('accounts: organisation and account lifecycle', () => {
  let api: Api;
  let admin: Client;
  let agency: { id: string };

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_lifecycle');
    run = isolated.run;
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    agency = org.agency;
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  describe('units', () => {
    it('adds departments and attached agencies with their official mailbox, and lists the tree parent-first', async () => {
      const school = await createUnit(admin, { code: uniqueCode('THCS'), name: 'Trường THCS Kiểm thử', kind: 'agency', parentId: agency.id });
      expect(school).toMatchObject({ kind: 'agency', parentId: agency.id, agencyId: school.id });
      expect(school.email).toBe(`${school.code.toLowerCase()}@eoffice.gov.vn`);
      const office = await createUnit(admin, { code: 'VP', name: 'Văn phòng trường', parentId: school.id });
      // The agency's own VP has vp@: the school's gets the next free mailbox, like usernames.
      expect(office.agencyId).toBe(school.id);
      expect(office.email).toMatch(/^vp[2-9]\d*@eoffice\.gov\.vn$/);

      const { items } = await expectOk(admin.get('/api/v1/units'));
      const index = (id: string) => items.findIndex((u: { id: string }) => u.id === id);
      expect(index(agency.id)).toBeLessThan(index(school.id));
      expect(index(school.id)).toBeLessThan(index(office.id));
      expect(items[index(office.id)]).toMatchObject({ parentId: school.id, depth: 3 });
      // The suite's agency is attached under the installation's root agency (organisation.ts).
      expect(items[index(agency.id)]).toMatchObject({ headFullName: org.people.director.fullName, depth: 1 });
    });

    it('refuses a second root agency, a department without parent, a repeated code and a legacy-encoded name, writing nothing', async () => {
      const before = await count(run.databaseUrl, 'unit');
      const cases: [unknown, number, string][] = [
        [{ code: 'X1', name: 'Cơ quan khác', kind: 'agency' }, 409, 'ROOT_AGENCY_EXISTS'],
        [{ code: 'X2', name: 'Phòng mồ côi', kind: 'department' }, 400, 'VALIDATION_FAILED'],
        [{ code: 'gdtrh', name: 'Phòng trùng mã', kind: 'department', parentId: agency.id }, 409, 'UNIT_CODE_TAKEN'],
        [{ code: 'X3', name: 'Phßng Gi¸o dôc', kind: 'department', parentId: agency.id }, 400, 'LEGACY_ENCODING'],
        [{ code: 'X 4', name: 'Phòng', kind: 'department', parentId: agency.id }, 400, 'VALIDATION_FAILED'],
        [{ code: 'X5', name: 'Phòng', kind: 'school', parentId: agency.id }, 400, 'VALIDATION_FAILED'],
        [{ code: 'X6', name: 'Phòng', kind: 'department', parentId: '00000000-0000-4000-8000-000000000000' }, 404, 'NOT_FOUND'],
        [{ code: 'X7', name: 'Phòng', kind: 'department', parentId: agency.id, email: 'x@y.z' }, 400, 'VALIDATION_FAILED'],
      ];
      for (const [body, status, code] of cases) {
        const res = await admin.post('/api/v1/units', body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      expect(await count(run.databaseUrl, 'unit')).toBe(before);
    });

    it('renames a unit; a new code brings a new mailbox, audited with before and after', async () => {
      const unit = await createUnit(admin, { parentId: agency.id, name: 'Phòng Cũ' });
      const renamed = await expectOk(patch(admin, `/api/v1/units/${unit.id}`, { code: `${unit.code}M`, name: 'Phòng Mới' }));
      expect(renamed).toMatchObject({ code: `${unit.code}M`, name: 'Phòng Mới', email: `${unit.code.toLowerCase()}m@eoffice.gov.vn` });
      const [event] = await query(run.databaseUrl, "SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'unit.updated'", [unit.id]);
      expect(event.data.before).toMatchObject({ code: unit.code, name: 'Phòng Cũ' });
      const empty = await patch(admin, `/api/v1/units/${unit.id}`, {});
      expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    });
  });

  describe('hire', () => {
    it('names the account by the rule, 2 on a clash, and must change the one-time password first', async () => {
      const vp = org.office;
      // The organisation's clerk already has the name: typed in lower case, doubly spaced and decomposed.
      const typed = org.people.clerk.fullName.toLowerCase().replace(/ /g, '  ').normalize('NFD');
      const res = await admin.post('/api/v1/users', { fullName: typed, unitId: vp.id, roles: ['officer'], position: 'Chuyên viên' });
      expect(res.status).toBe(201);
      expect(Object.keys(res.body).sort()).toEqual(['email', 'id', 'initialPassword', 'username']);
      expect(res.body.username).toMatch(new RegExp(`^${org.people.clerk.username}[2-9]\\d*$`));
      expect(res.body.email).toBe(`${res.body.username}@eoffice.gov.vn`);
      const [row] = await query(run.databaseUrl, 'SELECT full_name, must_change_password, password_hash FROM app_user WHERE id = $1', [res.body.id]);
      expect(row.full_name).toBe(org.people.clerk.fullName.toLowerCase().normalize('NFC'));
      expect(row.must_change_password).toBe(true);
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(await auditActions(res.body.id)).toEqual(['user.created']);

      const first = await new Client(api.url).signIn(res.body.username, res.body.initialPassword);
      const blocked = await first.get('/api/v1/directory');
      expect([blocked.status, blocked.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
      const weak = await first.post('/api/v1/auth/password', { currentPassword: res.body.initialPassword, newPassword: 'password' });
      expect(weak.body.code).toBe('PASSWORD_POLICY');
      // The change ends the session it was made in too, and answers a fresh one (docs/api-changelog.md).
      const changed = await expectOk(first.post('/api/v1/auth/password', { currentPassword: res.body.initialPassword, newPassword: ACTIVE_PASSWORD }));
      expect((await first.get('/api/v1/directory')).body.code).toBe('TOKEN_REVOKED');
      expect((await new Client(api.url, changed.accessToken).get('/api/v1/directory')).status).toBe(200);
    });

    it('refuses bad input with problem details and writes nothing', async () => {
      const vp = org.office;
      const before = [await count(run.databaseUrl, 'app_user'), await count(run.databaseUrl, 'audit_event')];
      const cases: [unknown, number, string][] = [
        [{ fullName: 'Lê Văn Tám', unitId: vp.id, roles: [] }, 400, 'VALIDATION_FAILED'],
        [{ fullName: 'Lê Văn Tám', unitId: vp.id, roles: ['chief'] }, 400, 'VALIDATION_FAILED'],
        [{ fullName: 'Lê Văn Tám', unitId: vp.id, roles: ['officer'], username: 'tam' }, 400, 'VALIDATION_FAILED'],
        [{ fullName: 'Lê Văn 8', unitId: vp.id, roles: ['officer'] }, 400, 'VALIDATION_FAILED'],
        [{ fullName: 'NguyÔn V¨n T¸m', unitId: vp.id, roles: ['officer'] }, 400, 'LEGACY_ENCODING'],
        [{ fullName: 'Lê Văn Tám', unitId: 'not-a-uuid', roles: ['officer'] }, 400, 'VALIDATION_FAILED'],
        [{ fullName: 'Lê Văn Tám', unitId: '00000000-0000-4000-8000-000000000000', roles: ['officer'] }, 404, 'NOT_FOUND'],
      ];
      for (const [body, status, code] of cases) {
        const res = await admin.post('/api/v1/users', body);
        expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
      }
      expect([await count(run.databaseUrl, 'app_user'), await count(run.databaseUrl, 'audit_event')]).toEqual(before);
    });

    it('gives two people hired at the same moment with the same name two different accounts', async () => {
      const vp = org.office;
      const body = { fullName: 'Trịnh Công Sơn', unitId: vp.id, roles: ['officer'] };
      const replies = await Promise.all([1, 2, 3].map(() => admin.post('/api/v1/users', body)));
      expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
      expect(new Set(replies.map((r) => r.body.username)).size).toBe(3);
      expect(replies.map((r) => r.body.username).sort()[0]).toBe('sontc');
    });
  });

  describe('transfer', () => {
    it('moves the person, keeps the membership history and leaves their head post in the old unit empty', async () => {
      const from = await createUnit(admin, { parentId: agency.id, name: 'Phòng Đi' });
      const to = await createUnit(admin, { parentId: agency.id, name: 'Phòng Đến' });
      const person = await hireActivePerson(admin, { unitId: from.id, roles: ['leader'], position: 'Trưởng phòng' });
      await expectOk(admin.put(`/api/v1/units/${from.id}/head`, { userId: person.id }));

      const moved = await expectOk(admin.post(`/api/v1/users/${person.id}/transfer`, { unitId: to.id, position: 'Phó trưởng phòng' }));
      expect(moved).toMatchObject({ unit: { id: to.id }, position: 'Phó trưởng phòng', active: true });

      const detail = await expectOk(admin.get(`/api/v1/users/${person.id}`));
      expect(detail.memberships).toEqual([
        expect.objectContaining({ unitId: from.id, position: 'Trưởng phòng', endReason: 'transfer', endedAt: expect.any(String) }),
        expect.objectContaining({ unitId: to.id, position: 'Phó trưởng phòng', endReason: null, endedAt: null }),
      ]);
      expect((await unitByCode(admin, from.code)).headUserId).toBeNull();
      // A leader enrols a second factor at the first sign-in (docs/sign-in.md).
      expect(await auditActions(person.id)).toEqual(['user.created', 'auth.mfa_enrolment_started', 'auth.mfa_enrolled', 'auth.login', 'auth.password_changed', 'user.transferred']);
      // The person keeps working: the session follows them to the new unit.
      expect((await expectOk(person.client.get('/api/v1/me'))).unit!.id).toBe(to.id);

      const again = await admin.post(`/api/v1/users/${person.id}/transfer`, { unitId: to.id });
      expect([again.status, again.body.code]).toEqual([409, 'ALREADY_IN_UNIT']);
    });
  });

  describe('roles', () => {
    it('gives new duties at once, keeps the last administrator, and refuses what is no change', async () => {
      const vp = org.office;
      const person = await hireActivePerson(admin, { unitId: vp.id, roles: ['officer'] });
      // An officer may not list accounts; made an administrator, with the same session, they may.
      const listsAccounts = async () => (await person.client.get('/api/v1/users')).status;
      expect(await listsAccounts()).toBe(403);
      const changed = await expectOk(admin.put(`/api/v1/users/${person.id}/roles`, { roles: ['admin', 'officer'] }));
      expect(changed.roles.sort()).toEqual(['admin', 'officer']);
      expect(await listsAccounts()).toBe(200);
      expect(await auditActions(person.id)).toContain('user.roles_changed');
      const [audit] = await query(run.databaseUrl, `SELECT data FROM audit_event WHERE entity_id = $1 AND action = 'user.roles_changed'`, [person.id]);
      expect(audit.data).toEqual({ from: ['officer'], to: ['admin', 'officer'] });

      const same = await admin.put(`/api/v1/users/${person.id}/roles`, { roles: ['officer', 'admin'] });
      expect([same.status, same.body.code]).toEqual([409, 'ROLES_UNCHANGED']);
      for (const roles of [[], ['chief'], 'leader']) {
        const bad = await admin.put(`/api/v1/users/${person.id}/roles`, { roles });
        expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
      }
      await expectOk(admin.put(`/api/v1/users/${person.id}/roles`, { roles: ['officer'] }));
      expect(await listsAccounts()).toBe(403);
      // Every other administrator leaves (earlier suites may have hired some): the one left keeps the role.
      const me = (await expectOk(admin.get('/api/v1/me'))).id;
      for (const { id } of await query(run.databaseUrl, `SELECT id FROM app_user WHERE active AND 'admin' = ANY(roles) AND id <> $1`, [me])) {
        await expectOk(admin.post(`/api/v1/users/${id}/deactivate`, { reason: 'Kiểm thử quản trị viên cuối cùng' }));
      }
      const last = await admin.put(`/api/v1/users/${me}/roles`, { roles: ['officer'] });
      expect([last.status, last.body.code]).toEqual([409, 'LAST_ADMIN']);
    });
  });

  describe('deactivate', () => {
    it('ends every session at once and keeps the person and their history', async () => {
      const vp = org.office;
      const person = await hireActivePerson(admin, { unitId: vp.id, roles: ['officer'] });
      const login = await expectOk(new Client(api.url).post('/api/v1/auth/login', { username: person.username, password: ACTIVE_PASSWORD }));

      const res = await expectOk(admin.post(`/api/v1/users/${person.id}/deactivate`, { reason: 'Nghỉ hưu theo Quyết định số 12/QĐ-SGDĐT' }));
      expect(res).toMatchObject({ active: false, deactivationReason: 'Nghỉ hưu theo Quyết định số 12/QĐ-SGDĐT' });

      const stale = await person.client.get('/api/v1/me');
      expect([stale.status, stale.body.code]).toEqual([401, 'TOKEN_REVOKED']);
      expect((await new Client(api.url).post('/api/v1/auth/refresh', { refreshToken: login.refreshToken })).status).toBe(401);
      expect((await new Client(api.url).post('/api/v1/auth/login', { username: person.username, password: ACTIVE_PASSWORD })).status).toBe(401);
      const [{ open }] = await query(run.databaseUrl, 'SELECT count(*)::int AS open FROM refresh_token WHERE user_id = $1 AND revoked_at IS NULL', [person.id]);
      expect(open).toBe(0);

      const kept = await expectOk(admin.get(`/api/v1/users/${person.id}`));
      expect(kept).toMatchObject({ username: person.username, active: false });
      expect(kept.memberships[0]).toMatchObject({ endReason: 'deactivation' });
      const directory = await expectOk(admin.get(`/api/v1/directory?q=${person.username}`));
      expect(directory.items).toEqual([]);
      expect(await auditActions(person.id)).toContain('user.deactivated');

      const twice = await admin.post(`/api/v1/users/${person.id}/deactivate`, { reason: 'again' });
      expect([twice.status, twice.body.code]).toEqual([409, 'USER_INACTIVE']);

      // Back from leave: active again in the same unit, with a one-time password; the old one is gone.
      const back = await expectOk(admin.post(`/api/v1/users/${person.id}/reactivate`));
      expect(back).toMatchObject({ id: person.id, mustChangePassword: true, initialPassword: expect.any(String) });
      expect((await new Client(api.url).post('/api/v1/auth/login', { username: person.username, password: ACTIVE_PASSWORD })).status).toBe(401);
      const first = await new Client(api.url).signIn(person.username, back.initialPassword);
      const pending = await first.get('/api/v1/directory');
      expect([pending.status, pending.body.code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
      const again = await expectOk(admin.get(`/api/v1/users/${person.id}`));
      expect(again).toMatchObject({ active: true, deactivationReason: null });
      expect(again.memberships.map((m: { unitId: string; endReason: string | null }) => [m.unitId, m.endReason])).toEqual([[vp.id, 'deactivation'], [vp.id, null]]);
      expect(await auditActions(person.id)).toContain('user.reactivated');
      const active = await admin.post(`/api/v1/users/${person.id}/reactivate`);
      expect([active.status, active.body.code]).toEqual([409, 'USER_ACTIVE']);
    });

    it('refuses to deactivate oneself or without a reason', async () => {
      const me = await expectOk(admin.get('/api/v1/me'));
      const self = await admin.post(`/api/v1/users/${me.id}/deactivate`, { reason: 'thử' });
      expect([self.status, self.body.code]).toEqual([409, 'CANNOT_DEACTIVATE_SELF']);
      const blank = await admin.post(`/api/v1/users/${me.id}/deactivate`, { reason: '   ' });
      expect(blank.status).toBe(400);
      expect((await admin.get('/api/v1/me')).status).toBe(200);
    });
  });

  describe('reset a forgotten password', () => {
    it('issues a new one-time password, lifts the lock-out and ends old sessions', async () => {
      const vp = org.office;
      const person = await hireActivePerson(admin, { unitId: vp.id, roles: ['clerk'] });
      const anonymous = new Client(api.url);
      for (let i = 0; i < 5; i += 1) await anonymous.post('/api/v1/auth/login', { username: person.username, password: 'Sai@mat-khau1' });
      // The lock-out is per (account, address), with a delay that says nothing about the account.
      const locked = await anonymous.post('/api/v1/auth/login', { username: person.username, password: ACTIVE_PASSWORD });
      expect([locked.status, locked.body.code]).toEqual([429, 'TOO_MANY_REQUESTS']);

      const reset = await expectOk(admin.post(`/api/v1/users/${person.id}/reset-password`));
      expect(reset).toMatchObject({ id: person.id, username: person.username, mustChangePassword: true });
      expect((await person.client.get('/api/v1/me')).body.code).toBe('TOKEN_REVOKED');
      expect((await anonymous.post('/api/v1/auth/login', { username: person.username, password: ACTIVE_PASSWORD })).status).toBe(401);
      // A clerk: the one-time password, then the authenticator they enrolled (a reset keeps it).
      const fresh = await anonymous.signInSession(person.username, reset.initialPassword);
      expect(fresh.mustChangePassword).toBe(true);
      expect(await auditActions(person.id)).toContain('user.password_reset');
    });
  });

  describe('reading accounts', () => {
    it('pages the administrator list with filters', async () => {
      const unit = await createUnit(admin, { parentId: agency.id, name: 'Phòng Danh sách' });
      const hire = (fullName: string, roles: string[]) => expectOk(admin.post('/api/v1/users', { fullName, unitId: unit.id, roles }), 201);
      const khoa = await hire('Lý Minh Khoa', ['leader']);
      const an = await hire('Lý Thị An', ['officer']);
      await expectOk(admin.post(`/api/v1/users/${an.id}/deactivate`, { reason: 'Chuyển công tác ra ngoài tỉnh' }));

      const first = await expectOk(admin.get(`/api/v1/users?unitId=${unit.id}&pageSize=1&page=1`));
      const second = await expectOk(admin.get(`/api/v1/users?unitId=${unit.id}&pageSize=1&page=2`));
      expect([first.total, first.page, first.pageSize, second.total]).toEqual([2, 1, 1, 2]);
      expect([...first.items, ...second.items].map((u: { id: string }) => u.id).sort()).toEqual([an.id, khoa.id].sort());

      const leaders = await expectOk(admin.get(`/api/v1/users?unitId=${unit.id}&role=leader&q=ly%20minh%20KHOA`));
      expect(leaders.items.map((u: { id: string }) => u.id)).toEqual([khoa.id]);
      expect(leaders.items[0]).toMatchObject({ unit: { id: unit.id }, active: true, roles: ['leader'], mustChangePassword: true });
      const inactive = await expectOk(admin.get(`/api/v1/users?unitId=${unit.id}&active=false`));
      expect(inactive.items.map((u: { id: string }) => u.id)).toEqual([an.id]);

      const bad = await admin.get('/api/v1/users?pageSize=1000&sort=name');
      expect(bad.status).toBe(400);
      expect(bad.body.errors!.map((e) => e.field).sort()).toEqual(['pageSize', 'sort']);
    });

    it('lets a person read their own account, not another one', async () => {
      const huy = await org.signIn(api.url, 'officer');
      const me = await expectOk(huy.get('/api/v1/me'));
      expect((await expectOk(huy.get(`/api/v1/users/${me.id}`))).memberships).toHaveLength(1);
      const adminMe = await expectOk(admin.get('/api/v1/me'));
      expect((await huy.get(`/api/v1/users/${adminMe.id}`)).status).toBe(403);
      expect((await admin.get('/api/v1/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    });
  });

  it('keeps an intact audit chain through all of the above', async () => {
    const verify = await expectOk(admin.get('/api/v1/audit/verify'));
    expect(verify).toMatchObject({ intact: true, firstBrokenId: null });
  });
});
