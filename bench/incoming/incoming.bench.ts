// Benchmark of incoming documents (issue 4): registrations per second over HTTP, inbox, search and
// list latency (p50/p95) at 100,000 and at 1,000,000 documents, and the ratio between the two.
//
//   npm run -s build
//   node -r ./scripts/ts-register.cjs bench/incoming/incoming.bench.ts [--small=100000] [--large=1000000]
//
// Everything runs against a throwaway database `eoffice_bench_<ts>` on the PostgreSQL server of
// .data/services.env (or DATABASE_URL), with its own queue prefix and file directory; all of it is
// removed at the end, also on failure or Ctrl-C (`--keep` keeps the database for inspection).
// Documents are seeded with SQL in the shape the application writes them (numbers consecutive per
// register and year, assignments, timeline events); the figures are measured on the built API.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import {
  Api, API_MAIN, createInstallation, DEMO_PASSWORD, elapsedMs, Installation, log, onCleanup, option, percentile, ROOT, runBench, seconds, startApi,
} from '../support/installation';
import {
  count, DOC_TYPES, ISSUERS, loadOrg, makePdf, Org, pick, PREFIXES, seedTo, setAsideRegistrations, SUFFIXES, TOPICS, TZ,
} from '../support/incoming-seed';

// ---------------------------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------------------------

const OPT = {
  small: option('small', 100_000),
  large: option('large', 1_000_000),
  batch: option('batch', 100_000),
  registrations: option('registrations', 300),
  concurrency: option('concurrency', 8),
  inboxRequests: option('inbox-requests', 200),
  searchRequests: option('search-requests', 100),
  listRequests: option('list-requests', 100),
  /** A figure stops sampling after this many seconds, but never below --min-samples. */
  maxSeconds: option('max-seconds', 40),
  minSamples: option('min-samples', 20),
  warmup: option('warmup', 10),
  /** auto: EXPLAIN plans of figures whose ratio exceeds --threshold; all; none. */
  explain: option('explain', 'auto'),
  threshold: option('threshold', 1.5),
  keep: option('keep', 'false') === 'true',
  /**
   * SQL run after the migrations, before seeding: to try a candidate fix (an index, a setting)
   * against the same load, e.g. --extra-sql="CREATE INDEX ...; ALTER DATABASE {db} SET jit = off".
   */
  extraSql: option('extra-sql', ''),
  /** Also measure the searches through the trigram index alone (a second API, SEARCH_WALK_ROWS=0), in the same run. */
  compareIndex: option('compare-index', 'true') === 'true',
};

const SEARCHES = [
  { label: 'search "tuyển sinh"', q: 'tuyển sinh' },
  { label: 'search "tuyen sinh"', q: 'tuyen sinh' },
  { label: 'search "125/UBND-VX"', q: '125/UBND-VX' },
  { label: 'search "giáo dục hòa nhập"', q: 'giáo dục hòa nhập' },
];



// ---------------------------------------------------------------------------------------------
// Measuring over HTTP
// ---------------------------------------------------------------------------------------------


/** Through the second factor where the role requires it (clerks, leaders: docs/sign-in.md). */
async function signIn(api: Api, username: string): Promise<string> {
  return (await new Client(api.url).signInSession(username, DEMO_PASSWORD)).accessToken;
}

interface Latency {
  n: number;
  p50: number;
  p95: number;
  total?: number;
}

