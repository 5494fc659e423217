import { execFileSync } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { query } from './support/db';
import { filePart, incomingMetadata, makePdf } from './support/documents';
import { Client, Reply } from './support/http';
import { scanPages, workDir } from './support/office-files';
import { createDraft, createTestPki, draftMetadata, OutgoingMetadata, OUTSIDE_RECIPIENT, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { API_MAIN, freePort, RunningProcess, scaledBudget, startProcess, startWorker, waitFor, waitForDrain } from './support/processes';
import { startSmtpSink, SmtpSink } from './support/smtp-sink';
import { startDocumentsContext } from './support/documents-context';
import { ownOrganisation, Who } from './support/organisation';
import { E2eRun, loadRun, processEnv } from './support/test-env';

/**
 * Chaos: the real API and worker are killed (SIGKILL, no shutdown hooks) at random moments while
 * clients drive the four flows at once — incoming registration with a scan, POST /scans with its
 * OCR job, outgoing issue (leader signature, then number and organisation seal) and dispatch
 * (internal copy + e-mail). Then, after a quiet period, the books must balance: no gap, no
 * duplicate, no record without its bytes, no blob left over once the orphan collector has run,
 * no job stuck, the audit chain intact. The moments are drawn from a seeded PRNG: a failure prints
 * its seed, and `CHAOS_SEED=<seed>` replays the same schedule (the machine's timing still varies).
 */
const org = ownOrganisation(loadRun());
const SEED = Number(process.env.CHAOS_SEED ?? randomInt(2 ** 31));
const KILLS = 22;
const QUEUES = ['maintenance', 'notifications', 'dispatch', 'conversion'];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
type Flow = 'registration' | 'scan' | 'issue' | 'dispatch';

/**
 * Sends again when the connection was gone before the request was written (EPIPE): sign-in may
 * wait for the next TOTP step, longer than the server keeps an idle connection, and fetch does not
 * retry a POST on a kept-alive connection the server closed meanwhile.
 */
async function again<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await send();
    } catch (error) {
      if (attempt >= 5 || !String(error).includes('fetch failed')) throw error;
    }
  }
}

