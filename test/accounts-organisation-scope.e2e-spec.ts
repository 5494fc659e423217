import type { Actor, OrganisationScope } from '@eoffice/accounts';
import { startAccountsContext } from './support/accounts-context';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { createUnit, expectOk, hireActivePerson, put, vnDate } from './support/accounts';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
/** This suite's own copy of the run's database (see support/accounts-run.ts). */
let run: E2eRun;
let isolated: IsolatedRun;

/**
 * OrganisationScope as later services call it, in-process against the run's database: the
 * organisation is built through the API, the answers are read from the service.
 */
describe('accounts: OrganisationScope', () => {
  let api: Api;
  let admin: Client;
  let closeContext: () => Promise<void>;
  let scope: OrganisationScope;
  const tree: Record<string, { id: string }> = {};
  const actor = (person: { id: string }, unitId: string, roles: Actor['roles']): Actor => ({
    id: person.id,
    username: 'x',
    fullName: 'x',
    roles,
    unitId,
    mustChangePassword: false,
  });

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_scope');
    run = isolated.run;
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    // root ─┬─ dept ── team
    //       └─ school (attached agency) ── schoolDept
    tree.root = org.agency;
    tree.dept = await createUnit(admin, { parentId: tree.root.id, name: 'Phòng Phạm vi' });
    tree.team = await createUnit(admin, { parentId: tree.dept.id, name: 'Tổ Phạm vi' });
    tree.school = await createUnit(admin, { parentId: tree.root.id, kind: 'agency', name: 'Trường Phạm vi' });
    tree.schoolDept = await createUnit(admin, { parentId: tree.school.id, name: 'Tổ Văn phòng trường' });
    const started = await startAccountsContext(run);
    closeContext = started.close;
    scope = started.context.get(started.accounts.OrganisationScope);
  });
  afterAll(async () => {
    await closeContext?.();
    await api.stop();
    await isolated?.dispose();
  });

  it('agencyOf: a department belongs to its agency, at any depth; an agency is its own', async () => {
    expect((await scope.agencyOf(tree.team.id)).id).toBe(tree.root.id);
    expect((await scope.agencyOf(tree.schoolDept.id)).id).toBe(tree.school.id);
    expect((await scope.agencyOf(tree.school.id)).id).toBe(tree.school.id);
    await expect(scope.agencyOf('00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({ status: 404 });
  });

  it('subtreeUnitIds: the unit and everything below it, attached agencies included', async () => {
    expect((await scope.subtreeUnitIds(tree.dept.id)).sort()).toEqual([tree.dept.id, tree.team.id].sort());
    expect((await scope.subtreeUnitIds(tree.school.id)).sort()).toEqual([tree.school.id, tree.schoolDept.id].sort());
    const all = await scope.subtreeUnitIds(tree.root.id);
    expect(all).toEqual(expect.arrayContaining(Object.values(tree).map((u) => u.id)));
    expect(new Set(all).size).toBe(all.length);
    expect(await scope.subtreeUnitIds('00000000-0000-4000-8000-000000000000')).toEqual([]);
  });

  it('handledUnitIds: own unit, headed units, and delegations on the day asked about', async () => {
    const officer = await hireActivePerson(admin, { unitId: tree.team.id, roles: ['officer'] });
    const head = await hireActivePerson(admin, { unitId: tree.team.id, roles: ['leader'] });
    await expectOk(put(admin, `/api/v1/units/${tree.dept.id}/head`, { userId: head.id }));
    await expectOk(admin.post(`/api/v1/units/${tree.dept.id}/delegations`, { userId: officer.id, from: vnDate(2), to: vnDate(4) }), 201);

    expect(await scope.handledUnitIds(officer)).toEqual([tree.team.id]);
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000);
    expect((await scope.handledUnitIds(officer, inThreeDays)).sort()).toEqual([tree.team.id, tree.dept.id].sort());
    expect(await scope.handledUnitIds(officer, new Date(Date.now() + 6 * 86_400_000))).toEqual([tree.team.id]);
    expect((await scope.handledUnitIds(head)).sort()).toEqual([tree.team.id, tree.dept.id].sort());
    expect(await scope.managedUnitIds(head)).toEqual([tree.dept.id]);
    expect(await scope.managedUnitIds(officer, inThreeDays)).toEqual([tree.dept.id]);
  });

  it('canAdminister and the data scope follow the roles', async () => {
    const me = await expectOk(admin.get('/api/v1/me'));
    expect(scope.canAdminister(actor(me, me.unit!.id, ['admin']))).toBe(true);
    expect(scope.canAdminister(actor(me, me.unit!.id, ['leader', 'leadership']))).toBe(false);
    expect(() => scope.assertCanAdminister(actor(me, me.unit!.id, ['clerk']))).toThrow(expect.objectContaining({ status: 403 }));

    const leader = await hireActivePerson(admin, { unitId: tree.dept.id, roles: ['leader'] });
    const visible = (roles: Actor['roles']) => scope.visibleUnitIds(actor(leader, tree.dept.id, roles)).then((ids) => ids.sort());
    expect(await visible(['admin'])).toEqual([]);
    expect(await visible(['officer'])).toEqual([tree.dept.id]);
    expect(await visible(['leader'])).toEqual([tree.dept.id, tree.team.id].sort());
    const agencyUnits = await visible(['clerk']);
    expect(agencyUnits).toEqual(expect.arrayContaining([tree.root.id, tree.dept.id, tree.team.id]));
    expect(agencyUnits).not.toContain(tree.school.id);
    expect(await visible(['officer', 'leadership'])).toEqual(agencyUnits);
  });

  it('findActiveUser: a person who can act now, not a deactivated one', async () => {
    const huy = await org.signIn(api.url, 'officer');
    const me = await expectOk(huy.get('/api/v1/me'));
    expect((await scope.findActiveUser(me.id))?.username).toBe(org.people.officer.username);
    const gone = await hireActivePerson(admin, { unitId: tree.team.id, roles: ['officer'] });
    await expectOk(admin.post(`/api/v1/users/${gone.id}/deactivate`, { reason: 'Thôi việc' }));
    expect(await scope.findActiveUser(gone.id)).toBeNull();
  });
});
