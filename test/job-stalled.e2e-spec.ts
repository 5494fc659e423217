import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { query } from './support/db';
import { filePart } from './support/documents';
import { Client } from './support/http';
import { createUnit, expectOk, hireActivePerson } from './support/accounts';
import { htmlToPdf, scanPages, workDir } from './support/office-files';
import { Api, RunningProcess, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { loadRun } from './support/test-env';

const run = loadRun();
const org = ownOrganisation(run);
// A short lock and a frequent stall check, so a dead worker's job is found stalled in seconds.
const env = { QUEUE_PREFIX: `${run.queuePrefix}_stalled`, JOB_LOCK_SECONDS: '3', JOB_STALLED_CHECK_SECONDS: '1' };
const PAGES = Array.from({ length: 6 }, (_, i) => `Trang ${i + 1}: Báo cáo tổng kết năm học, phụ lục số liệu trường ${i + 1}`);

/** A crash, not a shutdown: the worker and the OCR tools it started are killed at once. */
function crash(worker: RunningProcess): Promise<unknown> {
  const pid = worker.child.pid;
  if (pid) {
    const children = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
      .split('\n')
      .map((line) => line.trim().split(/\s+/))
      .filter(([, ppid]) => ppid === String(pid))
      .map(([child]) => child);
    worker.child.kill('SIGKILL');
    for (const child of children) {
      try {
        process.kill(Number(child), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  return worker.exited;
}

describe('a job whose worker dies in it twice ends failed with JOB_STALLED, not running forever', () => {
  const dir = workDir('stalled');
  let api: Api;
  let clerk: Client;
  const workers: RunningProcess[] = [];
  let pages: Buffer[];

  beforeAll(async () => {
    pages = scanPages(htmlToPdf(dir, 'bao-cao', PAGES), dir, 'png', 300);
    api = await startApi(run, env);
    const admin = await org.signIn(api.url, 'admin');
    const agency = org.agency;
    const office = await createUnit(admin, { parentId: agency.id, name: 'Văn thư Kiểm thử treo' });
    clerk = (await hireActivePerson(admin, { unitId: office.id, roles: ['clerk'] })).client;
  });
  afterAll(async () => {
    for (const worker of workers) await worker.stop('SIGKILL');
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const runRow = async (id: string) => (await query(run.databaseUrl, 'SELECT state, attempts FROM job_run WHERE id = $1', [id]))[0];
  const running = (id: string, attempts: number) =>
    waitFor(async () => {
      const row = await runRow(id);
      if (row.state === 'running' && row.attempts === attempts) return row;
      throw new Error(`the run is ${row.state} after ${row.attempts} attempt(s); worker: ${workers.at(-1)?.output().slice(-2000)}`);
    }, `the scan job's attempt ${attempts} to run`);
  const newWorker = () => {
    const worker = startWorker(run, env);
    workers.push(worker);
    return worker;
  };

  it('fails the scan job with JOB_STALLED after its second crash, audited, visible at GET /jobs/:id', async () => {
    const form = new FormData();
    pages.forEach((page, i) => filePart(form, 'file', page, `trang-${i + 1}.png`, 'image/png'));
    const { jobId } = await expectOk(clerk.post('/api/v1/scans', form), 202);

    const first = newWorker();
    await running(jobId, 1);
    await crash(first);
    // The second worker finds the job stalled (its lock ran out), runs it again, and dies too.
    const second = newWorker();
    await running(jobId, 2);
    await crash(second);
    newWorker();

    const failed = await waitFor(async () => {
      const res = await clerk.get(`/api/v1/jobs/${jobId}`);
      return res.body.state === 'running' || res.body.state === 'queued' ? undefined : res.body;
    }, 'the stalled job to end');
    expect(failed).toMatchObject({ id: jobId, state: 'failed', error: { code: 'JOB_STALLED' } });
    expect(failed.error!.message).toMatch(/dừng/);
    expect(failed.finishedAt).toBeTruthy();
    expect((await runRow(jobId)).attempts).toBe(2);
    const audit = await query(run.databaseUrl, "SELECT data FROM audit_event WHERE entity_type = 'job_run' AND entity_id = $1 AND action = 'job.failed'", [jobId]);
    expect(audit).toHaveLength(1);
    expect(audit[0].data.error.code).toBe('JOB_STALLED');
  });
});