/** SIGKILL the process and whatever tools it started (tesseract, pdftoppm): a crash, not a shutdown. */
function crash(proc: RunningProcess): Promise<unknown> {
  const pid = proc.child.pid;
  if (!pid || proc.child.exitCode !== null || proc.child.signalCode !== null) return Promise.resolve();
  const children = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid]) => ppid === String(pid))
    .map(([child]) => Number(child));
  proc.child.kill('SIGKILL');
  for (const child of children) {
    try {
      process.kill(child, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return proc.exited;
}

describe('chaos: the API and the worker killed at random during registration, scan, issue and dispatch', () => {
  const dir = workDir('chaos');
  let isolated: IsolatedRun;
  let run: E2eRun;
  let env: Record<string, string>;
  let smtp: SmtpSink;
  let port: number;
  let url: string;
  let api: RunningProcess | undefined;
  let worker: RunningProcess | undefined;
  const random = prng(SEED);
  const inFlight: Record<Flow, number> = { registration: 0, scan: 0, issue: 0, dispatch: 0 };
  const serverErrors: string[] = [];
  let stopping = false;

  async function launchApi(): Promise<void> {
    const proc = startProcess(API_MAIN, processEnv(run, { ...env, PORT: String(port) }));
    api = proc;
    await waitFor(
      async () => {
        if (proc.child.exitCode !== null) throw new Error(`API exited: ${proc.output().slice(-3000)}`);
        const res = await fetch(`${url}/health`);
        return res.ok ? true : undefined;
      },
      'the API to listen again',
      120_000,
    );
  }

  beforeAll(async () => {
    console.log(`chaos seed ${SEED} (replay: CHAOS_SEED=${SEED})`);
    isolated = await isolatedRun(loadRun(), 'chaos');
    run = isolated.run;
    smtp = await startSmtpSink();
    const pki = createTestPki();
    // A short lock and a frequent stall check: a killed worker's jobs are taken up again in seconds.
    env = {
      SIGNING_TRUST_ANCHORS: pki.anchorsFile,
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      JOB_LOCK_SECONDS: '10',
      JOB_STALLED_CHECK_SECONDS: '2',
      ORPHAN_COLLECTOR_CRON: 'off',
    };
    port = await freePort();
    url = `http://127.0.0.1:${port}`;
    await launchApi();
    worker = startWorker(run, env);
    const director = await again(() => org.signIn(url, 'director'));
    const admin = await again(() => org.signIn(url, 'admin'));
    expect((await again(() => uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage()))).status).toBe(201);
    expect((await again(() => uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage()))).status).toBe(201);
  }, scaledBudget(240_000));

  afterAll(async () => {
    if (worker) await worker.stop('SIGKILL');
    if (api) await api.stop('SIGKILL');
    await smtp?.close();
    await isolated?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  /**
   * One request, sent again until the API answers (it may be dead or starting): a client that lost
   * its connection does exactly this. A 5xx is recorded (the API must never answer one) and retried.
   */
  async function persist(flow: Flow, label: string, send: () => Promise<Reply>): Promise<Reply> {
    const deadline = Date.now() + scaledBudget(180_000);
    for (let attempt = 1; ; attempt += 1) {
      inFlight[flow] += 1;
      try {
        const res = await send();
        if (res.status < 500) return res;
        serverErrors.push(`${label}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
      } catch {
        // The connection died with the API: try again once it is back.
      } finally {
        inFlight[flow] -= 1;
      }
      if (Date.now() > deadline) throw new Error(`${label}: no answer after ${attempt} attempts`);
      await sleep(Math.min(2000, 100 * attempt));
    }
  }

  /** An outgoing step whose answer may be lost: it took effect if the timeline grew. */
  async function step(flow: Flow, actor: Client, reader: Client, id: string, action: string): Promise<void> {
    const timeline = async () => (await persist(flow, `GET outgoing ${id}`, () => reader.get(`/api/v1/outgoing/${id}`))).body.timeline.length as number;
    const before = await timeline();
    for (;;) {
      // Review steps take a comment; signing, issuing and dispatching take nothing.
      const body = action === 'submit' || action === 'approve' ? { comment: `${action} ok` } : action === 'sign' ? {} : undefined;
      const res = await persist(flow, `${action} ${id}`, () => actor.post(`/api/v1/outgoing/${id}/${action}`, body));
      if (res.status === 200) return;
      // A lost answer to the first attempt: the retry finds the step done (409 INVALID_TRANSITION).
      if ((await timeline()) > before) return;
      if (res.status !== 409) throw new Error(`${action} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
    }
  }

  it(`balances after ${KILLS} kills: no gap, no duplicate, no orphan, no job stuck, audit intact`, async () => {
    const sign = (who: Who) => again(() => org.signIn(url, who));
    const [clerk, officer, head, director, admin] = await Promise.all([sign('clerk'), sign('officer'), sign('head'), sign('director'), sign('admin')]);
    const base: OutgoingMetadata = await draftMetadata(org, {}, [OUTSIDE_RECIPIENT]);
    const pagePdf = join(dir, 'trang.pdf');
    writeFileSync(pagePdf, await makePdf('Ke hoach to chuc Hoi khoe Phu Dong cap tinh'));
    const [pageImage] = scanPages(pagePdf, dir, 'png', 100);
    const maxBefore = async (table: string, column: string) =>
      new Map(
        (await query(run.databaseUrl, `SELECT register_id, year, max(${column})::int AS max FROM ${table} WHERE ${column} IS NOT NULL GROUP BY 1, 2`)).map(
          (r) => [`${r.register_id}/${r.year}`, r.max as number],
        ),
      );
    const incomingBefore = await maxBefore('incoming_document', 'incoming_number');
    const outgoingBefore = await maxBefore('outgoing_document', 'outgoing_number');

    const registered = new Map<string, { id: string; number: number }>();
    const scanJobs: string[] = [];
    const issued: string[] = [];
    const dispatched: string[] = [];

    async function registrations(lane: number): Promise<void> {
      for (let i = 0; !stopping; i += 1) {
        const key = `chaos-${SEED}-${lane}-${i}`;
        // A retry sends the same request: the same metadata and the same scan bytes.
        // A text layer of a few lines: the registration's text job reads it instead of running OCR,
        // so the backlog after the chaos is the kills' doing, not tesseract's (the scans still OCR).
        const scan = await makePdf(`Cong van kiem thu su co ${key} ve viec to chuc hoi nghi`);
        const metadata = JSON.stringify(incomingMetadata({ sourceNumberSymbol: `${i + 1}/CHAOS-${lane}`, subject: `Kiểm thử sự cố ${key}` }));
        const res = await persist('registration', `register ${key}`, () => {
          const form = new FormData();
          form.append('metadata', metadata);
          filePart(form, 'scan', scan, 'scan.pdf');
          return clerk.post('/api/v1/incoming', form, { 'idempotency-key': key });
        });
        if (res.status !== 201) throw new Error(`register ${key}: ${res.status} ${JSON.stringify(res.body)}`);
        registered.set(key, { id: res.body.id, number: res.body.incomingNumber });
      }
    }

    async function scans(): Promise<void> {
      for (let i = 0; !stopping; i += 1) {
        // Every other scan is a page image (OCR), the others a PDF that has its text already.
        const part: [Buffer, string, string] = i % 2 ? [pageImage, 'trang.png', 'image/png'] : [await makePdf(`scan ${SEED} ${i}`), 'ban-quet.pdf', 'application/pdf'];
        const res = await persist('scan', `scan ${i}`, () => clerk.post('/api/v1/scans', filePart(new FormData(), 'file', ...part)));
        if (res.status !== 202) throw new Error(`scan ${i}: ${res.status} ${JSON.stringify(res.body)}`);
        scanJobs.push(res.body.jobId);
        // Paced by the worker: wait for this job (a while at most) before the next.
        const until = Date.now() + scaledBudget(20_000);
        while (!stopping && Date.now() < until) {
          const job = await persist('scan', `job ${res.body.jobId}`, () => clerk.get(`/api/v1/jobs/${res.body.jobId}`));
          if (job.body.state === 'completed' || job.body.state === 'failed') break;
          await sleep(500);
        }
      }
    }

    async function issuing(): Promise<void> {
      for (let i = 0; !stopping; i += 1) {
        // No Idempotency-Key on drafts: a lost answer leaves a draft nobody continues, which is harmless.
        const created = await persist('issue', `draft ${i}`, () => createDraft(officer, { ...base, subject: `Kiểm thử sự cố ${SEED} văn bản đi ${i}` }));
        if (created.status !== 201) throw new Error(`draft ${i}: ${created.status} ${JSON.stringify(created.body)}`);
        const id = created.body.id as string;
        for (const [actor, action] of [[officer, 'submit'], [head, 'approve'], [clerk, 'approve'], [director, 'approve'], [director, 'sign'], [clerk, 'issue']] as const) {
          await step('issue', actor, officer, id, action);
        }
        issued.push(id);
      }
    }

    async function dispatching(): Promise<void> {
      while (!stopping || issued.length > dispatched.length) {
        const id = issued[dispatched.length];
        if (!id) {
          await sleep(300);
          continue;
        }
        await step('dispatch', clerk, officer, id, 'dispatch');
        dispatched.push(id);
      }
    }

    const kills: string[] = [];
    async function chaos(): Promise<void> {
      for (let k = 0; k < KILLS && !stopping; k += 1) {
        // Not scaled by load: a moment, not a wait (the restarts wait as long as they need).
        await sleep(300 + random() * 2200);
        const target = random() < 0.55 ? 'api' : 'worker';
        const busy = (Object.keys(inFlight) as Flow[]).filter((flow) => inFlight[flow] > 0);
        kills.push(`${target} during ${busy.join('+') || 'nothing'}`);
        if (target === 'api') {
          await crash(api!);
          await launchApi();
        } else {
          await crash(worker!);
          worker = startWorker(run, env);
        }
      }
    }

    // A flow that fails stops everything: its error is the test's answer.
    const stopOnFailure = (flow: Promise<void>) => flow.catch((error: unknown) => ((stopping = true), Promise.reject(error)));
    const flows = Promise.all([registrations(0), registrations(1), scans(), issuing(), dispatching()].map(stopOnFailure));
    flows.catch(() => undefined); // awaited below, after the chaos loop
    await chaos();
    stopping = true;
    await flows;
    console.log(
      `chaos seed ${SEED}: ${kills.length} kills (${kills.join('; ')}); ${registered.size} registrations, ${scanJobs.length} scans, ${issued.length} issued, ${dispatched.length} dispatched`,
    );
    expect(kills.length).toBeGreaterThanOrEqual(20);
    expect(serverErrors).toEqual([]);
    // Every flow was interrupted at least once with a request of its own on the wire.
    for (const flow of ['registration', 'scan', 'issue'] as Flow[]) expect(kills.some((k) => k.includes(flow))).toBe(true);

    // Quiet period: the last worker takes up what its predecessors left and finishes it.
    await waitForDrain(
      async () => {
        const open = await query(
          run.databaseUrl,
          `SELECT id, name, state, attempts, started_at FROM job_run WHERE state NOT IN ('completed', 'failed')`,
        );
        const outbox = await query(run.databaseUrl, 'SELECT * FROM job_outbox');
        const pending = await pendingQueueJobs(run);
        return { left: open.length + outbox.length + pending.length, detail: JSON.stringify({ open, outbox, pending }).slice(0, 3000) };
      },
      'every job to end',
      60_000,
    );

    // Numbers: per register and year, those given during the chaos continue the series without gap or duplicate.
    const series = async (table: string, column: string, before: Map<string, number>) => {
      const rows = await query(run.databaseUrl, `SELECT register_id, year, ${column}::int AS n FROM ${table} WHERE ${column} IS NOT NULL ORDER BY 1, 2, 3`);
      const groups = new Map<string, number[]>();
      for (const r of rows) {
        const key = `${r.register_id}/${r.year}`;
        if (r.n > (before.get(key) ?? 0)) groups.set(key, [...(groups.get(key) ?? []), r.n]);
      }
      for (const [key, numbers] of groups) {
        const first = (before.get(key) ?? 0) + 1;
        expect({ key, numbers }).toEqual({ key, numbers: numbers.map((_, i) => first + i) });
      }
      return groups;
    };
    const incomingSeries = await series('incoming_document', 'incoming_number', incomingBefore);
    const outgoingSeries = await series('outgoing_document', 'outgoing_number', outgoingBefore);
    expect(incomingSeries.size).toBeGreaterThanOrEqual(1);
    expect(outgoingSeries.size).toBe(issued.length ? 1 : 0);

    // One document per Idempotency-Key, whatever the retries; the number the client got is its number.
    const keyed = await query(run.databaseUrl, `SELECT idempotency_key AS key, count(*)::int AS n, min(incoming_number) AS number FROM incoming_document WHERE idempotency_key LIKE $1 GROUP BY 1`, [`chaos-${SEED}-%`]);
    expect(keyed.filter((r) => r.n !== 1)).toEqual([]);
    expect(keyed.length).toBe(registered.size);
    for (const r of keyed) expect(registered.get(r.key)?.number).toBe(r.number);
    // Every issued document was dispatched once: one incoming copy per internal recipient.
    const copies = await query(run.databaseUrl, `SELECT source_outgoing_id AS id, count(*)::int AS n FROM incoming_document WHERE source_outgoing_id = ANY($1) GROUP BY 1`, [dispatched]);
    expect(copies.filter((c) => c.n !== 1)).toEqual([]);
    expect(copies.length).toBe(dispatched.length);

    // Jobs: every run ended; a failed one says why. The outbox is empty; BullMQ holds nothing unfinished.
    const failedWithoutReason = await query(run.databaseUrl, `SELECT id, name FROM job_run WHERE state = 'failed' AND (error IS NULL OR error->>'code' IS NULL)`);
    expect(failedWithoutReason).toEqual([]);
    const scanStates = await query(run.databaseUrl, `SELECT state, error->>'code' AS code, count(*)::int AS n FROM job_run WHERE id = ANY($1) GROUP BY 1, 2`, [scanJobs]);
    console.log(`scan jobs: ${JSON.stringify(scanStates)}`);
    for (const queueName of QUEUES) {
      const queue = new Queue(queueName, { connection: { url: run.redisUrl }, prefix: run.queuePrefix });
      try {
        for (const job of await queue.getFailed(0, -1)) expect({ id: job.id, reason: job.failedReason || null }).toEqual({ id: job.id, reason: expect.any(String) });
      } finally {
        await queue.close();
      }
    }

    // Files: no record without its blob, and every stored file passes fixity.
    const store = run.fileStoreDir;
    const records = await query(run.databaseUrl, 'SELECT storage_key, sha256 FROM stored_file');
    expect(records.filter((f) => !existsSync(join(store, f.storage_key))).map((f) => f.storage_key)).toEqual([]);
    const check = await persist('registration', 'fixity', () => admin.post('/api/v1/admin/fixity-checks'));
    const fixity = await waitFor(async () => {
      const res = await admin.get(`/api/v1/admin/fixity-checks/${check.body.id}`);
      return res.body.status === 'completed' || res.body.status === 'failed' ? res.body : undefined;
    }, 'the fixity check', 120_000);
    expect(fixity).toMatchObject({ status: 'completed', mismatchCount: 0 });
    expect(fixity.filesChecked).toBe(records.length);
    const scanBlobs = await query(run.databaseUrl, `SELECT f.storage_key, f.sha256 FROM incoming_document d JOIN stored_file f ON f.id = d.scan_file_id WHERE d.idempotency_key LIKE $1`, [`chaos-${SEED}-%`]);
    expect(scanBlobs.length).toBe(registered.size);

    // Orphans: blobs no record names are only the leftovers of killed or refused requests. The
    // collector (grace 0, the system quiet) removes them; then none is left, and no temp file either.
    const referenced = new Set(records.map((f) => f.storage_key as string));
    const unrecorded = () => blobKeys(store).filter((key) => !referenced.has(key));
    console.log(`unrecorded blobs before the collector: ${unrecorded().length}; temp files: ${tempFiles(store).length}`);
    const context = await startDocumentsContext(run, { ORPHAN_GRACE_HOURS: '0' });
    try {
      await context.context.get(context.documents.OrphanCollectorService).collect();
    } finally {
      await context.close();
    }
    expect(unrecorded()).toEqual([]);
    // Upload temp files of killed API processes (seed 1245255992 left 4; nothing removed them before).
    expect(tempFiles(store)).toEqual([]);
    expect(records.filter((f) => sha256Of(store, f.storage_key) !== f.sha256)).toEqual([]);

    const verify = await persist('registration', 'audit verify', () => admin.get('/api/v1/audit/verify'));
    expect(verify.body).toMatchObject({ intact: true });
  }, scaledBudget(420_000));
});

/** Queue jobs not finished: waiting, active, delayed (except the schedulers' next runs), and the like. */
async function pendingQueueJobs(run: E2eRun): Promise<string[]> {
  const pending: string[] = [];
  for (const name of QUEUES) {
    const queue = new Queue(name, { connection: { url: run.redisUrl }, prefix: run.queuePrefix });
    try {
      const jobs = await queue.getJobs(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);
      for (const job of jobs) if (job && !job.repeatJobKey) pending.push(`${name}/${job.id} ${job.name} ${await job.getState()} attempts=${job.attemptsMade}`);
    } finally {
      await queue.close();
    }
  }
  return pending;
}

function blobKeys(store: string): string[] {
  const root = join(store, 'sha256');
  const list = (d: string) => (existsSync(d) ? readdirSync(d) : []);
  return list(root).flatMap((a) => list(join(root, a)).flatMap((b) => list(join(root, a, b)).map((name) => `sha256/${a}/${b}/${name}`)));
}

function tempFiles(store: string): string[] {
  const tmp = join(store, 'tmp');
  return existsSync(tmp) ? readdirSync(tmp) : [];
}

function sha256Of(store: string, key: string): string {
  return sha256(execFileSync('cat', [join(store, key)]));
}