async function timedGet(api: Api, token: string, path: string): Promise<{ ms: number; total: number }> {
  const t0 = performance.now();
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const text = await res.text();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 500)}`);
  return { ms, total: (JSON.parse(text) as { total: number }).total };
}

/** One request at a time (latency, not throughput), after a warm-up (≤ 5 s); stops early after --max-seconds. */
async function latency(api: Api, token: string, path: string, requests: number): Promise<Latency> {
  let total = 0;
  const warm = Date.now() + 5000;
  for (let i = 0; i < OPT.warmup && (i < 2 || Date.now() < warm); i += 1) total = (await timedGet(api, token, path)).total;
  const samples: number[] = [];
  const deadline = Date.now() + OPT.maxSeconds * 1000;
  while (samples.length < requests && (samples.length < OPT.minSamples || Date.now() < deadline)) {
    samples.push((await timedGet(api, token, path)).ms);
  }
  samples.sort((a, b) => a - b);
  return { n: samples.length, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), total };
}

function registrationMetadata(i: number) {
  const [issuer, symbol] = pick(ISSUERS);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ }).format(new Date());
  return {
    sourceNumberSymbol: `${1 + Math.floor(Math.random() ** 2 * 3500)}/${symbol}`,
    sourceDate: today,
    issuingAuthority: issuer,
    documentType: pick(DOC_TYPES),
    subject: `${pick(PREFIXES)} ${pick(TOPICS)}${pick(SUFFIXES).replace('{sy}', '2026-2027').replace('{y}', '2026')} (${i})`,
    urgency: Math.random() < 0.85 ? 'normal' : 'urgent',
    confidentiality: 'normal',
    receivedVia: pick(['paper', 'email', 'system']),
    dueInWorkingDays: Math.random() < 0.5 ? 10 : undefined,
    pageCount: 1 + Math.floor(Math.random() * 6),
  };
}

interface Throughput {
  n: number;
  perSecond: number;
  p50: number;
  p95: number;
}

/** POST /incoming (multipart: metadata + a real one-page PDF scan) with `concurrency` clients in parallel. */
async function registrations(api: Api, token: string, phase: string): Promise<Throughput> {
  const bodies = await Promise.all(
    Array.from({ length: OPT.registrations + Math.min(10, Math.floor(OPT.registrations / 10)) }, async (_, i) => ({
      metadata: JSON.stringify(registrationMetadata(i)),
      scan: await makePdf(`Scan ${phase} ${i} ${randomBytes(8).toString('hex')}`),
    })),
  );
  const post = async (i: number) => {
    const form = new FormData();
    form.append('metadata', bodies[i].metadata);
    form.append('scan', new Blob([new Uint8Array(bodies[i].scan)], { type: 'application/pdf' }), `scan-${i}.pdf`);
    const t0 = performance.now();
    const res = await fetch(`${api.url}/api/v1/incoming`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': `bench-${phase}-${i}` },
      body: form,
    });
    const text = await res.text();
    if (res.status !== 201) throw new Error(`POST /incoming: ${res.status} ${text.slice(0, 500)}`);
    return performance.now() - t0;
  };
  // Warm-up (not counted): the first registrations of a fresh process pay for JIT compilation.
  const warmup = Math.min(10, Math.floor(bodies.length / 10));
  for (let i = 0; i < warmup; i += 1) await post(i);
  const samples: number[] = [];
  let next = warmup;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: OPT.concurrency }, async () => {
      while (next < bodies.length) samples.push(await post(next++));
    }),
  );
  const wall = performance.now() - t0;
  samples.sort((a, b) => a - b);
  return { n: samples.length, perSecond: (samples.length / wall) * 1000, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

// ---------------------------------------------------------------------------------------------
// EXPLAIN: the SQL the repository really generates (built code, captured through a TypeORM logger)
// ---------------------------------------------------------------------------------------------

interface Captured {
  sql: string;
  params: unknown[];
}

interface Explained {
  figure: string;
  queries: { sql: string; params: unknown[]; plan: string; ms: number }[];
}

interface QueryHarness {
  /** Runs `figure` through the built IncomingQueryService and returns the SQL it sent, with parameters. */
  capture(run: (service: any, actorOf: (username: string) => Promise<unknown>) => Promise<unknown>): Promise<Captured[]>;
  close(): Promise<void>;
}

/**
 * The built libraries (dist/), wired by Nest exactly as the seed CLI wires them, with a TypeORM
 * logger that records every statement: what gets EXPLAINed is the SQL the repository really sends.
 * Created once at start-up, so a rebuild of dist/ by someone else during the run does not matter.
 */
async function queryHarness(inst: Installation): Promise<QueryHarness> {
  for (const [key, value] of Object.entries(inst.env)) if (value !== undefined) process.env[key] = value;
  /* eslint-disable @typescript-eslint/no-require-imports */
  require('reflect-metadata');
  const dist = (path: string) => require(join(ROOT, 'dist/apps/api/libs', path, 'src/index.js'));
  const { Module } = require('@nestjs/common');
  const { NestFactory } = require('@nestjs/core');
  const { DataSource } = require('typeorm');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const { CoreModule, loadConfig } = dist('core');
  const { AccountsModule } = dist('accounts');
  const { DocumentsModule, IncomingQueryService } = dist('documents');
  loadConfig();
  class ExplainModule {}
  Module({ imports: [CoreModule, AccountsModule.forWorker(), DocumentsModule] })(ExplainModule);
  const app = await NestFactory.createApplicationContext(ExplainModule, { logger: ['error', 'warn'] });
  const dataSource = app.get(DataSource);
  let captured: Captured[] = [];
  (dataSource as { logger: unknown }).logger = {
    logQuery: (sql: string, params?: unknown[]) => void captured.push({ sql, params: params ?? [] }),
    logQueryError: () => undefined,
    logQuerySlow: () => undefined,
    logSchemaBuild: () => undefined,
    logMigration: () => undefined,
    log: () => undefined,
  };
  const service = app.get(IncomingQueryService);
  const actorOf = async (username: string) => {
    const [u] = await dataSource.query(`SELECT id, username, full_name, roles, unit_id FROM app_user WHERE username = $1`, [username]);
    return { id: u.id, username: u.username, fullName: u.full_name, roles: u.roles, unitId: u.unit_id, mustChangePassword: false };
  };
  return {
    async capture(run) {
      const actors = new Map<string, unknown>();
      const cachedActor = async (username: string) => {
        if (!actors.has(username)) actors.set(username, await actorOf(username));
        return actors.get(username);
      };
      await run(service, cachedActor); // resolves the actor outside the captured window's interest
      captured = [];
      await run(service, cachedActor);
      return captured;
    },
    close: () => app.close(),
  };
}

async function explainAll(harness: QueryHarness, db: PgClient, org: Org, phase: string): Promise<Explained[]> {
  const page = { page: 1, pageSize: 50 };
  type Run = (service: any, actorOf: (username: string) => Promise<unknown>) => Promise<unknown>;
  const runs: [string, Run][] = [
    [`inbox clerk ${org.usernames.clerk}`, async (s, a) => s.inbox(await a(org.usernames.clerk), { ...page })],
    [`inbox leader ${org.usernames.leader}`, async (s, a) => s.inbox(await a(org.usernames.leader), { ...page })],
    [`inbox officer ${org.usernames.officer}`, async (s, a) => s.inbox(await a(org.usernames.officer), { ...page })],
    ...SEARCHES.map((q): [string, Run] => [q.label, async (s, a) => s.list(await a(org.usernames.leadership), { ...page, q: q.q })]),
    [`list page 1 leadership ${org.usernames.leadership}`, async (s, a) => s.list(await a(org.usernames.leadership), { ...page })],
  ];
  const out: Explained[] = [];
  for (const [figure, run] of runs) {
    const captured = await harness.capture(run);
    const queries = [];
    for (const q of captured.filter((c) => /incoming_(document|assignment)/.test(c.sql) && /^\s*SELECT/i.test(c.sql))) {
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, q.params);
      const plan = rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
      const ms = Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN);
      queries.push({ ...q, plan, ms });
    }
    out.push({ figure, queries });
  }
  log(`  EXPLAIN (ANALYZE, BUFFERS) of the SQL the built repository generates (${phase}): ${out.map((e) => `${e.figure} ${e.queries.map((q) => q.ms.toFixed(0)).join('+')} ms`).join('; ')}`);
  return out;
}

// ---------------------------------------------------------------------------------------------
// One measurement at the current size
// ---------------------------------------------------------------------------------------------

interface Figures {
  documents: number;
  rows: Record<string, number>;
  dbSize: string;
  values: Map<string, { p50: number; p95: number; n: number; total?: number; unit: 'ms' | '/s' }>;
  explained: Explained[];
}

async function measure(api: Api, indexApi: Api | null, db: PgClient, harness: QueryHarness | null, org: Org, phase: string): Promise<Figures> {
  const rows: Record<string, number> = {};
  for (const table of ['incoming_document', 'incoming_assignment', 'incoming_event']) rows[table] = await count(db, table);
  const dbSize = (await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0].s as string;
  log(`measuring at ${rows.incoming_document.toLocaleString('en')} documents (${rows.incoming_assignment.toLocaleString('en')} assignments, ${rows.incoming_event.toLocaleString('en')} events, database ${dbSize}; load average ${loadavg()[0].toFixed(2)})`);
  const values: Figures['values'] = new Map();
  const tokens = {
    clerk: await signIn(api, org.usernames.clerk),
    leader: await signIn(api, org.usernames.leader),
    officer: await signIn(api, org.usernames.officer),
    leadership: await signIn(api, org.usernames.leadership),
  };
  for (const [who, role] of [['clerk', org.usernames.clerk], ['leader', org.usernames.leader], ['officer', org.usernames.officer]] as const) {
    const r = await latency(api, tokens[who], '/api/v1/inbox', OPT.inboxRequests);
    values.set(`inbox ${who} ${role}`, { ...r, unit: 'ms' });
    log(`  inbox ${who} ${role}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${r.n} requests, ${r.total} items waiting)`);
  }
  for (const s of SEARCHES) {
    const r = await latency(api, tokens.leadership, `/api/v1/incoming?q=${encodeURIComponent(s.q)}`, OPT.searchRequests);
    values.set(s.label, { ...r, unit: 'ms' });
    log(`  ${s.label}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${r.n} requests, ${r.total} matches)`);
  }
  for (const s of indexApi ? SEARCHES : []) {
    const r = await latency(indexApi!, tokens.leadership, `/api/v1/incoming?q=${encodeURIComponent(s.q)}`, OPT.searchRequests);
    values.set(`${s.label}, index only`, { ...r, unit: 'ms' });
    log(`  ${s.label}, index only (SEARCH_WALK_ROWS=0): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${r.n} requests, ${r.total} matches)`);
  }
  {
    const r = await latency(api, tokens.leadership, '/api/v1/incoming', OPT.listRequests);
    values.set(`list page 1 leadership ${org.usernames.leadership}`, { ...r, unit: 'ms' });
    log(`  list page 1 (leadership ${org.usernames.leadership}): p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${r.n} requests, total ${r.total})`);
  }
  const explained = harness ? await explainAll(harness, db, org, phase) : [];
  {
    const r = await registrations(api, tokens.clerk, phase);
    values.set(`registrations (concurrency ${OPT.concurrency})`, { p50: r.p50, p95: r.p95, n: r.n, unit: 'ms' });
    values.set('registrations per second', { p50: r.perSecond, p95: NaN, n: r.n, unit: '/s' });
    log(`  ${r.n} registrations, concurrency ${OPT.concurrency}: ${r.perSecond.toFixed(1)}/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
    const setAside = await setAsideRegistrations(db, org);
    log(`  ${setAside} benchmark registrations set aside (returned) to keep the clerk's inbox constant`);
  }
  log(`  load average after measuring: ${loadavg()[0].toFixed(2)}`);
  return { documents: rows.incoming_document, rows, dbSize, values, explained };
}

