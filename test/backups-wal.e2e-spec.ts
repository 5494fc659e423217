import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ArchivingCluster, copyInto, startArchivingCluster } from './support/archiving-cluster';
import { backupNow as backupNowIn } from './support/backups';
import { query } from './support/db';
import { registerIncoming } from './support/documents';
import { Client } from './support/http';
import { makeOrganisation, E2eOrganisation } from './support/organisation';
import { Api, freePort, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { E2eRun, loadRun, processEnv, ROOT } from './support/test-env';

// Base backups, WAL replay and a scratch postmaster per restore: generous, and scaled with the load.
jest.setTimeout(scaledBudget(300_000, 1_500_000));

const base = loadRun();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const PASSWORD = 'Mật khẩu kho sao lưu WAL 2026';
const RESTORE_CLI = join(ROOT, 'dist/apps/api/apps/api/src/restore.js');

/**
 * BACKUP_MODE=wal against a cluster the test owns (initdb, archive_mode=on, archive_command into a
 * WAL directory): a base backup, incremental runs that store only new WAL segments, and a
 * point-in-time restore to an instant between two sets of documents.
 */
describe('backups with continuous WAL archiving (point-in-time recovery)', () => {
  let work: string;
  let cluster: ArchivingCluster;
  let run: E2eRun;
  let org: E2eOrganisation;
  let env: Record<string, string>;
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let clerk: Client;

  const backupNow = () => backupNowIn(admin, () => worker);
  const restore = (args: string[]): Promise<{ code: number; out: string }> =>
    new Promise((resolve) => {
      execFile(process.execPath, [RESTORE_CLI, ...args], { env: processEnv(run, env), timeout: scaledBudget(240_000, 900_000) }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
      });
    });
  const incomingIds = async (url: string): Promise<string[]> => (await query(url, 'SELECT id::text FROM incoming_document ORDER BY 1')).map((r: { id: string }) => r.id);

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'eoffice-backups-wal-'));
    // The postgres user runs the cluster and the restores' scratch clusters below it.
    chmodSync(work, 0o755);
    cluster = startArchivingCluster(join(work, 'pg'), await freePort());
    run = { ...base, databaseUrl: copyInto(base.databaseUrl, cluster, 'eoffice'), fileStoreDir: join(work, 'files'), queuePrefix: `${base.queuePrefix}_wal` };
    org = await makeOrganisation(run);
    env = {
      FILE_STORE_DIR: run.fileStoreDir,
      BACKUP_MODE: 'wal',
      BACKUP_WAL_DIR: cluster.walDir,
      BACKUP_PG_BIN_DIR: cluster.binDir,
      BACKUP_REPOSITORY: join(work, 'repo'),
      BACKUP_REPOSITORY_PASSWORD: PASSWORD,
      BACKUP_SCRATCH_DIR: join(work, 'scratch'),
      BACKUP_CRON: 'off',
      RESTORE_DRILL_CRON: 'off',
      ORPHAN_COLLECTOR_CRON: 'off',
      WORKER_METRICS_PORT: String(await freePort()),
    };
    api = await startApi(run, env);
    worker = startWorker(run, env);
    admin = await org.signIn(api.url, 'admin');
    clerk = await org.signIn(api.url, 'clerk');
  }, scaledBudget(180_000));

  afterAll(async () => {
    await api?.stop();
    await worker?.stop();
    cluster?.stop();
    rmSync(work, { recursive: true, force: true });
  });

  let full: { id: string; sizeAddedBytes: number | null };
  let between: Date;
  const before: string[] = [];
  const after: string[] = [];
  let latest: { id: string };

  it('takes a base backup on the first run, then stores only new WAL segments', async () => {
    full = await backupNow();
    expect(full).toMatchObject({ status: 'succeeded', verified: true, error: null, manifest: { wal: { baseRunId: full.id } } });
    // The base went in as a stream (no file in the scratch directory) and restic holds it as its own snapshot.
    expect(readdirSync(env.BACKUP_SCRATCH_DIR).filter((f) => f.endsWith('.tar'))).toEqual([]);

    for (let i = 0; i < 3; i += 1) {
      const doc = await registerIncoming(clerk, { subject: `Văn bản trước mốc khôi phục ${i}` });
      expect(doc.status).toBe(201);
      before.push(doc.body.id);
    }
    const incremental = await backupNow();
    expect(incremental).toMatchObject({ status: 'succeeded', verified: true, manifest: { wal: { baseRunId: full.id } } });
    // No new base: a few segments, three small scans and the manifest, far below the base's size.
    expect(incremental.sizeAddedBytes).toBeLessThan(full.sizeAddedBytes! / 2);
    expect(incremental.stepsMs?.base).toBeUndefined();
  });

  it('restores to a point in time between two sets of documents: exactly the first set comes back', async () => {
    // The instant as the database sees it, a moment after the first set committed and before the second.
    await new Promise((r) => setTimeout(r, 1500));
    [{ now: between }] = await query(run.databaseUrl, 'SELECT now() AS now');
    await new Promise((r) => setTimeout(r, 1500));
    for (let i = 0; i < 2; i += 1) {
      const doc = await registerIncoming(clerk, { subject: `Văn bản sau mốc khôi phục ${i}` });
      expect(doc.status).toBe(201);
      after.push(doc.body.id);
    }
    latest = await backupNow();
    expect(latest).toMatchObject({ status: 'succeeded', verified: true, manifest: { wal: { baseRunId: full.id } } });

    const target = cluster.url('restored_pitr');
    const files = join(work, 'restored-pitr');
    const result = await restore([latest.id, '--target-database-url', target, '--target-file-store', files, '--target-time', between.toISOString()]);
    expect(result.out).toContain('every blob and the audit chain match');
    expect(result.code).toBe(0);
    const restored = await incomingIds(target);
    for (const id of before) expect(restored).toContain(id);
    for (const id of after) expect(restored).not.toContain(id);
    expect(restored).toEqual((await incomingIds(run.databaseUrl)).filter((id) => !after.includes(id)));
    // Every file the recovered database refers to, byte for byte (SHA-256) as the live one holds it.
    const rows = await query(target, 'SELECT storage_key, sha256 FROM stored_file WHERE destroyed_at IS NULL');
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(sha256(readFileSync(join(files, row.storage_key)))).toBe(row.sha256);

    // The recovered installation answers, and its audit chain is intact end to end.
    const restoredRun = { ...run, databaseUrl: target, fileStoreDir: files, queuePrefix: `${run.queuePrefix}_pitr` };
    const restoredApi = await startApi(restoredRun, { ...env, FILE_STORE_DIR: files });
    try {
      const restoredAdmin = await org.signIn(restoredApi.url, 'admin');
      const verify = await restoredAdmin.get('/api/v1/audit/verify');
      expect(verify.status).toBe(200);
      expect(verify.body).toMatchObject({ intact: true });
      const restoredClerk = await org.signIn(restoredApi.url, 'clerk');
      expect((await restoredClerk.get(`/api/v1/incoming/${before[0]}`)).status).toBe(200);
      expect((await restoredClerk.get(`/api/v1/incoming/${after[0]}`)).status).toBe(404);
    } finally {
      await restoredApi.stop();
    }
  });

  it('restores the latest backup to the end of its archive: both sets come back', async () => {
    const target = cluster.url('restored_latest');
    const files = join(work, 'restored-latest');
    const result = await restore([latest.id, '--target-database-url', target, '--target-file-store', files]);
    expect(result.out).toContain('every blob and the audit chain match');
    expect(result.code).toBe(0);
    const restored = await incomingIds(target);
    for (const id of [...before, ...after]) expect(restored).toContain(id);
  });

  it('fails a point in time after the end of the archive, saying so', async () => {
    const late = await restore([full.id, '--target-database-url', cluster.url('restored_late'), '--target-file-store', join(work, 'restored-late'), '--target-time', new Date(Date.now() + 3_600_000).toISOString()]);
    expect(late.code).not.toBe(0);
    expect(late.out).toMatch(/recovery failed|recovery target/i);
  });

  it('passes a restore drill of the latest WAL-mode backup', async () => {
    const res = await admin.post('/api/v1/admin/backups/drills');
    expect(res.status).toBe(202);
    const drill = await waitFor(
      async () => {
        const list = await admin.get('/api/v1/admin/backups/drills?pageSize=50');
        const found = list.body.items.find((d: { id: string }) => d.id === res.body.id);
        return ['passed', 'failed'].includes(found?.status ?? '') ? found : undefined;
      },
      'the drill to finish',
      240_000,
    );
    expect(drill).toMatchObject({ status: 'passed', differences: [], error: null });
  });
});
