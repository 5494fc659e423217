import { crc32 } from 'node:zlib';
import { query } from './support/db';
import { filePart } from './support/documents';
import { Client } from './support/http';
import { createUnit, expectOk, hireActivePerson, put } from './support/accounts';
import { Api, freePort, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);

/** A PNG signature, header chunk, noise and an end chunk: a whole-looking PNG that cannot be decoded. */
function brokenPng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(800, 0);
  ihdr.writeUInt32BE(600, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const type = Buffer.from('IHDR');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(13);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([type, ihdr])));
  // Noise between a real header and a real end chunk: it passes the upload's checks (not cut off)
  // and only decoding in the worker finds it unreadable.
  const iend = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), length, type, ihdr, crc, Buffer.alloc(4000, 0x5a), iend]);
}

describe('operations view: queue dashboard, schedules, worker heartbeat, failed jobs and retry, job metrics', () => {
  let api: Api;
  let worker: RunningProcess;
  let metricsPort: number;
  let admin: Client;
  let clerk: Client;
  let env: Record<string, string>;

  beforeAll(async () => {
    metricsPort = await freePort();
    env = { QUEUE_PREFIX: `${run.queuePrefix}_ops`, WORKER_HEARTBEAT_SECONDS: '1', DASHBOARD_SESSION_SECONDS: '120' };
    api = await startApi(run, env);
    worker = startWorker(run, { ...env, WORKER_METRICS_PORT: String(metricsPort) });
    admin = await org.signIn(api.url, 'admin');
    const agency = org.agency;
    const office = await createUnit(admin, { parentId: agency.id, name: 'Văn thư Vận hành' });
    clerk = (await hireActivePerson(admin, { unitId: office.id, roles: ['clerk'] })).client;
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
  });

  const dashboard = (path = '', cookie?: string) => fetch(`${api.url}/api/v1/admin/queues${path}`, { headers: cookie ? { cookie } : {} });

  it('opens the queue dashboard only to an administrator, through a short-lived HttpOnly cookie', async () => {
    const anonymous = await dashboard();
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(((await anonymous.json()) as { code: string }).code).toBe('UNAUTHORIZED');
    expect((await dashboard('/api/queues')).status).toBe(401);
    // A bearer token is not a dashboard session, nor is a forged or foreign cookie.
    const withBearer = await fetch(`${api.url}/api/v1/admin/queues`, { headers: { authorization: `Bearer ${admin.accessToken}` } });
    expect(withBearer.status).toBe(401);
    expect((await dashboard('', 'eoffice_queues=someone.99999999999999.forged')).status).toBe(401);

    expect((await new Client(api.url).post('/api/v1/admin/queues/session')).status).toBe(401);
    const refused = await clerk.post('/api/v1/admin/queues/session');
    expect([refused.status, refused.body.code]).toEqual([403, 'FORBIDDEN']);

    const res = await fetch(`${api.url}/api/v1/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${admin.accessToken}` } });
    expect(res.status).toBe(201);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^eoffice_queues=[^;]+; Path=\/api\/v1\/admin\/queues; Max-Age=120; HttpOnly; SameSite=Strict/);
    const body = (await res.json()) as { expiresAt: string };
    expect(Date.parse(body.expiresAt) - Date.now()).toBeLessThanOrEqual(120_000);
    const cookie = setCookie.split(';')[0];

    const page = await dashboard('', cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const queues = await dashboard('/api/queues', cookie);
    expect(queues.status).toBe(200);
    const names = (((await queues.json()) as { queues: unknown[] }).queues as { name: string }[]).map((q) => q.name).sort();
    expect(names).toEqual(['conversion', 'dispatch', 'maintenance', 'notifications']);
  });

  it('re-checks the dashboard cookie against the account on every request: a demoted or disabled administrator loses it at once', async () => {
    const agency = org.agency;
    const cookieOf = async (client: Client) => {
      const res = await fetch(`${api.url}/api/v1/admin/queues/session`, { method: 'POST', headers: { authorization: `Bearer ${client.accessToken}` } });
      expect(res.status).toBe(201);
      return (res.headers.get('set-cookie') ?? '').split(';')[0];
    };
    const demoted = await hireActivePerson(admin, { unitId: agency.id, roles: ['admin'] });
    const disabled = await hireActivePerson(admin, { unitId: agency.id, roles: ['admin'] });
    const [demotedCookie, disabledCookie] = [await cookieOf(demoted.client), await cookieOf(disabled.client)];
    expect((await dashboard('/api/queues', demotedCookie)).status).toBe(200);
    expect((await dashboard('/api/queues', disabledCookie)).status).toBe(200);

    await expectOk(put(admin, `/api/v1/users/${demoted.id}/roles`, { roles: ['officer'] }));
    await expectOk(admin.post(`/api/v1/users/${disabled.id}/deactivate`, { reason: 'Nghỉ việc (kiểm thử bảng điều khiển)' }));
    for (const cookie of [demotedCookie, disabledCookie]) {
      const refused = await dashboard('/api/queues', cookie);
      expect(refused.status).toBe(401);
      expect(((await refused.json()) as { code: string }).code).toBe('UNAUTHORIZED');
      expect((await dashboard('', cookie)).status).toBe(401);
    }
  });

  it('lists every scheduled job with its cron and next run, and the worker as alive while it beats', async () => {
    const schedules = await waitFor(async () => {
      const res = await admin.get('/api/v1/admin/schedules');
      return res.status === 200 && res.body.worker.alive && res.body.items.length >= 3 ? res.body : undefined;
    }, 'the worker to beat and schedule its jobs');
    const reminders = schedules.items.find((s: { name: string }) => s.name === 'incoming-deadline-reminders');
    expect(reminders).toMatchObject({ queue: 'notifications', cron: '30 6 * * *', timeZone: 'Asia/Ho_Chi_Minh', lastRunAt: null, lastResult: null });
    expect(Date.parse(reminders!.nextRunAt!)).toBeGreaterThan(Date.now());
    expect(schedules.items.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['unused-account-report', 'certificate-expiry-reminders']));
    expect(schedules.worker.workers).toHaveLength(1);
    expect((await clerk.get('/api/v1/admin/schedules')).status).toBe(403);
  });

  it('lists a failed job with its reason, counts it in the worker metrics, and retries it (audited; only a failed one)', async () => {
    const form = new FormData();
    filePart(form, 'file', brokenPng(), 'hong.png', 'image/png');
    const { jobId } = await expectOk(clerk.post('/api/v1/scans', form), 202);
    const failedRun = await waitFor(async () => {
      const res = await clerk.get(`/api/v1/jobs/${jobId}`);
      return res.body.state === 'failed' ? res.body : undefined;
    }, 'the broken scan to fail');
    expect(failedRun.error!.code).toBe('SCAN_IMAGE_INVALID');

    const failed = await waitFor(async () => {
      const { body } = await admin.get('/api/v1/admin/jobs/failed');
      return body.items.find((j: { id: string }) => j.id === jobId);
    }, 'the job in the failed list');
    expect(failed).toMatchObject({ queue: 'conversion', name: 'scan-to-pdf', attempts: 1 });
    expect(failed.reason).toContain('SCAN_IMAGE_INVALID');
    expect(Date.parse(failed.failedAt!)).toBeLessThanOrEqual(Date.now());
    expect((await clerk.get('/api/v1/admin/jobs/failed')).status).toBe(403);

    const metrics = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
    expect(metrics).toMatch(/job_failures_total\{queue="conversion",name="scan-to-pdf",final="true",code="SCAN_IMAGE_INVALID"\} 1/);
    expect(metrics).toMatch(/job_duration_seconds_count\{queue="conversion",name="scan-to-pdf",outcome="failed"\} 1/);

    // With the worker stopped its heartbeat goes stale, and a retried job stays waiting.
    await worker.stop();
    const stale = await waitFor(async () => {
      const { body } = await admin.get('/api/v1/admin/schedules');
      return body.worker.alive ? undefined : body.worker;
    }, 'the heartbeat to go stale');
    expect(stale.lastBeatAt).not.toBeNull();
    expect(stale.workers).toEqual([]);

    const retried = await admin.post(`/api/v1/admin/jobs/conversion/${jobId}/retry`);
    expect(retried.status).toBe(202);
    expect(retried.body).toMatchObject({ queue: 'conversion', id: jobId, name: 'scan-to-pdf' });
    expect((await clerk.get(`/api/v1/jobs/${jobId}`)).body).toMatchObject({ state: 'queued', error: null });
    const audit = await query(run.databaseUrl, "SELECT actor_id, data FROM audit_event WHERE action = 'job.retried' AND entity_id = $1", [`conversion:${jobId}`]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data).toMatchObject({ queue: 'conversion', jobId, name: 'scan-to-pdf' });

    const again = await admin.post(`/api/v1/admin/jobs/conversion/${jobId}/retry`);
    expect([again.status, again.body.code]).toEqual([409, 'JOB_NOT_FAILED']);
    const unknown = await admin.post('/api/v1/admin/jobs/conversion/999999/retry');
    expect([unknown.status, unknown.body.code]).toEqual([404, 'NOT_FOUND']);
    const badQueue = await admin.post(`/api/v1/admin/jobs/nowhere/${jobId}/retry`);
    expect([badQueue.status, badQueue.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await query(run.databaseUrl, "SELECT 1 FROM audit_event WHERE action = 'job.retried' AND entity_id = $1", [`conversion:${jobId}`])).toHaveLength(1);

    // Back with a worker, the retried job runs again (and fails again, for the same reason).
    worker = startWorker(run, env);
    const rerun = await waitFor(async () => {
      const res = await clerk.get(`/api/v1/jobs/${jobId}`);
      return res.body.state === 'failed' ? res.body : undefined;
    }, 'the retried job to run');
    expect(rerun.error!.code).toBe('SCAN_IMAGE_INVALID');
  });
});
