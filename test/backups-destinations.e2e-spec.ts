import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import { backupNow as backupNowIn, backupSettled } from './support/backups';
import { query } from './support/db';
import { Client } from './support/http';
import { Api, freePort, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun, processEnv, ROOT } from './support/test-env';

// The waits below scale with the load (waitFor, up to 5×); so does each test's budget, or a loaded
// machine (load 30 on two cores) times a slow backup out as a hang.
jest.setTimeout(scaledBudget(300_000, 1_500_000));

const base = loadRun();
const org = ownOrganisation(base);
const PASSWORD = 'Mật khẩu kho sao lưu S3 2026';
const BUCKET = 'eoffice-backups';
const RESTORE_CLI = join(ROOT, 'dist/apps/api/apps/api/src/restore.js');
/** Mounting a small or read-only file system needs root; without it the not-writable case uses file modes. */
const ROOT_USER = process.getuid?.() === 0;

interface Run {
  id: string;
  status: string;
  error: string | null;
  stepsMs: Record<string, number> | null;
  destinations: { destination: string; verified: boolean; verification?: string | null; error: string | null; stepsMs?: Record<string, number> }[];
}

/**
 * Backup destinations beyond two local directories: an S3-compatible bucket (s3rver, over HTTPS —
 * over plain HTTP restic's S3 client signs uploads as `aws-chunked` streams, which s3rver stores
 * with the chunk framing inside the object, so every read back fails), a full disk and a read-only
 * one; a backup asked for while one runs; failures counted in the worker's metrics.
 */
