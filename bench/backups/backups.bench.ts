// Benchmark of backups (issue 12): the product's full backup, an incremental one with no new files,
// and the product's restore, of a database with 1,000,000 incoming documents and several GB of
// distinct blobs, as ratios to plain `pg_dump -Fc` + `cp -r` and `pg_restore` + `cp -r` of the same
// data, measured in the same run.
//
//   npm run -s build
//   npm run bench:backups -- [--documents=1000000] [--gigabytes=4]
//
// Everything lives in a throwaway database, queue prefix and directory (removed at the end, also on
// failure or Ctrl-C). The backups are the real ones: the built worker runs the backup job that
// `POST /admin/backups` queues, and the restore is the built restore CLI into an empty database and
// an empty file store.
import { spawn } from 'node:child_process';
import { randomBytes, createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rm, writeFile, mkdir } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { freePort, waitFor } from '../../test/support/processes';
import { archiveCommand, ArchivingCluster, startArchivingCluster } from '../../test/support/archiving-cluster';
import {
  adminQuery, API_MAIN, createInstallation, Installation, log, onCleanup, option, ROOT, runBench, seconds, startApi, startWorker,
} from '../support/installation';
import { loadOrg, makePdf, Org, seedTo } from '../support/incoming-seed';

const OPT = {
  documents: option('documents', 1_000_000),
  gigabytes: option('gigabytes', 4),
  /** Mean blob size in MB: sizes are spread evenly between a quarter and 1.75 times it. */
  blobMegabytes: option('blob-megabytes', 1),
  /** Every n-th blob is a real PDF (small); the others random bytes, incompressible like scans. */
  pdfEvery: option('pdf-every', 20),
  batch: option('batch', 100_000),
  destinations: option('destinations', 1),
  keep: option('keep', 'false') === 'true',
  /**
   * `dump` (default): the product's dump mode on the machine's server. `wal`: the installation on a
   * cluster of its own that archives WAL (test/support/archiving-cluster.ts), and BACKUP_MODE=wal.
   */
  mode: option('mode', 'dump'),
};

const RESTORE_CLI = join(ROOT, 'dist/apps/api/apps/api/src/restore.js');
const PASSWORD = 'Mật khẩu kho sao lưu (benchmark)';
const load = () => loadavg().map((l) => l.toFixed(2)).join(' ');
const gb = (bytes: number) => `${(bytes / 1024 ** 3).toFixed(2)} GB`;

/** Runs a program (no shell) and answers its duration; fails with its last words. */
function timed(program: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<{ ms: number; output: string }> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(program, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-20_000)));
    child.on('error', reject);
    child.on('exit', (code) => {
      const ms = performance.now() - t0;
      if (code === 0) resolve({ ms, output });
      else reject(new Error(`${program} ${args.join(' ')} exited with ${code}:\n${output}`));
    });
  });
}

/** A copy written is a copy on disk: each baseline ends with `sync`, as restic and pg_dump sync their files. */
async function timedSynced(program: string, args: string[], env?: NodeJS.ProcessEnv): Promise<number> {
  const t0 = performance.now();
  await timed(program, args, env);
  await timed('sync', []);
  return performance.now() - t0;
}

