import { AxisSimulator, startAxisSimulator } from './support/axis-simulator';
import { query } from './support/db';
import { ExchangePair, Installation, issueToB, ORGAN_A, ORGAN_B, recipientOnA, startExchangePair } from './support/exchange-installations';
import { waitFor } from './support/processes';
import { loadRun } from './support/test-env';

/**
 * Per-agency axis accounts: no installation-wide EXCHANGE_AXIS_* anywhere; each agency is its own
 * system at the (simulated) axis, which lists to a system only what is addressed to its OrganIds and
 * takes a `sendEdoc` only from them. A sends with its own account; B holds two agencies (B and its
 * attached school D), each polled with its own account.
 */
const runA = loadRun();
const ORGAN_D = '000.00.47.K72';
const SYSTEMS = {
  a: { id: 'so-a', secret: 'secret-a-own', env: 'EXCHANGE_AXIS_SECRET_SO_A', organ: ORGAN_A },
  b: { id: 'so-b', secret: 'secret-b-own', env: 'EXCHANGE_AXIS_SECRET_SO_B', organ: ORGAN_B },
  d: { id: 'truong-d', secret: 'secret-d-own', env: 'EXCHANGE_AXIS_SECRET_TRUONG_D', organ: ORGAN_D },
};
const env = (...systems: (typeof SYSTEMS)[keyof typeof SYSTEMS][]) => ({
  ...Object.fromEntries(systems.map((s) => [s.env, s.secret])),
  EXCHANGE_AXIS_POLL_SECONDS: '1',
  EXCHANGE_AXIS_DIRECTORY_CRON: 'off',
});