describe('backup destinations: S3-compatible bucket, full and read-only disks', () => {
  let isolated: IsolatedRun;
  let run: E2eRun;
  let work: string;
  let env: Record<string, string>;
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let server: S3rver;
  let s3Repository: string;
  const mounts: string[] = [];

  const restartWorker = async (overrides: Record<string, string> = {}) => {
    await worker.stop();
    worker = startWorker(run, { ...env, ...overrides });
  };
  const settled = (id: string): Promise<Run> => backupSettled(admin, id, () => worker);
  const backupNow = () => backupNowIn(admin, () => worker);
  /** The worker's /metrics; a worker just started may not listen yet. */
  const workerMetrics = () =>
    waitFor(
      async () => {
        const res = await fetch(`http://127.0.0.1:${env.WORKER_METRICS_PORT}/metrics`).catch(() => undefined);
        return res?.ok ? res.text() : undefined;
      },
      "the worker's metrics",
      60_000,
    );
  const backupFailures = (metrics: string) =>
    [...metrics.matchAll(/^job_failures_total\{([^}]*)\} (\d+)$/gm)].filter((m) => /name="backup"/.test(m[1])).reduce((sum, m) => sum + Number(m[2]), 0);

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'backupdest');
    run = { ...isolated.run };
    work = mkdtempSync(join(tmpdir(), 'eoffice-backup-dest-'));
    run.fileStoreDir = join(work, 'files');
    if (existsSync(base.fileStoreDir)) cpSync(base.fileStoreDir, run.fileStoreDir, { recursive: true });
    mkdirSync(run.fileStoreDir, { recursive: true });
    // A self-signed certificate for 127.0.0.1, given to restic as the endpoint's CA (BACKUP_S3_CA_FILE).
    const key = join(work, 's3-key.pem');
    const cert = join(work, 's3-cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], {
      stdio: 'ignore',
    });
    mkdirSync(join(work, 's3'));
    server = new S3rver({
      port: 0,
      address: '127.0.0.1',
      silent: true,
      directory: join(work, 's3'),
      key: readFileSync(key),
      cert: readFileSync(cert),
      configureBuckets: [{ name: BUCKET, configs: [] }],
    });
    const { port } = await server.run();
    s3Repository = `s3:https://127.0.0.1:${port}/${BUCKET}/eoffice`;
    env = {
      FILE_STORE_DIR: run.fileStoreDir,
      BACKUP_REPOSITORY: join(work, 'repo-1'),
      BACKUP_REPOSITORY_2: s3Repository,
      BACKUP_REPOSITORY_PASSWORD: PASSWORD,
      BACKUP_S3_ACCESS_KEY_ID: 'S3RVER',
      BACKUP_S3_SECRET_ACCESS_KEY: 'S3RVER',
      BACKUP_S3_CA_FILE: cert,
      BACKUP_SCRATCH_DIR: join(work, 'scratch'),
      BACKUP_CRON: 'off',
      RESTORE_DRILL_CRON: 'off',
      ORPHAN_COLLECTOR_CRON: 'off',
      WORKER_METRICS_PORT: String(await freePort()),
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    admin = await org.signIn(api.url, 'admin');
  }, scaledBudget(120_000));
  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    for (const mount of mounts) execFileSync('umount', [mount], { stdio: 'ignore' });
    await server?.close();
    await isolated?.dispose();
    if (work) {
      chmodSync(work, 0o755);
      rmSync(work, { recursive: true, force: true });
    }
  });

  it('backs up into an S3-compatible bucket over HTTPS, verifies it, and restores from the bucket alone', async () => {
    const done = await backupNow();
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(done.destinations.map((d) => [d.destination, d.verified, d.verification])).toEqual([
      ['1', true, 'structure'],
      ['2', true, 'structure'],
    ]);
    // Where the time went is recorded, per run and per destination.
    expect(Object.keys(done.stepsMs ?? {}).sort()).toEqual(['dump', 'manifest']);
    for (const d of done.destinations) expect(Object.keys(d.stepsMs ?? {}).sort()).toEqual(['backup', 'check', 'dump', 'open', 'retention', 'size']);
    expect(readdirSync(join(work, 's3', BUCKET, 'eoffice', 'data')).length).toBeGreaterThan(0);

    const target = new URL(run.databaseUrl);
    target.pathname = `${target.pathname}_from_s3`;
    const files = join(work, 'restored-from-s3');
    const result = await new Promise<{ code: number; out: string }>((resolve) => {
      const restoreEnv = processEnv(run, { ...env, BACKUP_REPOSITORY: s3Repository, BACKUP_REPOSITORY_2: '' });
      execFile(process.execPath, [RESTORE_CLI, done.id, '--target-database-url', target.toString(), '--target-file-store', files], { env: restoreEnv, timeout: 240_000 }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` }),
      );
    });
    try {
      expect(result.out).toContain('every row count, blob and the audit chain match');
      expect(result.code).toBe(0);
    } finally {
      await query(base.databaseUrl, `DROP DATABASE IF EXISTS "${target.pathname.slice(1)}" WITH (FORCE)`);
    }
  });

  it('answers a backup asked for while one runs with 409, and runs that one to the end', async () => {
    const first = await admin.post('/api/v1/admin/backups');
    expect(first.status).toBe(202);
    await waitFor(async () => ((await admin.get(`/api/v1/admin/backups/${first.body.id}`)).body.status === 'running' ? true : undefined), 'the backup to run', 60_000);
    const second = await admin.post('/api/v1/admin/backups');
    expect([second.status, second.body.code]).toEqual([409, 'BACKUP_ALREADY_RUNNING']);
    expect(second.body.detail).toMatch(/đang có một lượt sao lưu/i);
    expect(await settled(first.body.id)).toMatchObject({ status: 'succeeded' });
  });

  (ROOT_USER ? it : it.skip)('fails on a full destination with restic’s reason, keeps the other, and counts the failure', async () => {
    const full = join(work, 'full-disk');
    mkdirSync(full);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', full]);
    mounts.push(full);
    // Incompressible bytes in the file store, more than the small disk holds.
    const filler = join(run.fileStoreDir, 'sha256', 'ff', 'ff', `filler-${randomBytes(4).toString('hex')}`);
    mkdirSync(join(filler, '..'), { recursive: true });
    writeFileSync(filler, randomBytes(2 * 1024 * 1024));
    try {
      await restartWorker({ BACKUP_REPOSITORY_2: join(full, 'repo') });
      const failuresBefore = backupFailures(await workerMetrics());
      const backup = await backupNow();
      expect(backup.status).toBe('failed');
      const second = backup.destinations.find((d) => d.destination === '2')!;
      expect(second).toMatchObject({ verified: false });
      expect(second.error).toMatch(/no space left on device/);
      expect(backup.destinations.find((d) => d.destination === '1')).toMatchObject({ verified: true, error: null });
      expect(backup.error).toMatch(/^destination 2: .*no space left on device/);
      // The failed job is counted in the worker's metrics, and every administrator is told.
      // (the job fails just after its row is written: the counter is read until it moves)
      await waitFor(async () => (backupFailures(await workerMetrics()) === failuresBefore + 1 ? true : undefined), 'job_failures_total to count the failed backup', 30_000);
      const notes = await admin.get('/api/v1/notifications');
      expect(notes.body.items.map((n) => [n.kind, n.backupRunId])).toContainEqual(['backup_failed', backup.id]);
    } finally {
      rmSync(filler, { force: true });
    }
  });

  it('fails on a destination that is not writable, naming it, and lists the run as failed', async () => {
    const disk = join(work, 'read-only-disk');
    mkdirSync(disk);
    if (ROOT_USER) {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', disk]);
      mounts.push(disk);
    } else {
      chmodSync(disk, 0o555);
    }
    await restartWorker({ BACKUP_REPOSITORY_2: join(disk, 'repo') });
    const backup = await backupNow();
    expect(backup.status).toBe('failed');
    const second = backup.destinations.find((d) => d.destination === '2')!;
    expect(second.verified).toBe(false);
    expect(second.error).toMatch(/destination 2.*(read-only file system|permission denied)/);
    expect(backup.destinations.find((d) => d.destination === '1')).toMatchObject({ verified: true });
    const [latest] = (await admin.get('/api/v1/admin/backups')).body.items;
    expect(latest).toMatchObject({ id: backup.id, status: 'failed', verified: false });
    await waitFor(async () => (backupFailures(await workerMetrics()) >= 1 ? true : undefined), 'job_failures_total to count the failed backup', 30_000);
    await restartWorker();
  });
});
