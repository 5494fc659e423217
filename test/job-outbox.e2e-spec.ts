import { Queue } from 'bullmq';
import { query } from './support/db';
import { Client } from './support/http';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun } from './support/test-env';

const baseRun = loadRun();
const org = ownOrganisation(baseRun);
/** A database and queue prefix of its own: the jobs counted here are this suite's only. */
let isolated: IsolatedRun;
let run: E2eRun;

describe('jobs go through the outbox: written with their change, relayed to the queue', () => {
  let api: Api;
  let worker: RunningProcess | undefined;
  let admin: Client;
  let maintenance: Queue;

  beforeAll(async () => {
    isolated = await isolatedRun(baseRun, 'outbox');
    run = isolated.run;
    api = await startApi(run);
    admin = await org.signIn(api.url, 'admin');
    maintenance = new Queue('maintenance', { connection: { url: run.redisUrl }, prefix: run.queuePrefix });
  });
  afterAll(async () => {
    await maintenance?.close();
    await worker?.stop();
    await api?.stop();
    await isolated?.dispose();
  });

  it('queues the job of a committed change under its outbox id', async () => {
    const requested = await admin.post('/api/v1/admin/fixity-checks');
    expect(requested.status).toBe(202);
    // No worker runs yet: the job waits in the queue, relayed from the outbox by the API itself.
    const job = await waitFor(async () => {
      const jobs = await maintenance.getJobs(['waiting', 'prioritized']);
      return jobs.find((j) => j.data.fixityCheckId === requested.body.id);
    }, 'the fixity job in the queue');
    expect(job.id).toMatch(/^outbox-\d+$/);
    const [row] = await query(run.databaseUrl, `SELECT count(*)::int AS n FROM job_outbox WHERE payload->>'fixityCheckId' = $1`, [requested.body.id]);
    expect(row.n).toBe(0);
  });

  it('relays, from the worker, every job left in the outbox (Redis could not be reached, a process died)', async () => {
    const [left] = await query(
      run.databaseUrl,
      `INSERT INTO job_outbox (name, payload, last_error) VALUES ('fixity-check', '{}', 'connect ECONNREFUSED 127.0.0.1:6379') RETURNING id`,
    );
    worker = startWorker(run, { OUTBOX_POLL_SECONDS: '1' });
    // The job without an id opens a scheduled check itself; it runs only if the worker relayed it.
    await waitFor(async () => {
      const [row] = await query(run.databaseUrl, `SELECT status FROM fixity_check WHERE trigger = 'schedule'`);
      return row?.status === 'completed' ? true : undefined;
    }, 'the relayed fixity check to complete');
    // Rows other suites' processes left behind may still be leased to them; this one is gone.
    expect(await query(run.databaseUrl, 'SELECT id FROM job_outbox WHERE id = $1', [left.id])).toEqual([]);
  });
});