describe('per-agency accounts at the national document axis (simulated)', () => {
  let axis: AxisSimulator;
  let pair: ExchangePair;
  let a: Installation;
  let b: Installation;
  let people: ExchangePair['people'];
  const account = (s: (typeof SYSTEMS)[keyof typeof SYSTEMS]) => ({ url: axis.url, systemId: s.id, secretEnv: s.env });

  beforeAll(async () => {
    axis = await startAxisSimulator();
    for (const s of Object.values(SYSTEMS)) axis.addSystem(s.id, s.secret, [s.organ]);
    pair = await startExchangePair(runA, 'axis_accounts_b', {}, { via: 'axis', envA: env(SYSTEMS.a), envB: env(SYSTEMS.b, SYSTEMS.d) });
    ({ a, b, people } = pair);
    // D: B's attached school, an agency of its own with its OrganId; A's directory reaches it through the axis.
    expect((await people.adminB.patch(`/api/v1/units/${b.org.school.id}`, { organId: ORGAN_D })).status).toBe(200);
    expect((await people.adminA.post('/api/v1/agencies', { organId: ORGAN_D, name: b.org.school.name, endpointKind: 'axis' })).status).toBe(201);
  });

  afterAll(async () => {
    await pair?.stop();
    await axis?.close();
  });

  it('an administrator sets each agency\'s account; a secret named outside EXCHANGE_AXIS_SECRET_<NAME> or not set is refused, and nothing is stored', async () => {
    const path = `/api/v1/units/${b.org.school.id}/axis-account`;
    const outside = await people.adminB.put(path, { ...account(SYSTEMS.d), secretEnv: 'JWT_SECRET' });
    expect(outside.status).toBe(400);
    expect(outside.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: [expect.objectContaining({ field: 'secretEnv' })] });
    const unset = await people.adminB.put(path, { ...account(SYSTEMS.d), secretEnv: 'EXCHANGE_AXIS_SECRET_TRUONG_X' });
    expect(unset.status).toBe(422);
    expect(unset.body.code).toBe('AXIS_SECRET_ENV_NOT_SET');
    expect((await people.adminB.put(path, { ...account(SYSTEMS.d), url: 'ftp://axis' })).status).toBe(400);
    expect((await people.clerkB.put(path, account(SYSTEMS.d))).status).toBe(403);
    expect((await people.adminB.put(`/api/v1/units/${b.org.teaching.id}/axis-account`, account(SYSTEMS.d))).status).toBe(404);
    const noOrganId = await people.adminA.put(`/api/v1/units/${a.org.school.id}/axis-account`, account(SYSTEMS.a));
    expect(noOrganId.status).toBe(409);
    expect(noOrganId.body.code).toBe('AXIS_AGENCY_WITHOUT_ORGAN_ID');
    expect((await people.adminB.get(path)).status).toBe(404);
    const [stored] = await query(b.run.databaseUrl, `SELECT (SELECT count(*) FROM axis_account)::int AS accounts, (SELECT count(*) FROM audit_event WHERE action LIKE 'axis_account.%')::int AS audits`);
    expect(stored).toEqual({ accounts: 0, audits: 0 });

    for (const [admin, unitId, s] of [[people.adminA, a.org.agency.id, SYSTEMS.a], [people.adminB, b.org.agency.id, SYSTEMS.b], [people.adminB, b.org.school.id, SYSTEMS.d]] as const) {
      const set = await admin.put(`/api/v1/units/${unitId}/axis-account`, account(s));
      expect(set.status).toBe(200);
      expect(set.body).toMatchObject({ agencyId: unitId, organId: s.organ, url: axis.url, systemId: s.id, secretEnv: s.env });
    }
    expect((await people.adminB.get(path)).body).toMatchObject({ organId: ORGAN_D, systemId: SYSTEMS.d.id });
    const audits = await query(b.run.databaseUrl, `SELECT entity_id, data FROM audit_event WHERE action = 'axis_account.set' ORDER BY id`);
    expect(audits.map((r) => r.entity_id)).toEqual([b.org.agency.id, b.org.school.id]);
    // The name of the variable is audited, never the secret.
    expect(JSON.stringify(audits)).not.toContain(SYSTEMS.d.secret);
  });

  it('A sends with its own account; B and D each receive only their own package, through their own accounts', async () => {
    const toB = await issueToB(pair, 'Công văn gửi Sở B qua tài khoản trục riêng');
    const toD = await issueToB(pair, 'Công văn gửi Trường D qua tài khoản trục riêng', { recipients: { unitIds: [], external: [], agencies: [{ organId: ORGAN_D }] } });
    for (const doc of [toB, toD]) expect((await people.clerkA.post(`/api/v1/outgoing/${doc.id}/dispatch`)).status).toBe(200);

    const delivered = await pair.explained(waitFor(async () => {
      const edocs = axis.files().filter((f) => f.messageType === 'edoc');
      return edocs.length === 2 && edocs.every((f) => Object.values(f.delivery).every((d) => d === 'done')) ? edocs : undefined;
    }, 'B and D to take and acknowledge their packages'));
    const fileTo = (organId: string) => delivered.find((f) => f.to.includes(organId))!;
    expect([fileTo(ORGAN_B), fileTo(ORGAN_D)]).toEqual([expect.objectContaining({ from: ORGAN_A, to: [ORGAN_B] }), expect.objectContaining({ from: ORGAN_A, to: [ORGAN_D] })]);
    // Who asked the axis for what: every send was A's own system; each package was fetched by its recipient's system only.
    const callers = (operation: string, docId?: string) =>
      [...new Set(axis.calls.filter((c) => c.operation === operation && c.status === 200 && (!docId || c.docId === docId)).map((c) => c.systemId))].sort();
    expect(callers('sendEdoc')).toContain(SYSTEMS.a.id);
    expect(callers('getReceivedEdocList')).toEqual([SYSTEMS.a.id, SYSTEMS.d.id, SYSTEMS.b.id].sort());
    expect(callers('getEdoc', fileTo(ORGAN_B).docId)).toEqual([SYSTEMS.b.id]);
    expect(callers('getEdoc', fileTo(ORGAN_D).docId)).toEqual([SYSTEMS.d.id]);
    expect(axis.calls.filter((c) => c.status === 401)).toEqual([]);

    const items = await query(b.run.databaseUrl, `SELECT agency_id, proposal->>'subject' AS subject FROM intake_item WHERE channel = 'edxml' ORDER BY agency_id = $1`, [b.org.school.id]);
    expect(items).toEqual([{ agency_id: b.org.agency.id, subject: toB.subject }, { agency_id: b.org.school.id, subject: toD.subject }]);
    // B's 01 goes back through B's own system.
    await recipientOnA(pair, toB.id, (r) => r.exchangeStatus === '01', 'status 01 from B through its own account');
    expect(axis.files().filter((f) => f.messageType === 'status' && f.from === ORGAN_B).length).toBeGreaterThan(0);
  });

  it('an administrator clears an account (audited), once', async () => {
    const path = `/api/v1/units/${b.org.school.id}/axis-account`;
    expect((await people.adminB.request('DELETE', path)).status).toBe(204);
    expect((await people.adminB.get(path)).status).toBe(404);
    expect((await people.adminB.request('DELETE', path)).status).toBe(404);
    const [cleared] = await query(b.run.databaseUrl, `SELECT data FROM audit_event WHERE action = 'axis_account.cleared' AND entity_id = $1`, [b.org.school.id]);
    expect(cleared.data).toEqual({ url: axis.url, systemId: SYSTEMS.d.id });
  });
});
