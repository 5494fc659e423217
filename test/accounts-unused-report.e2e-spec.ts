import { query } from './support/db';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { Client } from './support/http';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { createUnit, expectOk, uniqueName } from './support/accounts';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const base = loadRun();
const org = ownOrganisation(base);
/** This suite's own copy of the run's database (see support/accounts-run.ts). */
let run: E2eRun;
let isolated: IsolatedRun;

/** the Bình Định e-mail rules (2014) Điều 5.2: unit accounts unused for six months are reported to the administrator, by the worker. */
describe('accounts: unused-account report', () => {
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'acc_unused');
    run = isolated.run;
    api = await startApi(run);
    worker = startWorker(run, { LOG_LEVEL: 'info' });
    admin = await org.signIn(api.url, 'admin');
  });
  afterAll(async () => {
    await api.stop();
    await worker.stop();
    await isolated?.dispose();
  });

  async function report(body?: object) {
    const requested = await expectOk(admin.post('/api/v1/admin/unused-account-reports', body), 202);
    expect(requested).toMatchObject({ status: 'queued', trigger: 'manual' });
    return waitFor(async () => {
      const res = await expectOk(admin.get(`/api/v1/admin/unused-account-reports/${requested.id}`));
      return ['completed', 'failed'].includes(res.status) ? res : undefined;
    }, 'the report to finish');
  }

  it('schedules the weekly report when the worker starts', async () => {
    await waitFor(async () => (worker.output().includes('Unused-account report scheduled') ? true : undefined), 'the schedule');
    expect(worker.output()).toContain('0 6 * * 1');
  });

  it('lists a unit nobody has used, with its mailbox, once it is old enough; not before', async () => {
    const agency = org.agency;
    const idle = await createUnit(admin, { parentId: agency.id, name: 'Phòng Không dùng' });
    const member = await expectOk(admin.post('/api/v1/users', { fullName: uniqueName(), unitId: idle.id, roles: ['officer'] }), 201);

    // Six months (the rule): everything here was created today, so nothing is due yet.
    const sixMonths = await report();
    expect(sixMonths).toMatchObject({ status: 'completed', months: 6 });
    expect(sixMonths.units.map((u: { unitId: string }) => u.unitId)).not.toContain(idle.id);
    expect(new Date(sixMonths.cutoff!).getTime()).toBeLessThan(Date.now() - 180 * 86_400_000);

    // With no grace at all, the unused unit and the unused account show up (the rule's edges are in unused-accounts.spec.ts).
    const now = await report({ months: 0 });
    expect(now.units).toContainEqual({
      unitId: idle.id,
      code: idle.code,
      name: 'Phòng Không dùng',
      email: idle.email,
      createdAt: expect.any(String),
      lastUsedAt: null,
      memberCount: 1,
    });
    expect(now.accounts.map((a: { userId: string }) => a.userId)).toContain(member.id);
    expect(now.unitCount).toBe(now.units.length);
    const [event] = await query(run.databaseUrl, "SELECT data FROM audit_event WHERE action = 'unused_account_report.completed' AND entity_id = $1", [now.id]);
    expect(event.data).toEqual({ unitCount: now.unitCount, accountCount: now.accountCount });
  });

  it('lists reports newest first, without their lists, and refuses a bad request', async () => {
    const list = await expectOk(admin.get('/api/v1/admin/unused-account-reports?pageSize=5'));
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect(list.items[0]).not.toHaveProperty('units');
    const times = list.items.map((r: { createdAt: string }) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
    const bad = await admin.post('/api/v1/admin/unused-account-reports', { months: 61 });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await admin.get('/api/v1/admin/unused-account-reports/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
