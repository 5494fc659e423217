// Benchmark of the weekly and monthly statistics (issue 7): latency (p50/p95) of the figures of
// the last complete week at 100,000 and at 1,000,000 incoming documents (~10 timeline events
// each: 10,000,000 events at the large size), and the ratio between the two.
//
//   npm run -s build
//   npm run bench:stats            [--small=100000] [--large=1000000] [--per-week=1700]
//
// An agency receives about the same number of documents every week, year after year: what grows
// is history. So the small size is the last ~year of an agency receiving --per-week documents a
// week, and the large one adds the nine years before it. The week measured is the same at both
// sizes and its figures must come out identical (checked): only the cost of old history could
// differ, and the goal is that it does not (ratio < 1.5).
//
// Documents, assignments and events are seeded with SQL in the shape the application writes
// them (the trigger that keeps incoming_status_interval is disabled during the bulk load, and the
// stretches are then built by the migration's own incoming_status_intervals_rebuild()); the
// figures are measured over HTTP on the built API, one request at a time.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { Api, createInstallation, DEMO_PASSWORD, Installation, log, option, percentile, runBench, seconds, startApi } from '../support/installation';

const TZ = 'Asia/Ho_Chi_Minh';

const OPT = {
  small: option('small', 100_000),
  large: option('large', 1_000_000),
  perWeek: option('per-week', 1700),
  batch: option('batch', 100_000),
  /** A figure stops sampling after this many seconds, but never below --min-samples. */
  samples: option('samples', 40),
  maxSeconds: option('max-seconds', 30),
  minSamples: option('min-samples', 15),
  warmup: option('warmup', 5),
  keep: option('keep', 'false') === 'true',
};

interface Org {
  agency: string;
  register: string;
  clerk: string;
  leader: string;
  scanFileId: string;
  /** Lead targets by index: people, then units (no person named). */
  leadUsers: (string | null)[];
  leadUnits: (string | null)[];
}

const uuid = (value: string | null) => {
  if (value === null) return 'NULL::uuid';
  if (!/^[0-9a-f-]{36}$/.test(value)) throw new Error(`not a uuid: ${value}`);
  return `'${value}'::uuid`;
};

async function loadOrg(db: PgClient, inst: Installation): Promise<Org> {
  const one = async (sql: string, params: unknown[]) => {
    const { rows } = await db.query(sql, params);
    if (!rows[0]) throw new Error(`demo data missing: ${sql} ${params.join(',')}`);
    return rows[0].id as string;
  };
  const unit = (code: string) => one(`SELECT id FROM unit WHERE code = $1 ORDER BY created_at LIMIT 1`, [code]);
  const user = (username: string) => one(`SELECT id FROM app_user WHERE username = $1`, [username]);
  const agency = await one(`SELECT id FROM unit WHERE kind = 'agency' AND parent_id IS NULL`, []);
  const clerk = await user('bangnv');
  const pdf = await makePdf('Van ban den - ban quet mau (benchmark)');
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  const key = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
  mkdirSync(dirname(join(inst.fileStoreDir, key)), { recursive: true });
  writeFileSync(join(inst.fileStoreDir, key), pdf);
  const file = await db.query(
    `INSERT INTO stored_file (storage_key, sha256, size_bytes, mime_type, original_name, uploaded_by) VALUES ($1, $2, $3, 'application/pdf', 'scan.pdf', $4) RETURNING id`,
    [key, sha256, pdf.length, clerk],
  );
  return {
    agency,
    register: await one(`SELECT id FROM register WHERE agency_id = $1 AND kind = 'incoming' AND NOT confidential AND code = 'DEN'`, [agency]),
    clerk,
    leader: await user('tuyettta'),
    scanFileId: file.rows[0].id,
    leadUsers: [await user('huydq'), await user('lanvt'), await user('khoalm'), null, null, null, null],
    leadUnits: [null, null, null, await unit('GDTRH'), await unit('TCCB'), await unit('VP'), await unit('THPTTDN')],
  };
}

async function makePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 72, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

// ---------------------------------------------------------------------------------------------
// Seeding
// ---------------------------------------------------------------------------------------------

