// Registration throughput (issue 13 item 10): POST /incoming registrations per second at 1, 4 and
// 16 concurrent clerks with the worker running, p50/p95, SQL statements and API CPU per
// registration, beside a PostgreSQL floor measured in the same run.
//
//   npm run -s build
//   npm run bench:registration [-- --registrations=400 --levels=1,4,16 --floor-seconds=8]
//
// A throwaway installation (bench/support/installation.ts): its own database, queue prefix and file
// directory, removed at the end (also on failure or Ctrl-C). The API and the worker are the built
// ones (dist/), each with bench/registration/count-sql.cjs preloaded to count its SQL statements.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { startProcess } from '../../test/support/processes';
import { perfRecord } from './perf-record';
import {
  Api, createInstallation, DEMO_PASSWORD, Installation, log, onCleanup, option, percentile, ROOT, runBench, startApi, WORKER_MAIN,
} from '../support/installation';

const OPT = {
  levels: option('levels', '1,4,16').split(',').map(Number),
  /** Registrations measured at each level (after a warm-up that is not counted). */
  registrations: option('registrations', 400),
  floorSeconds: option('floor-seconds', 8),
  worker: option('worker', 'true') !== 'false',
  keep: option('keep', 'false') === 'true',
  /** A directory: the API's V8 CPU profile of each level is written there (count-sql.cjs). */
  cpuProfile: option('cpu-profile', ''),
  /** More Node.js options for the API and the worker (e.g. --perf-basic-prof, to profile them with perf). */
  nodeOptions: option('node-options', ''),
  /** A directory: `perf record` of the API, the worker and the PostgreSQL backends during each level (perf-record.ts). */
  perf: option('perf', ''),
};
const CLERKS = Math.max(...OPT.levels);
const TZ = 'Asia/Ho_Chi_Minh';
const COUNT_SQL = join(ROOT, 'bench/registration/count-sql.cjs');
/** The API's and worker's: the statement counter, and JavaScript frames named for perf (/tmp/perf-<pid>.map) with --perf. */
const NODE_OPTIONS = [`--require ${COUNT_SQL}`, OPT.perf ? '--perf-basic-prof' : '', OPT.nodeOptions].filter(Boolean).join(' ');

// ---------------------------------------------------------------------------------------------
// Counting SQL statements and CPU in the API and worker processes
// ---------------------------------------------------------------------------------------------

interface Counts {
  total: number;
  byKind: Record<string, number>;
  cpuMs: number;
}

interface Counted {
  pid: number;
  file: string;
}