// ---------------------------------------------------------------------------------------------
// Report
// ---------------------------------------------------------------------------------------------

function report(small: Figures, large: Figures, seeding: { small: number; large: number }): string[] {
  const label = (n: number) => (n >= 1_000_000 ? `${+(n / 1_000_000).toFixed(2)}M` : `${+(n / 1000).toFixed(1)}k`);
  const sl = label(OPT.small);
  const ll = label(OPT.large);
  const lines: string[] = [];
  const row = (cells: string[]) => lines.push(`| ${cells.join(' | ')} |`);
  row(['figure', `${sl} p50`, `${sl} p95`, `${ll} p50`, `${ll} p95`, `ratio p50 ${ll}/${sl}`, `ratio p95 ${ll}/${sl}`, 'items', 'SQL ms (EXPLAIN ANALYZE)']);
  row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']);
  const sqlMs = (figs: Figures, name: string) => {
    const e = figs.explained.find((x) => x.figure === name);
    return e ? e.queries.map((q) => q.ms.toFixed(1)).join(' + ') : '';
  };
  const fmt = (v: number, unit: string) => (Number.isNaN(v) ? '' : unit === '/s' ? `${v.toFixed(1)}/s` : `${v.toFixed(1)} ms`);
  const ratio = (a: number, b: number) => (Number.isNaN(a) || Number.isNaN(b) ? '' : `${(b / a).toFixed(2)}×`);
  const degraded: string[] = [];
  for (const [name, a] of small.values) {
    const b = large.values.get(name);
    if (!b) continue;
    const items = a.total === undefined ? '' : `${a.total} → ${b.total}`;
    const sql = sqlMs(small, name) ? `${sqlMs(small, name)} → ${sqlMs(large, name)}` : '';
    row([name, fmt(a.p50, a.unit), fmt(a.p95, a.unit), fmt(b.p50, b.unit), fmt(b.p95, b.unit), ratio(a.p50, b.p50), ratio(a.p95, b.p95), items, sql]);
    if (a.unit === 'ms' && b.p50 / a.p50 > OPT.threshold) degraded.push(name);
  }
  lines.push('');
  lines.push(`documents: ${small.documents.toLocaleString('en')} → ${large.documents.toLocaleString('en')}; assignments ${small.rows.incoming_assignment.toLocaleString('en')} → ${large.rows.incoming_assignment.toLocaleString('en')}; events ${small.rows.incoming_event.toLocaleString('en')} → ${large.rows.incoming_event.toLocaleString('en')}; database ${small.dbSize} → ${large.dbSize}`);
  if (OPT.extraSql) lines.push(`with --extra-sql: ${OPT.extraSql}`);
  lines.push(`seeding: to ${sl} in ${seconds(seeding.small)}, ${sl} → ${ll} in ${seconds(seeding.large)}; total run ${seconds(elapsedMs())}`);
  lines.push(`latency: sequential requests after ≤ ${OPT.warmup} warm-up requests; registrations: ${OPT.registrations} POST /incoming with a real one-page PDF, ${OPT.concurrency} in parallel (ratio > 1 is better there)`);
  lines.push('items: inbox = items waiting (total of the page response), search/list = matching documents; SQL ms: page query + count query + assignments of the page');
  const wanted = OPT.explain === 'all' ? [...small.values.keys()] : OPT.explain === 'none' ? [] : degraded;
  const plans = wanted.filter((name) => large.explained.some((e) => e.figure === name));
  if (plans.length) {
    lines.push('');
    lines.push(OPT.explain === 'all' ? 'EXPLAIN (ANALYZE, BUFFERS) of every figure:' : `Figures slower than ${OPT.threshold}× at ${ll} — EXPLAIN (ANALYZE, BUFFERS) of the SQL the repository generates:`);
    for (const name of plans) {
      for (const [size, figs] of [[sl, small], [ll, large]] as const) {
        const e = figs.explained.find((x) => x.figure === name);
        if (!e) continue;
        // The page and count queries; the third (assignments of the page's ids) is always ~1 ms.
        const shown = e.queries.filter((q) => /FROM "?incoming_document"? /.test(q.sql));
        for (const [i, q] of shown.entries()) {
          lines.push('');
          lines.push(`--- ${name} @ ${size}, query ${i + 1}/${shown.length} (${q.ms.toFixed(1)} ms)`);
          if (size === sl) lines.push(q.sql.replace(/\s+/g, ' ').trim(), `-- parameters: ${JSON.stringify(q.params)}`);
          lines.push(q.plan);
        }
      }
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  if (!existsSync(API_MAIN)) throw new Error('dist/ is missing: run `npm run -s build` first');
  if (OPT.large <= OPT.small) throw new Error('--large must be above --small');
  log(`incoming-documents benchmark: ${OPT.small.toLocaleString('en')} then ${OPT.large.toLocaleString('en')} documents`);
  const inst = await createInstallation({ keep: OPT.keep, extraSql: OPT.extraSql });
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  onCleanup('database session', () => db.end());
  const org = await loadOrg(db, inst);

  log(`seeding to ${OPT.small.toLocaleString('en')} documents`);
  const seededSmall = await seedTo(db, org, OPT.small, true, OPT.batch);
  log(`seeded in ${seconds(seededSmall.ms)}`);
  const api = await startApi(inst);
  const indexApi = OPT.compareIndex ? await startApi(inst, { SEARCH_WALK_ROWS: '0' }) : null;
  const harness = OPT.explain === 'none' ? null : await queryHarness(inst);
  if (harness) onCleanup('query harness', () => harness.close());
  const small = await measure(api, indexApi, db, harness, org, 'small');

  log(`seeding to ${OPT.large.toLocaleString('en')} documents`);
  const seededLarge = await seedTo(db, org, OPT.large, false, OPT.batch);
  log(`seeded in ${seconds(seededLarge.ms)}`);
  const large = await measure(api, indexApi, db, harness, org, 'large');

  console.log('');
  for (const line of report(small, large, { small: seededSmall.ms, large: seededLarge.ms })) console.log(line);
}

runBench(main);