const STAGE_DDL = `
  CREATE UNLOGGED TABLE IF NOT EXISTS bench_stage (
    id uuid PRIMARY KEY, g int, day date, received_at timestamptz, due_date date, urgency varchar(12), lead_idx int, lead2_idx int,
    submit_at timestamptz, assign_at timestamptz, reassign_at timestamptz, handling interval, close_at timestamptz,
    reopen_at timestamptz, close2_at timestamptz, year int, incoming_number int)`;

const SUBJECTS = [
  'Về việc tuyển sinh vào lớp 10 trung học phổ thông', 'Về việc bồi dưỡng thường xuyên giáo viên', 'Về việc kỳ thi chọn học sinh giỏi cấp tỉnh',
  'Hướng dẫn chuyển đổi số trong ngành giáo dục', 'Kế hoạch kiểm tra công tác thi đua, khen thưởng', 'Báo cáo kết quả quyết toán ngân sách',
];

/**
 * Stages `n` documents received between `fromDays` and `toDays` days ago (working days, office
 * hours), with the times of their steps: submitted after an hour, assigned 2–48 hours after
 * receipt (5% re-assigned an hour later), handled in 1–21 days with six progress notes, 10%
 * reopened a day after closing and closed again two days later. 70% carry a due date 5–14 days
 * after receipt; 15% are urgent. Steps after now have not happened (recent documents are open).
 */
async function stage(db: PgClient, org: Org, n: number, fromDays: number, toDays: number): Promise<void> {
  const today = `(now() AT TIME ZONE '${TZ}')::date`;
  await db.query(
    `INSERT INTO bench_stage
     SELECT id, g, day, received_at, due_date, urgency, lead_idx, lead2_idx, submit_at, assign_at, reassign_at, handling,
            assign_at + handling, CASE WHEN reopened THEN assign_at + handling + interval '1 day' END,
            CASE WHEN reopened THEN assign_at + handling + interval '3 days' END,
            extract(year FROM received_at AT TIME ZONE '${TZ}')::int, NULL
       FROM (
         SELECT gen_random_uuid() AS id, g, day, received_at,
                CASE WHEN r1 < 0.7 THEN day + (5 + floor(r2 * 10))::int END AS due_date,
                CASE WHEN r3 < 0.85 THEN 'normal' WHEN r3 < 0.95 THEN 'urgent' WHEN r3 < 0.99 THEN 'very_urgent' ELSE 'flash' END AS urgency,
                floor(r4 * 7)::int AS lead_idx,
                CASE WHEN r5 < 0.05 THEN (floor(r4 * 7)::int + 3) % 7 END AS lead2_idx,
                received_at + interval '1 hour' AS submit_at,
                received_at + (2 + r6 * 46) * interval '1 hour' AS assign_at,
                CASE WHEN r5 < 0.05 THEN received_at + (3 + r6 * 46) * interval '1 hour' END AS reassign_at,
                (1 + r7 * 20) * interval '1 day' AS handling,
                r8 < 0.1 AS reopened
           FROM (
             SELECT g, day, ((day + time '07:30') + random() * interval '9 hours') AT TIME ZONE '${TZ}' AS received_at,
                    random() r1, random() r2, random() r3, random() r4, random() r5, random() r6, random() r7, random() r8
               FROM (
                 SELECT g, d0 - CASE extract(isodow FROM d0) WHEN 6 THEN 1 WHEN 7 THEN 2 ELSE 0 END AS day
                   FROM (SELECT g, ${today} - ($2::int + floor(random() * ($3::int - $2::int)))::int AS d0
                           FROM generate_series(1, $1::int) g OFFSET 0) s
               ) t
           ) u
       ) v
      WHERE received_at < now() - interval '10 minutes'`,
    [n, fromDays, toDays],
  );
  // Numbers continue each year's series of the register.
  await db.query(
    `UPDATE bench_stage s SET incoming_number = x.n
       FROM (SELECT id, row_number() OVER (PARTITION BY year ORDER BY received_at, g)
                          + coalesce((SELECT c.last_number FROM register_counter c WHERE c.register_id = ${uuid(org.register)} AND c.year = b.year), 0) AS n
               FROM bench_stage b) x
      WHERE x.id = s.id`,
  );
}

