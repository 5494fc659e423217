import { query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { Client } from './support/http';
import { Api, startApi } from './support/processes';
import { createUnit, expectOk, hireActivePerson, Person, put, vnDate } from './support/accounts';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
/** This suite's own copy of the run's database (see support/accounts-run.ts). */
let run: E2eRun;
let isolated: IsolatedRun;

async function handled(person: Person): Promise<string[]> {
  return (await expectOk(person.client.get('/api/v1/me'))).handledUnitIds;
}

async function managed(person: Person): Promise<string[]> {
  return (await expectOk(person.client.get('/api/v1/me'))).managedUnitIds;
}

describe('accounts: unit heads and delegation of the unit inbox', () => {
  let api: Api;
  let admin: Client;
  let unit: { id: string; code: string };
  let other: { id: string };
  let head: Person;
  let member: Person;
  let colleague: Person;
  let outsider: Person;
  let stranger: Person;
  let school: { id: string };

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_delegation');
    run = isolated.run;
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    const agency = org.agency;
    unit = await createUnit(admin, { parentId: agency.id, name: 'Phòng Ủy quyền' });
    other = await createUnit(admin, { parentId: agency.id, name: 'Phòng Bên cạnh' });
    head = await hireActivePerson(admin, { unitId: unit.id, roles: ['leader'], position: 'Trưởng phòng' });
    member = await hireActivePerson(admin, { unitId: unit.id, roles: ['officer'] });
    colleague = await hireActivePerson(admin, { unitId: unit.id, roles: ['officer'] });
    outsider = await hireActivePerson(admin, { unitId: other.id, roles: ['leader'] });
    school = await createUnit(admin, { parentId: agency.id, kind: 'agency', name: 'Trường Ủy quyền' });
    stranger = await hireActivePerson(admin, { unitId: school.id, roles: ['officer'] });
    await expectOk(put(admin, `/api/v1/units/${unit.id}/head`, { userId: head.id }));
  });
  afterAll(async () => {
    await api?.stop();
    await isolated?.dispose();
  });

  const grant = (by: Client, body: object) => by.post(`/api/v1/units/${unit.id}/delegations`, body);

  it('lets the head delegate the inbox for a period; the delegate handles it only within that period', async () => {
    const now = await grant(head.client, { userId: outsider.id, from: vnDate(0), to: vnDate(3), note: 'Trưởng phòng đi công tác' });
    expect(now.status).toBe(201);
    expect(now.body).toMatchObject({ unitId: unit.id, userId: outsider.id, from: vnDate(0), to: vnDate(3), grantedBy: head.id, revokedAt: null });
    expect((await handled(outsider)).sort()).toEqual([unit.id, other.id].sort());

    // A member handles their unit anyway; delegated, they also manage it as the head would.
    expect(await managed(member)).toEqual([]);
    await expectOk(grant(head.client, { userId: member.id, from: vnDate(0), to: vnDate(0) }), 201);
    expect(await managed(member)).toEqual([unit.id]);
    const later = await expectOk(grant(head.client, { userId: colleague.id, from: vnDate(5), to: vnDate(7) }), 201);
    expect(await managed(colleague)).toEqual([]);
    expect(await managed(head)).toEqual([unit.id]);

    const [event] = await query(run.databaseUrl, "SELECT actor_id, data FROM audit_event WHERE action = 'unit.delegation_granted' AND data->>'delegationId' = $1", [later.id]);
    expect(event).toMatchObject({ actor_id: head.id, data: { delegateId: colleague.id, from: vnDate(5), to: vnDate(7) } });
  });

  it('refuses a delegate from another agency, the head, a bad or past period and an overlap, writing nothing', async () => {
    const [{ n: before }] = await query(run.databaseUrl, 'SELECT count(*)::int AS n FROM unit_delegation WHERE unit_id = $1', [unit.id]);
    const cases: [object, number, string][] = [
      [{ userId: stranger.id, from: vnDate(0), to: vnDate(1) }, 422, 'OUTSIDE_AGENCY'],
      [{ userId: head.id, from: vnDate(0), to: vnDate(1) }, 422, 'DELEGATE_IS_HEAD'],
      [{ userId: member.id, from: vnDate(2), to: vnDate(1) }, 400, 'VALIDATION_FAILED'],
      [{ userId: member.id, from: vnDate(-5), to: vnDate(-1) }, 400, 'VALIDATION_FAILED'],
      [{ userId: member.id, from: '2026-02-30', to: '2026-03-02' }, 400, 'VALIDATION_FAILED'],
      [{ userId: member.id, from: '3/2/2026', to: vnDate(1) }, 400, 'VALIDATION_FAILED'],
      [{ userId: outsider.id, from: vnDate(3), to: vnDate(4) }, 409, 'DELEGATION_OVERLAPS'],
      [{ userId: member.id, from: vnDate(10), to: vnDate(11), scope: 'all' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [body, status, code] of cases) {
      const res = await grant(head.client, body);
      expect({ body, status: res.status, code: res.body.code }).toEqual({ body, status, code });
    }
    const [{ n: after }] = await query(run.databaseUrl, 'SELECT count(*)::int AS n FROM unit_delegation WHERE unit_id = $1', [unit.id]);
    expect(after).toBe(before);
  });

  it('lets only the head or an administrator grant, list and revoke', async () => {
    expect((await grant(member.client, { userId: colleague.id, from: vnDate(20), to: vnDate(21) })).status).toBe(403);
    expect((await grant(outsider.client, { userId: colleague.id, from: vnDate(20), to: vnDate(21) })).status).toBe(403);
    expect((await member.client.get(`/api/v1/units/${unit.id}/delegations`)).status).toBe(403);
    const list = await expectOk(head.client.get(`/api/v1/units/${unit.id}/delegations`));
    expect(list).toMatchObject({ total: 3, page: 1 });
    expect(list.items.map((d: { userId: string }) => d.userId).sort()).toEqual([outsider.id, member.id, colleague.id].sort());
    expect((await expectOk(admin.get(`/api/v1/units/${unit.id}/delegations`))).total).toBe(3);
  });

  it('lets a head hold the post of another unit too (kiêm nhiệm) and handle both inboxes', async () => {
    await expectOk(put(admin, `/api/v1/units/${other.id}/head`, { userId: head.id }));
    expect((await handled(head)).sort()).toEqual([unit.id, other.id].sort());
    expect((await managed(head)).sort()).toEqual([unit.id, other.id].sort());
  });

  it('a new head inherits the inbox with its whole history, and the former head loses its management', async () => {
    const before = await expectOk(head.client.get(`/api/v1/units/${unit.id}/delegations`));
    const changed = await expectOk(put(admin, `/api/v1/units/${unit.id}/head`, { userId: outsider.id }));
    expect(changed).toMatchObject({ id: unit.id, headUserId: outsider.id });

    expect((await managed(outsider)).sort()).toEqual([unit.id]);
    const inherited = await expectOk(outsider.client.get(`/api/v1/units/${unit.id}/delegations`));
    expect(inherited.items.map((d: { id: string }) => d.id)).toEqual(before.items.map((d: { id: string }) => d.id));
    expect((await head.client.get(`/api/v1/units/${unit.id}/delegations`)).status).toBe(403);
    const [event] = await query(
      run.databaseUrl,
      "SELECT data FROM audit_event WHERE action = 'unit.head_changed' AND entity_id = $1 ORDER BY id DESC LIMIT 1",
      [unit.id],
    );
    expect(event.data).toEqual({ headUserId: outsider.id, previousHeadUserId: head.id });
  });

  it('revokes: the row stays, marked, and cannot be revoked twice', async () => {
    const { items } = await expectOk(outsider.client.get(`/api/v1/units/${unit.id}/delegations`));
    const current = items.find((d: { userId: string }) => d.userId === colleague.id);
    const revoked = await expectOk(outsider.client.post(`/api/v1/units/${unit.id}/delegations/${current!.id}/revoke`));
    expect(revoked).toMatchObject({ id: current!.id, revokedBy: outsider.id, revokedAt: expect.any(String) });
    const again = await outsider.client.post(`/api/v1/units/${unit.id}/delegations/${current!.id}/revoke`);
    expect([again.status, again.body.code]).toEqual([409, 'DELEGATION_REVOKED']);
    const elsewhere = await admin.post(`/api/v1/units/${other.id}/delegations/${current!.id}/revoke`);
    expect(elsewhere.status).toBe(404);
  });

  it('ends the delegations of a person who leaves the agency or is deactivated, not of one who moves inside it', async () => {
    const mover = await hireActivePerson(admin, { unitId: other.id, roles: ['officer'] });
    const leaver = await hireActivePerson(admin, { unitId: other.id, roles: ['officer'] });
    const retired = await hireActivePerson(admin, { unitId: other.id, roles: ['officer'] });
    const [a, b, c] = await Promise.all(
      [mover, leaver, retired].map((p) => expectOk(grant(admin, { userId: p.id, from: vnDate(0), to: vnDate(30) }), 201)),
    );
    await expectOk(admin.post(`/api/v1/users/${mover.id}/transfer`, { unitId: unit.id }));
    await expectOk(admin.post(`/api/v1/users/${leaver.id}/transfer`, { unitId: school.id }));
    await expectOk(admin.post(`/api/v1/users/${retired.id}/deactivate`, { reason: 'Nghỉ hưu' }));
    const rows = await query(run.databaseUrl, 'SELECT id, revoked_at FROM unit_delegation WHERE id = ANY($1)', [[a.id, b.id, c.id]]);
    const revoked = Object.fromEntries(rows.map((r) => [r.id, r.revoked_at !== null]));
    expect([revoked[a.id], revoked[b.id], revoked[c.id]]).toEqual([false, true, true]);
    expect(await handled(leaver)).toEqual([school.id]);
    const [event] = await query(run.databaseUrl, "SELECT data FROM audit_event WHERE action = 'user.transferred' AND entity_id = $1", [leaver.id]);
    expect(event.data.delegationsEnded).toEqual([b.id]);
  });

  it('leaves the post empty when the head is deactivated', async () => {
    await expectOk(admin.post(`/api/v1/users/${outsider.id}/deactivate`, { reason: 'Thôi việc' }));
    const units = await expectOk(admin.get('/api/v1/units'));
    const heads = units.items.filter((u: { id: string }) => [unit.id, other.id].includes(u.id)).map((u: { headUserId: string | null }) => u.headUserId);
    // `other` is still headed by the original head (kiêm nhiệm); `unit` lost its head.
    expect(heads.sort()).toEqual([head.id, null].sort());
    expect(await managed(head)).toEqual([other.id]);
    const refused = await put(admin, `/api/v1/units/${unit.id}/head`, { userId: outsider.id });
    expect([refused.status, refused.body.code]).toEqual([409, 'USER_INACTIVE']);
  });
});