/** Asks the process (SIGWINCH, see count-sql.cjs) for its counts so far. */
async function readCounts(proc: Counted): Promise<Counts> {
  rmSync(proc.file, { force: true });
  process.kill(proc.pid, 'SIGWINCH');
  const deadline = Date.now() + 10_000;
  while (!existsSync(proc.file)) {
    if (Date.now() > deadline) throw new Error(`no SQL counts from pid ${proc.pid}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return JSON.parse(readFileSync(proc.file, 'utf8')) as Counts;
}

/**
 * CPU time (ms) of a process from /proc/<pid>/stat: its own (utime + stime) and that of the children
 * it waited for (cutime + cstime: the worker's pdfinfo/pdftotext). Unlike rates, CPU per registration
 * barely moves when other work loads the machine.
 */
function procCpu(pid: number): { own: number; children: number } {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ').map(Number); // f[0] is field 3 (state)
    return { own: ((f[11] + f[12]) * 1000) / TICKS, children: ((f[13] + f[14]) * 1000) / TICKS };
  } catch {
    return { own: 0, children: 0 }; // the process ended between listing and reading
  }
}
const TICKS = 100; // USER_HZ (getconf CLK_TCK) on Linux

/** The PostgreSQL backends connected to the bench's database (the pools of API and worker). */
async function backendPids(db: PgClient): Promise<number[]> {
  const { rows } = await db.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
  return rows.map((r: { pid: number }) => r.pid);
}

/** PostgreSQL's CPU on the bench's database: its backends' own CPU. */
async function postgresCpu(db: PgClient): Promise<{ ms: number; backends: number }> {
  const pids = await backendPids(db);
  return { ms: pids.reduce((sum, pid) => sum + procCpu(pid).own, 0), backends: pids.length };
}

/** PostgreSQL's whole server (every database, background writers included): what other work adds. */
function postgresServerCpu(): number {
  let ms = 0;
  for (const pid of readdirSync('/proc').filter((n) => /^\d+$/.test(n))) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'postgres') ms += procCpu(Number(pid)).own;
    } catch {
      // ended meanwhile
    }
  }
  return ms;
}

/** perf record (--perf) of the API, the worker and the bench database's backends. */
async function recordLevel(db: PgClient, name: string, apiPid: number, workerPid: number | null) {
  const processes: Record<number, string> = { [apiPid]: 'API', ...(workerPid ? { [workerPid]: 'worker' } : {}) };
  for (const pid of await backendPids(db)) processes[pid] = 'postgres backends';
  return perfRecord(OPT.perf, name, processes);
}

interface CpuSnapshot {
  api: number;
  worker: number;
  workerChildren: number;
  postgres: number;
  postgresServer: number;
}

async function cpuSnapshot(db: PgClient, apiPid: number, workerPid: number | null): Promise<CpuSnapshot> {
  const api = procCpu(apiPid);
  const worker = workerPid ? procCpu(workerPid) : { own: 0, children: 0 };
  return { api: api.own, worker: worker.own, workerChildren: worker.children, postgres: (await postgresCpu(db)).ms, postgresServer: postgresServerCpu() };
}

function cpuDifference(after: CpuSnapshot, before: CpuSnapshot, n: number): CpuSnapshot {
  const per = (k: keyof CpuSnapshot) => (after[k] - before[k]) / n;
  return { api: per('api'), worker: per('worker'), workerChildren: per('workerChildren'), postgres: per('postgres'), postgresServer: per('postgresServer') };
}

function difference(after: Counts, before: Counts): Counts {
  const byKind: Record<string, number> = {};
  for (const [kind, n] of Object.entries(after.byKind)) {
    const d = n - (before.byKind[kind] ?? 0);
    if (d > 0) byKind[kind] = d;
  }
  return { total: after.total - before.total, byKind, cpuMs: after.cpuMs - before.cpuMs };
}

// ---------------------------------------------------------------------------------------------
// The installation: clerks, worker
// ---------------------------------------------------------------------------------------------

/** `n` clerks of the demo agency's office, copies of the demo clerk bangnv (same unit, role, password). */
async function addClerks(db: PgClient, n: number): Promise<string[]> {
  const { rows } = await db.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'app_user' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  const columns = rows.map((r: { column_name: string }) => r.column_name);
  const replaced: Record<string, string> = { id: 'gen_random_uuid()', username: '$1::text', full_name: `'Văn thư ' || $1::text`, email: `$1::text || '@bench.invalid'` };
  const select = columns.map((c) => replaced[c] ?? c).join(', ');
  const usernames = Array.from({ length: n }, (_, i) => `benchclerk${String(i + 1).padStart(2, '0')}`);
  for (const username of usernames) {
    await db.query(`INSERT INTO app_user (${columns.join(', ')}) SELECT ${select} FROM app_user WHERE username = 'bangnv'`, [username]);
  }
  return usernames;
}

function startCountedWorker(inst: Installation): Counted & { stop: () => Promise<unknown> } {
  const file = join(inst.workDir, 'sql-worker.json');
  const profiling = OPT.cpuProfile ? { BENCH_CPU_PROFILE_DIR: OPT.cpuProfile } : {};
  const worker = startProcess(WORKER_MAIN, { ...inst.env, NODE_OPTIONS: NODE_OPTIONS, BENCH_SQL_COUNT_FILE: file, ...profiling });
  onCleanup('worker process', () => worker.stop());
  return { pid: worker.child.pid!, file, stop: () => worker.stop() };
}

/** The queues a registration puts work on (maintenance only holds the schedules' delayed jobs). */
const DRAINED_QUEUES = ['conversion', 'notifications', 'dispatch'];

/**
 * Until the worker has extracted the text of every registered document **and** finished every job
 * the registrations queued (or `budgetMs` passed): a job that found its work already done by another
 * (text extraction in batches) still costs the worker CPU, which belongs to the level.
 */
async function drained(db: PgClient, queues: Queue[], budgetMs: number): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM incoming_document WHERE text_extracted_at IS NULL`);
    let jobs = 0;
    for (const q of queues) {
      const counts = await q.getJobCounts('wait', 'active', 'prioritized');
      jobs += Object.values(counts).reduce((a, b) => a + b, 0);
    }
    if (rows[0].n === 0 && jobs === 0) return Date.now() - t0;
    if (Date.now() - t0 > budgetMs) throw new Error(`the worker left ${rows[0].n} scans unread and ${jobs} jobs unfinished after ${budgetMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

function openQueues(inst: Installation): Queue[] {
  const connection = { url: String(inst.env.REDIS_URL) };
  const queues = DRAINED_QUEUES.map((name) => new Queue(name, { connection, prefix: inst.queuePrefix }));
  onCleanup('queue connections', () => Promise.all(queues.map((q) => q.close())));
  return queues;
}

// ---------------------------------------------------------------------------------------------
// The floor: what PostgreSQL alone does for the same transaction shape
// ---------------------------------------------------------------------------------------------

/**
 * A copy of incoming_document with its indexes (LIKE … INCLUDING ALL: the unique number, the
 * trigram search index, the generated search column) and a counter row of its own. One floor
 * transaction: BEGIN; take the counter (UPDATE … RETURNING); INSERT a registered row's copy; COMMIT.
 */
async function prepareFloor(db: PgClient): Promise<{ columns: string[]; template: Record<string, unknown> }> {
  await db.query(`CREATE TABLE bench_floor_document (LIKE incoming_document INCLUDING ALL)`);
  await db.query(`CREATE TABLE bench_floor_counter (LIKE register_counter INCLUDING ALL)`);
  const { rows } = await db.query(`SELECT to_jsonb(d) AS row FROM incoming_document d ORDER BY created_at DESC LIMIT 1`);
  const template = rows[0].row as Record<string, unknown>;
  await db.query(`INSERT INTO bench_floor_counter (register_id, year, last_number) VALUES ($1, $2, 0)`, [template.register_id, template.year]);
  const cols = await db.query(
    `SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name = 'bench_floor_document' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
  );
  return { columns: cols.rows.map((r: { column_name: string }) => r.column_name), template };
}

async function floor(inst: Installation, shape: { columns: string[]; template: Record<string, unknown> }, clients: number): Promise<Throughput> {
  const { columns, template } = shape;
  const insert = `INSERT INTO bench_floor_document (${columns.join(', ')})
                  SELECT ${columns.join(', ')} FROM jsonb_populate_record(NULL::bench_floor_document, $1::jsonb)`;
  const connections = await Promise.all(
    Array.from({ length: clients }, async () => {
      const c = new PgClient({ connectionString: inst.databaseUrl });
      await c.connect();
      return c;
    }),
  );
  const samples: number[] = [];
  const end = performance.now() + OPT.floorSeconds * 1000;
  const t0 = performance.now();
  await Promise.all(
    connections.map(async (c) => {
      while (performance.now() < end) {
        const s = performance.now();
        await c.query('BEGIN');
        const { rows } = await c.query(
          `UPDATE bench_floor_counter SET last_number = last_number + 1 WHERE register_id = $1 AND year = $2 RETURNING last_number`,
          [template.register_id, template.year],
        );
        const row = { ...template, id: crypto.randomUUID(), incoming_number: rows[0].last_number, idempotency_key: `floor-${randomBytes(8).toString('hex')}` };
        await c.query(insert, [JSON.stringify(row)]);
        await c.query('COMMIT');
        samples.push(performance.now() - s);
      }
    }),
  );
  const wall = performance.now() - t0;
  await Promise.all(connections.map((c) => c.end()));
  samples.sort((a, b) => a - b);
  return { n: samples.length, perSecond: (samples.length / wall) * 1000, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

// ---------------------------------------------------------------------------------------------
// Registrations over HTTP
// ---------------------------------------------------------------------------------------------

interface Throughput {
  n: number;
  perSecond: number;
  p50: number;
  p95: number;
}

const ISSUERS: [string, string][] = [
  ['UBND tỉnh Tây Ninh', 'UBND-VX'], ['Bộ Giáo dục và Đào tạo', 'BGDĐT-GDTrH'], ['Sở Nội vụ tỉnh Tây Ninh', 'SNV-CCVC'],
  ['Sở Tài chính tỉnh Tây Ninh', 'STC-HCSN'], ['Công an tỉnh Tây Ninh', 'CAT-PV01'], ['UBND thị xã Trảng Bàng', 'UBND-VX'],
];
const SUBJECTS = [
  'Về việc tuyển sinh vào lớp 10 trung học phổ thông', 'Hướng dẫn bồi dưỡng thường xuyên giáo viên', 'Kế hoạch chuyển đổi số trong ngành giáo dục',
  'Báo cáo kết quả kỳ thi tốt nghiệp trung học phổ thông', 'Tăng cường giáo dục hòa nhập cho học sinh khuyết tật', 'Thông báo miễn, giảm học phí',
];
const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)];

/**
 * A small real one-page PDF (about 1 KB), different bytes each time, with a text layer of a few
 * lines (a document received electronically, or a scan already OCR'd): the worker reads its text
 * with poppler and does not run tesseract, which on 2 cores would measure OCR, not registration.
 */
async function makePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const lines = [text, 'UY BAN NHAN DAN TINH TAY NINH', 'Cong van ve viec tuyen sinh vao lop 10 trung hoc pho thong', 'Kinh gui: So Giao duc va Dao tao'];
  lines.forEach((line, i) => page.drawText(line, { x: 72, y: 760 - i * 18, size: 12, font }));
  return Buffer.from(await doc.save());
}