/** The timeline of each staged document, as the services write it (only what happened before now). */
function eventsSql(org: Org): string {
  const users = `ARRAY[${org.leadUsers.map(uuid).join(', ')}]`;
  const units = `ARRAY[${org.leadUnits.map(uuid).join(', ')}]`;
  const target = (idx: string) =>
    `jsonb_build_object('targets', jsonb_build_array(jsonb_build_object('role', 'lead', 'userId', (${users})[${idx} + 1], 'unitId', (${units})[${idx} + 1])), 'dueDate', due_date)`;
  const actor = `coalesce((${users})[coalesce(lead2_idx, lead_idx) + 1], ${uuid(org.leader)})`;
  const closeData = (at: string) => `jsonb_build_object('onTime', due_date IS NULL OR (${at} AT TIME ZONE '${TZ}')::date <= due_date, 'dueDate', due_date)`;
  const steps = [
    `SELECT id, received_at AS at, ${uuid(org.clerk)} AS actor, 'register' AS action, NULL AS from_status, 'registered' AS to_status,
            jsonb_build_object('incomingNumber', incoming_number, 'year', year, 'registerId', ${uuid(org.register)}) AS data, 1 AS step FROM bench_stage`,
    `SELECT id, submit_at, ${uuid(org.clerk)}, 'submit', 'registered', 'submitted', jsonb_build_object('leaderId', ${uuid(org.leader)}), 2 FROM bench_stage`,
    `SELECT id, assign_at, ${uuid(org.leader)}, 'assign', 'submitted', 'assigned', ${target('lead_idx')}, 3 FROM bench_stage`,
    `SELECT id, reassign_at, ${uuid(org.leader)}, 'assign', 'assigned', 'assigned', ${target('lead2_idx')}, 4 FROM bench_stage WHERE reassign_at IS NOT NULL`,
    ...[1, 2, 3, 4, 5, 6].map(
      (k) => `SELECT id, assign_at + handling * ${k} / 7.0, ${actor}, 'progress', ${k === 1 ? `'assigned'` : `'in_progress'`}, 'in_progress',
                     jsonb_build_object('percent', ${k * 14}), ${4 + k} FROM bench_stage`,
    ),
    `SELECT id, close_at, ${actor}, 'close', 'in_progress', 'closed', ${closeData('close_at')}, 11 FROM bench_stage`,
    `SELECT id, reopen_at, ${uuid(org.leader)}, 'reopen', 'closed', 'in_progress', '{}'::jsonb, 12 FROM bench_stage WHERE reopen_at IS NOT NULL`,
    `SELECT id, close2_at, ${actor}, 'close', 'in_progress', 'closed', ${closeData('close2_at')}, 13 FROM bench_stage WHERE close2_at IS NOT NULL`,
  ];
  return `SELECT * FROM (${steps.join('\nUNION ALL\n')}) e WHERE e.at < now() - interval '1 minute'`;
}