/** Distinct content-addressed blobs in the file store, each with its stored_file row. */
async function seedBlobs(db: PgClient, inst: Installation, org: Org): Promise<{ count: number; bytes: number }> {
  const target = OPT.gigabytes * 1024 ** 3;
  const mean = OPT.blobMegabytes * 1024 ** 2;
  let bytes = 0;
  let count = 0;
  let rows: [string, string, number, string][] = [];
  const flush = async () => {
    if (!rows.length) return;
    await db.query(
      `INSERT INTO stored_file (storage_key, sha256, size_bytes, mime_type, original_name, uploaded_by)
       SELECT k, s, n, m, 'bench-blob', $5 FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) AS t(k, s, n, m)`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2]), rows.map((r) => r[3]), org.people.clerk],
    );
    rows = [];
  };
  let lastLog = Date.now();
  while (bytes < target) {
    const pdf = count % OPT.pdfEvery === 0;
    const data = pdf
      ? await makePdf(`Van ban so ${count} - ${randomBytes(6).toString('hex')}`)
      : randomBytes(Math.min(target - bytes, Math.round(mean * (0.25 + Math.random() * 1.5))) || 1);
    const sha256 = createHash('sha256').update(data).digest('hex');
    const key = `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
    await mkdir(dirname(join(inst.fileStoreDir, key)), { recursive: true });
    await writeFile(join(inst.fileStoreDir, key), data);
    rows.push([key, sha256, data.length, pdf ? 'application/pdf' : 'image/jpeg']);
    if (rows.length >= 500) await flush();
    bytes += data.length;
    count += 1;
    if (Date.now() - lastLog > 15_000) {
      log(`  ${count} blobs, ${gb(bytes)}`);
      lastLog = Date.now();
    }
  }
  await flush();
  return { count, bytes };
}

async function main(): Promise<void> {
  if (!existsSync(API_MAIN)) throw new Error('dist/ is missing: run `npm run -s build` first');
  log(`backup benchmark: ${OPT.documents.toLocaleString('en')} documents, ${OPT.gigabytes} GB of blobs; load ${load()}`);
  let cluster: ArchivingCluster | null = null;
  if (OPT.mode === 'wal') {
    // Seeding writes GBs of WAL: archived nowhere (`/bin/true`) until the backups, as on an
    // installation that turns archiving on with its data already there. fsync stays on, as in production.
    const dir = mkdtempSync(join(tmpdir(), 'eoffice-bench-wal-'));
    cluster = startArchivingCluster(dir, await freePort(), { fsync: 'on', archive_command: '/bin/true' });
    onCleanup('archiving cluster', () => {
      cluster!.stop();
      rmSync(dir, { recursive: true, force: true });
    });
    process.env.DATABASE_URL = cluster.url('postgres');
    log(`WAL mode: a cluster of its own on port ${cluster.port}, archiving into ${cluster.walDir}`);
  }
  const inst = await createInstallation({ keep: OPT.keep });
  // The cluster's user (postgres) reaches the restore's scratch cluster below the work directory.
  if (cluster) chmodSync(inst.workDir, 0o755);
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  onCleanup('database session', () => db.end());
  const org = await loadOrg(db, inst);
  const seeded = await seedTo(db, org, OPT.documents, true, OPT.batch);
  log(`seeded ${OPT.documents.toLocaleString('en')} documents in ${seconds(seeded.ms)}`);
  const t0 = Date.now();
  const blobs = await seedBlobs(db, inst, org);
  await timed('sync', []);
  log(`${blobs.count} blobs (${gb(blobs.bytes)}) written in ${seconds(Date.now() - t0)}`);
  const dbBytes = Number((await db.query('SELECT pg_database_size(current_database()) AS n')).rows[0].n);

  const scratch = join(inst.workDir, 'scratch');
  mkdirSync(scratch, { recursive: true });
  const figures: Record<string, number> = {};
  const loads: Record<string, string> = {};
  const measure = async (name: string, fn: () => Promise<number>) => {
    loads[name] = load();
    log(`${name}… (load ${loads[name]})`);
    figures[name] = await fn();
    log(`${name}: ${seconds(figures[name])}`);
  };

  // --- Baselines: the same data copied by the plain tools --------------------------------------
  const plainDump = join(scratch, 'plain.dump');
  await measure('pg_dump -Fc', () => timedSynced('pg_dump', ['--format=custom', `--file=${plainDump}`, `--dbname=${inst.databaseUrl}`]));
  const copy = join(inst.workDir, 'cp-copy');
  await measure('cp -r file store', () => timedSynced('cp', ['-r', inst.fileStoreDir, copy]));
  await rm(copy, { recursive: true, force: true });
  const plainTarget = new URL(inst.databaseUrl);
  plainTarget.pathname = `/eoffice_bench_${inst.id}_pgrestore`;
  await adminQuery(inst.serverUrl, `CREATE DATABASE "eoffice_bench_${inst.id}_pgrestore"`);
  onCleanup('pg_restore database', () => adminQuery(inst.serverUrl, `DROP DATABASE IF EXISTS "eoffice_bench_${inst.id}_pgrestore" WITH (FORCE)`));
  await measure('pg_restore', () => timedSynced('pg_restore', ['--no-owner', '--no-privileges', '--exit-on-error', `--dbname=${plainTarget.toString()}`, plainDump]));
  await adminQuery(inst.serverUrl, `DROP DATABASE "eoffice_bench_${inst.id}_pgrestore" WITH (FORCE)`);
  const dumpBytes = (await timed('stat', ['-c', '%s', plainDump])).output.trim();
  await rm(plainDump, { force: true });

  // --- The product: the worker's backup job, twice, then the restore CLI ------------------------
  const backupEnv: NodeJS.ProcessEnv = {
    BACKUP_REPOSITORY: join(inst.workDir, 'repo-1'),
    ...(OPT.destinations > 1 ? { BACKUP_REPOSITORY_2: join(inst.workDir, 'repo-2') } : {}),
    BACKUP_REPOSITORY_PASSWORD: PASSWORD,
    BACKUP_SCRATCH_DIR: join(inst.workDir, 'backup-scratch'),
    RESTIC_CACHE_DIR: join(inst.workDir, 'restic-cache'),
    BACKUP_CRON: 'off',
    RESTORE_DRILL_CRON: 'off',
    ORPHAN_COLLECTOR_CRON: 'off',
    ...(cluster ? { BACKUP_MODE: 'wal', BACKUP_WAL_DIR: cluster.walDir, BACKUP_PG_BIN_DIR: cluster.binDir } : {}),
  };
  if (cluster) {
    await db.query(`ALTER SYSTEM SET archive_command = '${archiveCommand(cluster.walDir)}'`);
    await db.query('SELECT pg_reload_conf()');
  }
  const api = await startApi(inst, backupEnv);
  startWorker(inst, backupEnv);
  const admin = await new Client(api.url).signIn('admin', String(inst.env.BOOTSTRAP_ADMIN_PASSWORD));
  const stepLog: string[] = [];
  const backup = async () => {
    const res = await admin.post('/api/v1/admin/backups');
    if (res.status !== 202) throw new Error(`POST /admin/backups: ${res.status} ${JSON.stringify(res.body)}`);
    const run = await waitFor(
      async () => {
        const r = await admin.get(`/api/v1/admin/backups/${res.body.id}`);
        return ['succeeded', 'failed'].includes(r.body.status) ? r.body : undefined;
      },
      'the backup to finish',
      4 * 3600_000,
    );
    if (run.status !== 'succeeded') throw new Error(`backup failed: ${run.error}`);
    log(`  backup ${run.id}: ${seconds(run.durationMs ?? 0)} recorded, ${gb(run.sizeAddedBytes ?? 0)} added, repository ${gb(run.totalSizeBytes ?? 0)}`);
    // Where the time went: the run's own steps (manifest, dump), then each destination's.
    const steps = [run.stepsMs, ...run.destinations.map((d: { stepsMs?: Record<string, number> }) => d.stepsMs ?? {})] as Record<string, number>[];
    const stepLine = steps.map((s, i) => `${i === 0 ? 'run' : `destination ${i}`}: ${Object.entries(s ?? {}).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`).join(', ')}`).join('; ');
    log(`  steps — ${stepLine}`);
    stepLog.push(stepLine);
    return run as { id: string; durationMs: number; sizeAddedBytes: number; totalSizeBytes: number };
  };
  let full = { id: '', durationMs: 0, sizeAddedBytes: 0, totalSizeBytes: 0 };
  await measure('product full backup', async () => (full = await backup()).durationMs);
  let incremental = { id: '', durationMs: 0, sizeAddedBytes: 0, totalSizeBytes: 0 };
  await measure('product incremental backup', async () => (incremental = await backup()).durationMs);

  const restoredDb = new URL(inst.databaseUrl);
  restoredDb.pathname = `/eoffice_bench_${inst.id}_restored`;
  const restoredFiles = join(inst.workDir, 'restored-files');
  onCleanup('restored database', () => adminQuery(inst.serverUrl, `DROP DATABASE IF EXISTS "eoffice_bench_${inst.id}_restored" WITH (FORCE)`));
  await measure('product restore', async () => {
    const t = performance.now();
    const { output } = await timed(process.execPath, [RESTORE_CLI, incremental.id, `--target-database-url=${restoredDb.toString()}`, `--target-file-store=${restoredFiles}`], {
      ...inst.env,
      ...backupEnv,
    });
    await timed('sync', []);
    log(`  ${output.trim().split('\n').slice(-2).join(' | ')}`);
    return performance.now() - t;
  });

  // --- Report -----------------------------------------------------------------------------------
  const f = figures;
  const backupBase = f['pg_dump -Fc'] + f['cp -r file store'];
  const restoreBase = f['pg_restore'] + f['cp -r file store'];
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const goal = (value: number, limit: number) => (value <= limit ? 'met' : 'MISSED');
  const lines = [
    '',
    `Backup benchmark — ${new Date().toISOString()}`,
    `mode: ${OPT.mode}${cluster ? ' (a base backup by pg_basebackup on the first run, then only archived WAL segments; restore replays them in a scratch cluster)' : ''}`,
    `data: ${OPT.documents.toLocaleString('en')} incoming documents (database ${gb(dbBytes)}, pg_dump -Fc ${gb(Number(dumpBytes))}), ${blobs.count} blobs ${gb(blobs.bytes)}; ${OPT.destinations} destination(s)`,
    '',
    '| step | seconds | load average (1/5/15 min) at start |',
    '|---|---:|---|',
    ...Object.entries(f).map(([name, ms]) => `| ${name} | ${(ms / 1000).toFixed(1)} | ${loads[name]} |`),
    '',
    `full backup / (pg_dump + cp)     = ${ratio(full.durationMs, backupBase)}  (goal ≤ 1.5: ${goal(full.durationMs / backupBase, 1.5)})`,
    `restore / (pg_restore + cp)      = ${ratio(f['product restore'], restoreBase)}  (goal ≤ 1.5: ${goal(f['product restore'] / restoreBase, 1.5)})`,
    `incremental / full               = ${ratio(incremental.durationMs, full.durationMs)}  (goal ≤ 0.2: ${goal(incremental.durationMs / full.durationMs, 0.2)})`,
    `repository after two backups: ${gb(incremental.totalSizeBytes)}; the incremental added ${gb(incremental.sizeAddedBytes)}`,
    `steps of the full backup        — ${stepLog[0]}`,
    `steps of the incremental backup — ${stepLog[1]}`,
  ];
  for (const line of lines) console.log(line);
}

runBench(main);