interface Body {
  metadata: string;
  scan: Buffer;
}

async function bodies(n: number, phase: string): Promise<Body[]> {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
  return Promise.all(
    Array.from({ length: n }, async (_, i) => {
      const [issuer, symbol] = pick(ISSUERS);
      const metadata = {
        sourceNumberSymbol: `${1 + Math.floor(Math.random() * 9000)}/${symbol}`,
        sourceDate: today,
        issuingAuthority: issuer,
        documentType: 'Công văn',
        subject: `${pick(SUBJECTS)} (${phase} ${i})`,
        urgency: Math.random() < 0.85 ? 'normal' : 'urgent',
        confidentiality: 'normal',
        receivedVia: pick(['paper', 'email', 'system']),
        dueInWorkingDays: Math.random() < 0.5 ? 10 : undefined,
        pageCount: 1,
      };
      return { metadata: JSON.stringify(metadata), scan: await makePdf(`Scan ${phase} ${i} ${randomBytes(8).toString('hex')}`) };
    }),
  );
}

let retried = 0;

async function post(api: Api, token: string, body: Body, key: string): Promise<number> {
  const form = new FormData();
  form.append('metadata', body.metadata);
  form.append('scan', new Blob([new Uint8Array(body.scan)], { type: 'application/pdf' }), 'scan.pdf');
  const t0 = performance.now();
  const send = () => fetch(`${api.url}/api/v1/incoming`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'idempotency-key': key }, body: form });
  // A kept-alive socket the server closed while idle fails at once (undici): sent again under the
  // same Idempotency-Key, so it can never register twice.
  const res = await send().catch((error: unknown) => {
    retried += 1;
    if (retried > 20) throw error;
    return send();
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`POST /incoming: ${res.status} ${text.slice(0, 500)}`);
  return performance.now() - t0;
}