/** Moves the stage into the application's tables: documents (status = after their last step so far), counters, assignments, events. */
async function flushStage(db: PgClient, org: Org): Promise<void> {
  await db.query('BEGIN');
  await db.query(`CREATE TEMP TABLE bench_events ON COMMIT DROP AS ${eventsSql(org)}`);
  await db.query(
    `INSERT INTO incoming_document (id, agency_id, register_id, year, incoming_number, status, source_number_symbol, source_date,
       issuing_authority, document_type, subject, urgency, confidentiality, received_via, received_at, due_date, page_count,
       scan_file_id, registered_by, submitted_to, closed_at, closed_by, created_at, updated_at)
     SELECT s.id, ${uuid(org.agency)}, ${uuid(org.register)}, s.year, s.incoming_number, last.to_status,
            (1 + s.g % 3000) || '/UBND-VX', s.day, 'UBND tỉnh Tây Ninh', 'Công văn', ($1::text[])[1 + s.g % array_length($1::text[], 1)],
            s.urgency, 'normal', 'system', s.received_at, s.due_date, 2, ${uuid(org.scanFileId)}, ${uuid(org.clerk)}, ${uuid(org.leader)},
            CASE WHEN last.to_status = 'closed' THEN last.at END, CASE WHEN last.to_status = 'closed' THEN last.actor END, s.received_at, last.at
       FROM bench_stage s
       JOIN (SELECT DISTINCT ON (e.id) e.id, e.to_status, e.at, e.actor FROM bench_events e ORDER BY e.id, e.step DESC) last ON last.id = s.id`,
    [SUBJECTS],
  );
  await db.query(
    `INSERT INTO register_counter (register_id, year, last_number)
     SELECT ${uuid(org.register)}, year, max(incoming_number) FROM bench_stage GROUP BY year
     ON CONFLICT (register_id, year) DO UPDATE SET last_number = greatest(register_counter.last_number, excluded.last_number)`,
  );
  const users = `ARRAY[${org.leadUsers.map(uuid).join(', ')}]`;
  const units = `ARRAY[${org.leadUnits.map(uuid).join(', ')}]`;
  await db.query(
    `INSERT INTO incoming_assignment (document_id, role, user_id, unit_id, due_date, assigned_by, assigned_at, active)
     SELECT id, 'lead', (${users})[lead_idx + 1], (${units})[lead_idx + 1], due_date, ${uuid(org.leader)}, assign_at, reassign_at IS NULL OR reassign_at >= now()
       FROM bench_stage WHERE assign_at < now()
     UNION ALL
     SELECT id, 'lead', (${users})[lead2_idx + 1], (${units})[lead2_idx + 1], due_date, ${uuid(org.leader)}, reassign_at, true
       FROM bench_stage WHERE reassign_at < now()`,
  );
  await db.query(
    `INSERT INTO incoming_event (document_id, occurred_at, actor_id, action, from_status, to_status, data)
     SELECT id, at, actor, action, from_status, to_status, data FROM bench_events ORDER BY id, step`,
  );
  await db.query('COMMIT');
  await db.query('TRUNCATE bench_stage');
}

interface IndexDef {
  name: string;
  def: string;
}

const BIG_TABLES = ['incoming_document', 'incoming_assignment', 'incoming_event', 'incoming_status_interval'];