/** `clients` clerks at once, client i always as clerk i, until the prepared bodies are used up. */
async function registrations(api: Api, tokens: string[], clients: number, work: Body[], phase: string): Promise<Throughput> {
  const samples: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      while (next < work.length) {
        const i = next++;
        samples.push(await post(api, tokens[c], work[i], `bench-${phase}-${i}`));
      }
    }),
  );
  const wall = performance.now() - t0;
  samples.sort((a, b) => a - b);
  return { n: samples.length, perSecond: (samples.length / wall) * 1000, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

// ---------------------------------------------------------------------------------------------
// Checks after the run: gap-free numbers, a verifiable audit chain
// ---------------------------------------------------------------------------------------------

async function verifyNumbers(db: PgClient): Promise<string> {
  const { rows } = await db.query(
    `SELECT d.register_id, d.year, count(*)::int AS n, min(d.incoming_number) AS lo, max(d.incoming_number) AS hi, max(c.last_number) AS counter
       FROM incoming_document d JOIN register_counter c ON c.register_id = d.register_id AND c.year = d.year
      GROUP BY d.register_id, d.year`,
  );
  for (const r of rows) {
    if (r.lo !== 1 || r.hi !== r.n || r.counter !== r.n) {
      throw new Error(`numbering broken for register ${r.register_id} ${r.year}: n=${r.n} min=${r.lo} max=${r.hi} counter=${r.counter}`);
    }
  }
  return rows.map((r) => `${r.n} numbers 1..${r.hi}, counter ${r.counter}`).join('; ');
}

// ---------------------------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------------------------

function cpuLine(c: CpuSnapshot): string {
  const total = c.api + c.worker + c.workerChildren + c.postgres;
  return `API ${c.api.toFixed(1)} + worker ${c.worker.toFixed(1)} + its tools ${c.workerChildren.toFixed(1)} + PostgreSQL backends ` +
    `${c.postgres.toFixed(1)} = ${total.toFixed(1)} ms (whole PostgreSQL server ${c.postgresServer.toFixed(1)} ms)`;
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');

interface Row {
  clients: number;
  floor: Throughput;
  api: Throughput;
  /** Registrations per second from the first request until the worker had finished every job of the level. */
  untilDrained: number | null;
  sqlPerRegistration: number;
  cpuMsPerRegistration: number;
  workerSqlPerRegistration: number | null;
  workerByKind: Record<string, number>;
  drainMs: number | null;
  /** CPU ms per registration from /proc, from before the level's first request until the worker drained. */
  cpu: CpuSnapshot;
  byKind: Record<string, number>;
  load: string;
}

async function main(): Promise<void> {
  const inst = await createInstallation({ keep: OPT.keep });
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  onCleanup('database connection', () => db.end());
  const usernames = await addClerks(db, CLERKS);
  log(`${CLERKS} clerks of the office (copies of bangnv): ${usernames[0]}…${usernames[usernames.length - 1]}`);

  const apiCountFile = join(inst.workDir, 'sql-api.json');
  const profiling = OPT.cpuProfile ? { BENCH_CPU_PROFILE_DIR: OPT.cpuProfile } : {};
  const api = await startApi(inst, { NODE_OPTIONS: NODE_OPTIONS, BENCH_SQL_COUNT_FILE: apiCountFile, ...profiling });
  const apiCounted: Counted = { pid: api.child.pid!, file: apiCountFile };
  const worker = OPT.worker ? startCountedWorker(inst) : null;
  const queues = openQueues(inst);
  const tokens: string[] = [];
  for (const username of usernames) tokens.push((await new Client(api.url).signInSession(username, DEMO_PASSWORD)).accessToken);
  const leadership = await new Client(api.url).signIn('hapt', DEMO_PASSWORD);
  log(`signed in ${tokens.length} clerks; worker ${worker ? `running (pid ${worker.pid})` : 'not started (--worker=false)'}`);

  // Warm-up (not counted): JIT, pools, caches of a fresh process; every clerk registers twice.
  await registrations(api, tokens, CLERKS, await bodies(CLERKS * 2, 'warmup'), 'warmup');
  if (worker) log(`warm-up registered; worker drained in ${fmt(await drained(db, queues, 120_000))}`);
  const floorShape = await prepareFloor(db);

  const rows: Row[] = [];
  for (const [index, clients] of OPT.levels.entries()) {
    const work = await bodies(OPT.registrations, `c${clients}-${index + 1}`);
    await db.query('CHECKPOINT');
    const floorFigures = await floor(inst, floorShape, clients);
    log(`floor at ${clients}: ${floorFigures.perSecond.toFixed(0)} tx/s, p50 ${fmt(floorFigures.p50)}, p95 ${fmt(floorFigures.p95)} (load ${load()})`);
    const apiBefore = await readCounts(apiCounted);
    const workerBefore = worker ? await readCounts(worker) : null;
    const cpuBefore = await cpuSnapshot(db, api.child.pid!, worker?.pid ?? null);
    const perf = OPT.perf ? await recordLevel(db, `level${index + 1}-${clients}`, api.child.pid!, worker?.pid ?? null) : null;
    const figures = await registrations(api, tokens, clients, work, `c${clients}-${index + 1}`);
    const apiDelta = difference(await readCounts(apiCounted), apiBefore);
    const drainMs = worker ? await drained(db, queues, 300_000) : null;
    const workerDelta = worker && workerBefore ? difference(await readCounts(worker), workerBefore) : null;
    const cpu = cpuDifference(await cpuSnapshot(db, api.child.pid!, worker?.pid ?? null), cpuBefore, figures.n);
    await perf?.stop();
    const row: Row = {
      clients,
      floor: floorFigures,
      api: figures,
      untilDrained: drainMs !== null ? figures.n / (figures.n / figures.perSecond + drainMs / 1000) : null,
      sqlPerRegistration: apiDelta.total / figures.n,
      cpuMsPerRegistration: apiDelta.cpuMs / figures.n,
      workerSqlPerRegistration: workerDelta ? workerDelta.total / figures.n : null,
      workerByKind: Object.fromEntries(Object.entries(workerDelta?.byKind ?? {}).map(([k, n]) => [k, n / figures.n])),
      drainMs,
      cpu,
      byKind: Object.fromEntries(Object.entries(apiDelta.byKind).map(([k, n]) => [k, n / figures.n])),
      load: load(),
    };
    rows.push(row);
    log(
      `${clients} clients: ${figures.perSecond.toFixed(1)} registrations/s, p50 ${fmt(figures.p50)}, p95 ${fmt(figures.p95)}, ` +
        `${row.sqlPerRegistration.toFixed(1)} SQL/registration, API CPU ${row.cpuMsPerRegistration.toFixed(1)} ms/registration` +
        `${drainMs !== null ? `, worker drained ${fmt(drainMs)} after (${row.untilDrained!.toFixed(1)}/s until drained)` : ''} (load ${row.load})`,
    );
    log(`  ${cpuLine(cpu)}`);
  }

  const numbers = await verifyNumbers(db);
  const verification = await leadership.get('/api/v1/audit/verify');
  if (verification.status !== 200 || verification.body.intact !== true) {
    throw new Error(`audit chain not intact: ${verification.status} ${JSON.stringify(verification.body)}`);
  }
  log(`numbers gap-free (${numbers}); audit chain intact (${verification.body.eventsChecked} entries)`);

  console.log(`\nRegistrations with a one-page PDF, distinct clerks (client i = clerk i), worker ${worker ? 'running' : 'stopped'}; ` +
    `${OPT.registrations} registrations per level; floor: BEGIN; UPDATE counter RETURNING; INSERT row of incoming_document's shape; COMMIT\n`);
  console.log('| clients | registrations/s | until the worker drained | p50 | p95 | floor tx/s | floor p95 | % of floor | SQL/registration (API) | API CPU ms/registration | worker SQL/registration | load 1/5/15 |');
  console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    console.log(
      `| ${r.clients} | ${r.api.perSecond.toFixed(1)} | ${r.untilDrained?.toFixed(1) ?? '–'} | ${fmt(r.api.p50)} | ${fmt(r.api.p95)} | ${r.floor.perSecond.toFixed(0)} | ${fmt(r.floor.p95)} | ` +
        `${((r.api.perSecond / r.floor.perSecond) * 100).toFixed(1)} % | ${r.sqlPerRegistration.toFixed(1)} | ${r.cpuMsPerRegistration.toFixed(1)} | ` +
        `${r.workerSqlPerRegistration?.toFixed(1) ?? '–'} | ${r.load} |`,
    );
  }
  console.log('\nCPU ms per registration (/proc, the level until the worker drained):');
  for (const r of rows) console.log(`  ${r.clients} clients: ${cpuLine(r.cpu)}`);
  const last = rows[rows.length - 1];
  if (retried) console.log(`(${retried} requests sent a second time after a closed kept-alive socket)`);
  console.log(`\nAPI statements per registration at ${last.clients} clients, by kind:`);
  for (const [kind, n] of Object.entries(last.byKind).sort((a, b) => b[1] - a[1])) console.log(`  ${n.toFixed(2).padStart(6)}  ${kind}`);
  if (worker) {
    console.log(`\nWorker statements per registration at ${last.clients} clients, by kind:`);
    for (const [kind, n] of Object.entries(last.workerByKind).sort((a, b) => b[1] - a[1])) console.log(`  ${n.toFixed(2).padStart(6)}  ${kind}`);
  }
}

runBench(main);