async function secondaryIndexes(db: PgClient): Promise<IndexDef[]> {
  const { rows } = await db.query(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
       FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace
        AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)
      ORDER BY t.relname, i.relname`,
    [BIG_TABLES],
  );
  return rows as IndexDef[];
}

async function count(db: PgClient, table: string): Promise<number> {
  return Number((await db.query(`SELECT count(*)::bigint AS n FROM ${table}`)).rows[0].n);
}

/**
 * Adds `n` documents received between `fromDays` and `toDays` days ago, in batches. Secondary
 * indexes are dropped during the load and built again from their catalogue definitions; the
 * stretches of incoming_status_interval are rebuilt from the events by the migration's function.
 */
async function seed(db: PgClient, org: Org, n: number, fromDays: number, toDays: number): Promise<number> {
  const start = Date.now();
  await db.query(`SET synchronous_commit = off`);
  await db.query(`SET work_mem = '256MB'`);
  await db.query(`SET maintenance_work_mem = '1GB'`);
  await db.query(STAGE_DDL);
  const indexes = await secondaryIndexes(db);
  for (const index of indexes) await db.query(`DROP INDEX ${index.name}`);
  await db.query(`ALTER TABLE incoming_event DISABLE TRIGGER incoming_event_status_interval`);
  const days = toDays - fromDays;
  for (let done = 0; done < n; ) {
    const size = Math.min(OPT.batch, n - done);
    // Each batch covers its own slice of days, oldest last, so numbers stay in date order within a batch.
    const lo = fromDays + Math.floor((days * done) / n);
    const hi = fromDays + Math.floor((days * (done + size)) / n);
    const t0 = Date.now();
    await stage(db, org, size, lo, Math.max(hi, lo + 1));
    await flushStage(db, org);
    done += size;
    log(`  seeded ${done.toLocaleString('en')} / ${n.toLocaleString('en')} (days ${lo}–${hi} ago) in ${seconds(Date.now() - t0)}`);
  }
  await db.query(`ALTER TABLE incoming_event ENABLE TRIGGER incoming_event_status_interval`);
  await db.query(`DROP TABLE bench_stage`);
  const r0 = Date.now();
  const intervals = (await db.query(`SELECT incoming_status_intervals_rebuild(NULL) AS n`)).rows[0].n;
  log(`  incoming_status_intervals_rebuild(NULL): ${Number(intervals).toLocaleString('en')} stretches in ${seconds(Date.now() - r0)}`);
  const i0 = Date.now();
  for (const index of indexes) await db.query(index.def);
  log(`  ${indexes.length} secondary indexes rebuilt in ${seconds(Date.now() - i0)}`);
  await db.query(`VACUUM (ANALYZE) incoming_document, incoming_assignment, incoming_event, incoming_status_interval, register_counter`);
  await db.query(`CHECKPOINT`);
  return Date.now() - start;
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

/** Through the second factor where the role requires it (clerks, leaders: docs/sign-in.md). */
async function signIn(api: Api, username: string): Promise<string> {
  return (await new Client(api.url).signInSession(username, DEMO_PASSWORD)).accessToken;
}

async function timedGet(api: Api, token: string, path: string): Promise<{ ms: number; body: Buffer }> {
  const t0 = performance.now();
  const res = await fetch(`${api.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  const body = Buffer.from(await res.arrayBuffer());
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.toString().slice(0, 500)}`);
  return { ms, body };
}

interface Latency {
  n: number;
  p50: number;
  p95: number;
}

/**
 * Every figure sampled in turn, round after round (after a warm-up of each), so that the load of
 * the shared machine at any moment falls on all figures alike rather than on whichever was being
 * measured then; stops after --samples rounds, or after --max-seconds once --min-samples are in.
 */
async function latencies(api: Api, tokens: Record<Figure['user'], string>, list: Figure[]): Promise<Map<string, Latency>> {
  for (const figure of list) for (let i = 0; i < OPT.warmup; i += 1) await timedGet(api, tokens[figure.user], figure.path);
  const samples = new Map<string, number[]>(list.map((f) => [f.label, []]));
  const deadline = Date.now() + OPT.maxSeconds * 1000 * list.length;
  for (let round = 0; round < OPT.samples && (round < OPT.minSamples || Date.now() < deadline); round += 1) {
    for (const figure of list) samples.get(figure.label)!.push((await timedGet(api, tokens[figure.user], figure.path)).ms);
  }
  const result = new Map<string, Latency>();
  for (const [label, values] of samples) {
    values.sort((a, b) => a - b);
    result.set(label, { n: values.length, p50: percentile(values, 0.5), p95: percentile(values, 0.95) });
  }
  return result;
}

/** ISO week key of the last complete week, and the month before the current one, in Vietnam. */
function lastCompletePeriods(): { week: string; month: string } {
  const vnNow = new Date(Date.now() + 7 * 3600_000);
  const day = new Date(Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth(), vnNow.getUTCDate() - 7));
  const thursday = new Date(day.getTime() + (3 - ((day.getUTCDay() + 6) % 7)) * 86_400_000);
  const jan1 = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / (7 * 86_400_000)) + 1;
  const month = new Date(Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth() - 1, 1));
  return {
    week: `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`,
    month: `${month.getUTCFullYear()}-${String(month.getUTCMonth() + 1).padStart(2, '0')}`,
  };
}

interface Figure {
  label: string;
  user: 'hapt' | 'khoalm' | 'huydq';
  path: string;
}

function figures(week: string, month: string): Figure[] {
  return [
    { label: `weekly ${week}, agency (hapt)`, user: 'hapt', path: `/api/v1/stats/weekly?week=${week}` },
    { label: `weekly ${week}, unit GDTRH (khoalm)`, user: 'khoalm', path: `/api/v1/stats/weekly?week=${week}` },
    { label: `weekly ${week}, person (huydq)`, user: 'huydq', path: `/api/v1/stats/weekly?week=${week}` },
    { label: `monthly ${month}, agency (hapt)`, user: 'hapt', path: `/api/v1/stats/monthly?month=${month}` },
    { label: `drill-down closedLate page 1 (hapt)`, user: 'hapt', path: `/api/v1/stats/weekly/drilldown?week=${week}&figure=closedLate` },
    { label: `tracking book ${week} JSON (hapt)`, user: 'hapt', path: `/api/v1/stats/weekly/tracking-book?week=${week}` },
    { label: `weekly ${week} PDF report (hapt)`, user: 'hapt', path: `/api/v1/stats/weekly?week=${week}&format=pdf` },
  ];
}

/**
 * What replaying the event log per request would cost instead: "open and overdue at the week's
 * end" computed from incoming_event (each document's last event before T), against the same
 * figure from incoming_status_interval. Server-side time from EXPLAIN ANALYZE.
 */
async function replayComparison(db: PgClient, org: Org, week: string): Promise<Record<'replay' | 'during' | 'handling', { n: number; ms: number }>> {
  const [year, w] = week.split('-W').map(Number);
  const jan4 = Date.UTC(year, 0, 4);
  const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * 86_400_000 + (w - 1) * 7 * 86_400_000;
  const end = new Date(monday + 7 * 86_400_000 - 7 * 3600_000);
  const today = new Date(monday + 7 * 86_400_000).toISOString().slice(0, 10);
  const replaySql = `SELECT count(*) AS n FROM (
      SELECT DISTINCT ON (e.document_id) e.to_status, d.due_date
        FROM incoming_event e JOIN incoming_document d ON d.id = e.document_id
       WHERE d.agency_id = $1 AND e.occurred_at < $2
       ORDER BY e.document_id, e.id DESC) s
     WHERE s.to_status IN ('assigned', 'in_progress') AND s.due_date < $3::date`;
  // The first design: the same stretches found through `during` and the status.
  const duringSql = `SELECT count(*) AS n FROM incoming_status_interval i
     WHERE i.agency_id = $1 AND i.status IN ('assigned', 'in_progress') AND i.during @> ($2::timestamptz - interval '1 microsecond') AND i.due_date < $3::date`;
  // What the application asks (incoming-figure-sql.ts): the generated `handling` range and its GiST index.
  const handlingSql = `SELECT count(*) AS n FROM incoming_status_interval i
     WHERE i.agency_id = $1 AND i.handling @> ($2::timestamptz - interval '1 microsecond') AND i.due_date < $3::date`;
  const timed = async (sql: string) => {
    const params = [org.agency, end, today];
    const n = Number((await db.query(sql, params)).rows[0].n);
    const plan = (await db.query(`EXPLAIN (ANALYZE) ${sql}`, params)).rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    return { n, ms: Number(/Execution Time: ([\d.]+) ms/.exec(plan)?.[1] ?? NaN) };
  };
  return { replay: await timed(replaySql), during: await timed(duringSql), handling: await timed(handlingSql) };
}

interface Measured {
  documents: number;
  events: number;
  intervals: number;
  dbSize: string;
  values: Map<string, Latency>;
  answer: string;
  replay: Awaited<ReturnType<typeof replayComparison>>;
}

async function measure(api: Api, db: PgClient, org: Org): Promise<Measured> {
  const documents = await count(db, 'incoming_document');
  const events = await count(db, 'incoming_event');
  const intervals = await count(db, 'incoming_status_interval');
  const dbSize = (await db.query(`SELECT pg_size_pretty(pg_database_size(current_database())) AS s`)).rows[0].s as string;
  log(`measuring at ${documents.toLocaleString('en')} documents, ${events.toLocaleString('en')} events, ${intervals.toLocaleString('en')} stretches (database ${dbSize}; load average ${loadavg()[0].toFixed(2)})`);
  const { week, month } = lastCompletePeriods();
  const tokens = { hapt: await signIn(api, 'hapt'), khoalm: await signIn(api, 'khoalm'), huydq: await signIn(api, 'huydq') };
  const values = await latencies(api, tokens, figures(week, month));
  for (const [label, value] of values) log(`  ${label}: p50 ${value.p50.toFixed(1)} ms, p95 ${value.p95.toFixed(1)} ms (n=${value.n})`);
  const answer = (await timedGet(api, tokens.hapt, `/api/v1/stats/weekly?week=${week}`)).body.toString();
  const replay = await replayComparison(db, org, week);
  log(
    `  overdue at the end of ${week}: replaying incoming_event ${replay.replay.ms.toFixed(1)} ms (${replay.replay.n}), ` +
      `stretches by during ${replay.during.ms.toFixed(1)} ms (${replay.during.n}), by handling ${replay.handling.ms.toFixed(1)} ms (${replay.handling.n})`,
  );
  log(`  load average after: ${loadavg()[0].toFixed(2)}`);
  return { documents, events, intervals, dbSize, values, answer, replay };
}

/** The figures of the measured week at both sizes, without the instant of the request. */
function comparable(answer: string): unknown {
  const parsed = JSON.parse(answer) as { current: unknown; previous: unknown; byUnit: unknown; trend: unknown };
  return { current: parsed.current, previous: parsed.previous, byUnit: parsed.byUnit, trend: parsed.trend };
}

const REPLAY_LABELS = {
  replay: 'replaying incoming_event (last event before T per document)',
  during: 'stretches: status filter and during @> T',
  handling: 'stretches: handling @> T (GiST on the handling stretches)',
};

function report(small: Measured, large: Measured): void {
  const rows = [...small.values.keys()].map((label) => {
    const a = small.values.get(label)!;
    const b = large.values.get(label)!;
    return `| ${label} | ${a.p50.toFixed(1)} ms | ${a.p95.toFixed(1)} ms | ${b.p50.toFixed(1)} ms | ${b.p95.toFixed(1)} ms | ${(b.p50 / a.p50).toFixed(2)}× | ${(b.p95 / a.p95).toFixed(2)}× |`;
  });
  console.log(`
| size | documents | events | stretches | database |
| --- | ---: | ---: | ---: | ---: |
| small | ${small.documents.toLocaleString('en')} | ${small.events.toLocaleString('en')} | ${small.intervals.toLocaleString('en')} | ${small.dbSize} |
| large | ${large.documents.toLocaleString('en')} | ${large.events.toLocaleString('en')} | ${large.intervals.toLocaleString('en')} | ${large.dbSize} |

| figure | small p50 | small p95 | large p50 | large p95 | ratio p50 | ratio p95 |
| --- | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

| overdue at the week's end, server time (EXPLAIN ANALYZE) | small | large | ratio |
| --- | ---: | ---: | ---: |
${(['replay', 'during', 'handling'] as const).map((k) => `| ${REPLAY_LABELS[k]} | ${small.replay[k].ms.toFixed(1)} ms | ${large.replay[k].ms.toFixed(1)} ms | ${(large.replay[k].ms / small.replay[k].ms).toFixed(2)}× |`).join('\n')}
`);
}

async function main(): Promise<void> {
  const inst = await createInstallation({ keep: OPT.keep });
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  try {
    const org = await loadOrg(db, inst);
    const smallDays = Math.ceil((OPT.small / OPT.perWeek) * 7);
    const largeDays = Math.ceil((OPT.large / OPT.perWeek) * 7);
    log(`seeding ${OPT.small.toLocaleString('en')} documents over the last ${smallDays} days (${OPT.perWeek}/week)`);
    log(`  done in ${seconds(await seed(db, org, OPT.small, 0, smallDays))}`);
    const api = await startApi(inst);
    const small = await measure(api, db, org);
    log(`seeding ${(OPT.large - OPT.small).toLocaleString('en')} older documents (${smallDays}–${largeDays} days ago)`);
    log(`  done in ${seconds(await seed(db, org, OPT.large - OPT.small, smallDays, largeDays))}`);
    const large = await measure(api, db, org);
    const same = JSON.stringify(comparable(small.answer)) === JSON.stringify(comparable(large.answer));
    log(same ? 'the figures of the measured week are identical at both sizes' : 'FIGURES DIFFER between the sizes');
    report(small, large);
    if (!same) throw new Error('the figures of a recent week changed when older history was added');
  } finally {
    await db.end();
  }
}

runBench(main);
