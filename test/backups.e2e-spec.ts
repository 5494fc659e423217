import { execFile, spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pdfsigResults } from '../libs/signing/test';
import { isolatedRun, IsolatedRun } from './support/accounts-run';
import type { Schemas } from './support/api';
import { backupNow as backupNowIn, backupSettled } from './support/backups';
import { query } from './support/db';
import { makePdf, registerIncoming } from './support/documents';
import { Client } from './support/http';
import { createDraft, createTestPki, draftMetadata, reviewThrough, sealImage, signatureImage, uploadCertificate } from './support/outgoing';
import { Api, freePort, RunningProcess, scaledBudget, startApi, startWorker, waitFor } from './support/processes';
import { ownOrganisation } from './support/organisation';
import { E2eRun, loadRun, processEnv, ROOT } from './support/test-env';

// The waits below scale with the load (waitFor, up to 5×); so does each test's budget, or a loaded
// machine (load 30 on two cores) times a slow backup out as a hang.
jest.setTimeout(scaledBudget(300_000, 1_500_000));

const base = loadRun();
const org = ownOrganisation(base);
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const PASSWORD = 'Mật khẩu kho sao lưu 2026';
const RESTORE_CLI = join(ROOT, 'dist/apps/api/apps/api/src/restore.js');

interface CliResult {
  code: number;
  out: string;
}

describe('backups, restore and drills (restic)', () => {
  let isolated: IsolatedRun;
  let run: E2eRun;
  let work: string;
  let env: Record<string, string>;
  let api: Api;
  let worker: RunningProcess;
  let admin: Client;
  let officer: Client;
  let clerk: Client;
  let pki: ReturnType<typeof createTestPki>;

  const startAll = async (overrides: Record<string, string> = {}) => {
    api = await startApi(run, { ...env, ...overrides });
    worker = startWorker(run, { ...env, ...overrides });
    admin = await org.signIn(api.url, 'admin');
    officer = await org.signIn(api.url, 'officer');
    clerk = await org.signIn(api.url, 'clerk');
  };
  const stopAll = async () => {
    await api?.stop();
    await worker?.stop();
  };
  const restartWorker = async (overrides: Record<string, string> = {}) => {
    await worker.stop();
    worker = startWorker(run, { ...env, ...overrides });
  };

  const settled = (id: string) => backupSettled(admin, id, () => worker);
  /**
   * A run is marked failed before administrators are told (the notification is written just after):
   * the notifications are read until it is there, not once (at load 30 it was not yet, once).
   */
  const toldAdministrators = (matches: (note: Schemas['NotificationDto']) => boolean, what: string) =>
    waitFor(async () => (await admin.get('/api/v1/notifications')).body.items.some(matches), `administrators to be told of ${what}`);
  const backupNow = () => backupNowIn(admin, () => worker);
  const drillNow = async () => {
    const res = await admin.post('/api/v1/admin/backups/drills');
    expect(res.status).toBe(202);
    return waitFor(
      async () => {
        const list = await admin.get('/api/v1/admin/backups/drills?pageSize=200');
        const drill = list.body.items.find((d) => d.id === res.body.id);
        return ['passed', 'failed'].includes(drill?.status ?? '') ? drill : undefined;
      },
      'the drill to finish',
      180_000,
    );
  };
  /** Runs restic on a repository of this suite (with `input` on its standard input). */
  const resticIn = (repository: string, args: string[], input = ''): Promise<string> =>
    new Promise((resolve, reject) => {
      const child = execFile('restic', args, { env: { ...process.env, RESTIC_REPOSITORY: repository, RESTIC_PASSWORD: PASSWORD } }, (error, stdout, stderr) =>
        error ? reject(new Error(`restic ${args[0]}: ${stderr}`)) : resolve(stdout),
      );
      child.stdin!.end(input);
    });
  /** The snapshots a repository holds of one backup run (restic, read-only). */
  const snapshotsOfRun = async (repository: string, backupId: string): Promise<string[]> =>
    (JSON.parse((await resticIn(repository, ['snapshots', '--json', '--no-lock', '--tag', `run:${backupId}`])) || '[]') as { id: string }[]).map((s) => s.id);
  /**
   * A real pg_dump behind a wrapper (BACKUP_PG_DUMP_PATH) that lets its first 128 kB through, says
   * so in `dir/paused`, and holds the rest back until `dir/go` exists: the test acts while the dump
   * is surely mid-stream. `dir/pid` is the wrapper's process group (the worker starts it in one).
   */
  const pausingPgDump = (dir: string): string => {
    mkdirSync(dir, { recursive: true });
    const program = join(dir, 'pg_dump');
    writeFileSync(
      program,
      [
        '#!/bin/bash',
        'set -o pipefail',
        'if [ "$1" = "--version" ]; then exec pg_dump --version; fi',
        `echo $$ > '${dir}/pid'`,
        `pg_dump "$@" | { head -c 131072; touch '${dir}/paused'; while [ ! -e '${dir}/go' ]; do sleep 0.1; done; cat; }`,
        '',
      ].join('\n'),
      { mode: 0o755 },
    );
    return program;
  };
  /** Processes (other than zombies) whose environment names this restic repository. */
  const resticsOn = (repository: string): number[] =>
    readdirSync('/proc')
      .filter((p) => /^\d+$/.test(p))
      .filter((p) => {
        try {
          return readFileSync(`/proc/${p}/environ`, 'latin1').split('\0').includes(`RESTIC_REPOSITORY=${repository}`);
        } catch {
          return false; // gone, or another user's
        }
      })
      .map(Number);
  /** The repository's lock files (restic writes each under a temporary name first, then renames it: those are no lock). */
  const locksOf = (repository: string): string[] =>
    existsSync(join(repository, 'locks')) ? readdirSync(join(repository, 'locks')).filter((name) => /^[0-9a-f]{64}$/.test(name)) : [];
  const restore = (args: string[], overrides: Record<string, string> = {}): Promise<CliResult> =>
    new Promise((resolve) => {
      execFile(process.execPath, [RESTORE_CLI, ...args], { env: processEnv(run, { ...env, ...overrides }), timeout: 240_000 }, (error, stdout, stderr) => {
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
      });
    });

  beforeAll(async () => {
    isolated = await isolatedRun(base, 'backups');
    run = { ...isolated.run };
    work = mkdtempSync(join(tmpdir(), 'eoffice-backups-'));
    run.fileStoreDir = join(work, 'files');
    pki = createTestPki();
    // The copied database refers to what earlier suites stored: the file store comes along.
    if (existsSync(base.fileStoreDir)) cpSync(base.fileStoreDir, run.fileStoreDir, { recursive: true });
    mkdirSync(run.fileStoreDir, { recursive: true });
    env = {
      FILE_STORE_DIR: run.fileStoreDir,
      BACKUP_REPOSITORY: join(work, 'repo-1'),
      BACKUP_REPOSITORY_2: join(work, 'repo-2'),
      BACKUP_REPOSITORY_PASSWORD: PASSWORD,
      BACKUP_SCRATCH_DIR: join(work, 'scratch'),
      BACKUP_CRON: 'off',
      RESTORE_DRILL_CRON: 'off',
      ORPHAN_COLLECTOR_CRON: 'off',
      SIGNING_TRUST_ANCHORS: pki.anchorsFile,
      WORKER_METRICS_PORT: String(await freePort()),
    };
    await startAll();
  }, scaledBudget(120_000));
  afterAll(async () => {
    await stopAll();
    await isolated?.dispose();
    rmSync(work, { recursive: true, force: true });
  });

  const uploaded: { id: string; sha: string }[] = [];
  const incoming: string[] = [];

  it('answers only administrators', async () => {
    expect((await officer.post('/api/v1/admin/backups')).status).toBe(403);
    expect((await officer.get('/api/v1/admin/backups')).status).toBe(403);
    expect((await clerk.get('/api/v1/admin/backups/drills')).status).toBe(403);
    expect((await new Client(api.url).get('/api/v1/admin/backups')).status).toBe(401);
  });

  /** The storage key of an issued outgoing PDF (leader-signed, then sealed at issue) that the backup must carry. */
  let issuedKey = '';
  let issuedId = '';
  it('issues a leader-signed and sealed outgoing document before the backup', async () => {
    const director = await org.signIn(api.url, 'director');
    const head = await org.signIn(api.url, 'head');
    // A multipart upload the API answers before reading it all ends in EPIPE on this side ("fetch
    // failed"): sent again, so the answer itself (its status) is what the test sees.
    const upload = async (send: () => Promise<{ status: number; body: unknown }>) => {
      for (let attempt = 1; ; attempt += 1) {
        try {
          return await send();
        } catch (error) {
          if (attempt >= 4 || !String(error).includes('fetch failed')) throw error;
        }
      }
    };
    const personal = await upload(() => uploadCertificate(director, pki.pkcs12(pki.issue(org.people.director.fullName), 'e2e-pass'), 'personal', signatureImage()));
    expect([personal.status, personal.body]).toEqual([201, expect.anything()]);
    const seal = await upload(() => uploadCertificate(admin, pki.pkcs12(pki.issue(org.agency.name), 'e2e-pass'), 'organisation', sealImage()));
    expect([seal.status, seal.body]).toEqual([201, expect.anything()]);
    const created = await createDraft(officer, await draftMetadata(org, { subject: 'Kế hoạch sao lưu dữ liệu văn bản' }));
    expect(created.status).toBe(201);
    await reviewThrough(created.body.id, officer, head, clerk, director);
    expect((await director.post(`/api/v1/outgoing/${created.body.id}/sign`, {})).body.status).toBe('signed');
    expect((await clerk.post(`/api/v1/outgoing/${created.body.id}/issue`)).status).toBe(200);
    const [row] = await query(
      run.databaseUrl,
      'SELECT f.storage_key FROM outgoing_document d JOIN stored_file f ON f.id = d.issued_file_id WHERE d.id = $1',
      [created.body.id],
    );
    issuedKey = row.storage_key;
    issuedId = created.body.id;
    expect(pdfsigResults(readFileSync(join(run.fileStoreDir, issuedKey)))).toMatchObject({ valid: 2, invalid: 0 });
  });

  it('backs up into two verified destinations, one backup at a time', async () => {
    for (let i = 0; i < 3; i += 1) {
      const pdf = await makePdf(`Tai lieu sao luu ${i} ${randomBytes(4).toString('hex')}`);
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(pdf)], { type: 'application/pdf' }), `sao-luu-${i}.pdf`);
      const res = await officer.post('/api/v1/files', form);
      expect(res.status).toBe(201);
      uploaded.push({ id: res.body.id, sha: sha256(pdf) });
      const doc = await registerIncoming(clerk, { subject: `Văn bản sao lưu ${i}` });
      expect(doc.status).toBe(201);
      incoming.push(doc.body.id);
    }
    const [a, b] = await Promise.all([admin.post('/api/v1/admin/backups'), admin.post('/api/v1/admin/backups')]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([202, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.code).toBe('BACKUP_ALREADY_RUNNING');
    const accepted = [a, b].find((r) => r.status === 202)!.body;
    const done = await settled(accepted.id);
    expect(done).toMatchObject({ status: 'succeeded', verified: true, error: null });
    expect(done.destinations.map((d: { destination: string; verified: boolean }) => [d.destination, d.verified])).toEqual([
      ['1', true],
      ['2', true],
    ]);
    expect(done.sizeAddedBytes).toBeGreaterThan(0);
    expect(done.totalSizeBytes).toBeGreaterThan(0);
    expect(done.durationMs).toBeGreaterThan(0);
    const [{ n }] = await query(run.databaseUrl, 'SELECT count(DISTINCT storage_key)::int AS n FROM stored_file');
    expect(done.manifest!.blobCount).toBe(n);
    expect(done.manifest!.tableCounts.incoming_document).toBeGreaterThanOrEqual(3);
    expect(done.manifest!.auditLastHash).toMatch(/^[0-9a-f]{64}$/);
    const list = await admin.get('/api/v1/admin/backups');
    expect(list.body.items[0]).toMatchObject({ id: accepted.id, status: 'succeeded' });
  });

  it('passes a restore drill of a good backup, and removes its scratch copy', async () => {
    const drill = await drillNow();
    expect(drill).toMatchObject({ status: 'passed', differences: [], error: null });
    // The API's metrics: the backup is recent, the last drill passed.
    const apiMetrics = await (await fetch(`${api.url}/metrics`)).text();
    const age = Number(/^backup_last_success_age_seconds (\S+)$/m.exec(apiMetrics)?.[1]);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(3600);
    expect(apiMetrics).toMatch(/^restore_drill_last_passed 1$/m);
    // The worker's: both jobs timed, no failure counted for them.
    const workerMetrics = await (await fetch(`http://127.0.0.1:${env.WORKER_METRICS_PORT}/metrics`)).text();
    const durations = [...workerMetrics.matchAll(/^job_duration_seconds_count\{queue="(\w+)",name="([\w-]+)",outcome="completed"\} (\d+)$/gm)];
    const names = durations.map((m) => m[2]);
    expect(names.some((n) => /backup/.test(n))).toBe(true);
    expect(names.some((n) => /drill/.test(n))).toBe(true);
    for (const m of durations.filter((d) => /backup|drill/.test(d[2]))) expect(Number(m[3])).toBeGreaterThanOrEqual(1);
    expect(workerMetrics).toMatch(/^# TYPE job_failures_total counter$/m);
    expect(workerMetrics).not.toMatch(/^job_failures_total\{[^}]*name="[\w-]*(backup|drill)[\w-]*"[^}]*\} [1-9]/m);
    const scratch = readdirSync(env.BACKUP_SCRATCH_DIR).filter((e) => e.startsWith('drill-'));
    expect(scratch).toEqual([]);
    const dbs = await query(run.databaseUrl, `SELECT datname FROM pg_database WHERE datname LIKE '%_drill_%'`);
    expect(dbs.filter((d: { datname: string }) => d.datname.startsWith(new URL(run.databaseUrl).pathname.slice(1)))).toEqual([]);
  });

  it('refuses to restore into a non-empty database or the live installation without --force', async () => {
    const [latest] = (await admin.get('/api/v1/admin/backups')).body.items;
    const live = await restore([latest.id]);
    expect(live.code).toBe(2);
    expect(live.out).toContain('live installation');
    const other = join(work, 'other-files');
    const eventsBefore = await query(base.databaseUrl, 'SELECT count(*)::int AS n, max(id::text) AS last FROM audit_event');
    const nonEmpty = await restore([latest.id, '--target-database-url', run.databaseUrl.replace(/\/[^/]+$/, `/${new URL(base.databaseUrl).pathname.slice(1)}`), '--target-file-store', other]);
    expect(nonEmpty.code).toBe(2);
    expect(nonEmpty.out).toContain('not empty');
    // Refused before anything was written: the non-empty database is as it was, no file store was made.
    expect(await query(base.databaseUrl, 'SELECT count(*)::int AS n, max(id::text) AS last FROM audit_event')).toEqual(eventsBefore);
    expect(existsSync(other)).toBe(false);
  });

  it('brings everything back after the database and the file store are wiped', async () => {
    const [latest] = (await admin.get('/api/v1/admin/backups')).body.items;
    const auditBefore = await query(run.databaseUrl, 'SELECT id, hash FROM audit_event ORDER BY id');
    const filesBefore = await query(run.databaseUrl, 'SELECT id, sha256, storage_key FROM stored_file ORDER BY id');
    // Every document of the installation (the copied database holds earlier suites' too), by id.
    const documentsSql = `SELECT 'incoming' AS kind, id::text FROM incoming_document UNION ALL SELECT 'outgoing', id::text FROM outgoing_document ORDER BY 1, 2`;
    const documentsBefore = await query(run.databaseUrl, documentsSql);
    expect(documentsBefore.length).toBeGreaterThan(0);
    const backupAudit = auditBefore.length;
    await stopAll();
    await query(base.databaseUrl, `DROP DATABASE "${new URL(run.databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
    rmSync(run.fileStoreDir, { recursive: true, force: true });

    const result = await restore([latest.id, '--target-database-url', run.databaseUrl, '--target-file-store', run.fileStoreDir, '--force']);
    expect(result.out).toContain('every row count, blob and the audit chain match');
    expect(result.code).toBe(0);

    for (const file of filesBefore) {
      expect(sha256(readFileSync(join(run.fileStoreDir, file.storage_key)))).toBe(file.sha256);
    }
    expect(await query(run.databaseUrl, documentsSql)).toEqual(documentsBefore);
    expect(await query(run.databaseUrl, 'SELECT id, sha256, storage_key FROM stored_file ORDER BY id')).toEqual(filesBefore);
    // The issued PDF read back from the restored file store still verifies: leader's signature and seal.
    const issued = pdfsigResults(readFileSync(join(run.fileStoreDir, issuedKey)));
    expect(issued).toMatchObject({ valid: 2, invalid: 0 });
    const auditAfter = await query(run.databaseUrl, 'SELECT id, hash FROM audit_event ORDER BY id');
    // The backup's own completion entries came after its snapshot; everything before it is back.
    expect(auditAfter.length).toBeLessThanOrEqual(backupAudit);
    expect(auditAfter.map((e: { id: string }) => e.id)).toEqual(auditBefore.slice(0, auditAfter.length).map((e: { id: string }) => e.id));
    // Lines sealed when the copy was taken come back with their hash; lines the sealer chained only
    // after it come back unsealed, and the restored installation's sealer chains them again.
    auditAfter.forEach((e: { hash: string | null }, i: number) => expect([null, auditBefore[i].hash]).toContain(e.hash));

    await startAll();
    const verify = await admin.get('/api/v1/audit/verify');
    expect(verify.body).toMatchObject({ intact: true });
    for (const id of incoming) expect((await clerk.get(`/api/v1/incoming/${id}`)).status).toBe(200);
    expect((await clerk.get(`/api/v1/outgoing/${issuedId}`)).body).toMatchObject({ id: issuedId, status: 'issued' });
    for (const file of uploaded) {
      const res = await fetch(`${api.url}/api/v1/files/${file.id}`, { headers: { authorization: `Bearer ${officer.accessToken}` } });
      expect(res.status).toBe(200);
      expect(sha256(Buffer.from(await res.arrayBuffer()))).toBe(file.sha);
    }
  }, scaledBudget(300_000));

  it('prunes by the retention policy: a second backup the same day replaces the first', async () => {
    const [first] = (await admin.get('/api/v1/admin/backups')).body.items.filter((b: { status: string }) => b.status === 'succeeded');
    // Half backups, as a worker killed between a backup's two snapshots leaves them: a dump alone,
    // and a files snapshot without its dump dated later today, which retention must not count as
    // the day's backup in place of the whole one.
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const later = new Date(Math.min(Date.now() + 3600_000, new Date(tomorrow.toDateString()).getTime() - 60_000));
    const stamp = `${later.getFullYear()}-${String(later.getMonth() + 1).padStart(2, '0')}-${String(later.getDate()).padStart(2, '0')} ${later.toTimeString().slice(0, 8)}`;
    await resticIn(env.BACKUP_REPOSITORY, ['backup', '--stdin', '--stdin-filename', 'database.dump', '--tag', 'eoffice-dump', '--tag', 'run:half-dump'], 'not a dump');
    await resticIn(env.BACKUP_REPOSITORY, ['backup', '--time', stamp, '--tag', 'eoffice-backup', '--tag', 'dump:separate', '--tag', 'run:half-files', join(run.fileStoreDir, 'sha256'), join(env.BACKUP_SCRATCH_DIR, 'manifest.ndjson')]);
    const second = await backupNow();
    expect(await snapshotsOfRun(env.BACKUP_REPOSITORY, 'half-dump')).toEqual([]);
    expect(await snapshotsOfRun(env.BACKUP_REPOSITORY, 'half-files')).toEqual([]);
    expect(second.status).toBe('succeeded');
    const again = (await admin.get(`/api/v1/admin/backups/${first.id}`)).body;
    expect(again.prunedAt).not.toBeNull();
    expect((await admin.get(`/api/v1/admin/backups/${second.id}`)).body.prunedAt).toBeNull();
    // Both parts of the first (files and dump) are gone from the repository; both of the second are there.
    expect(await snapshotsOfRun(env.BACKUP_REPOSITORY, first.id)).toEqual([]);
    expect(await snapshotsOfRun(env.BACKUP_REPOSITORY, second.id)).toHaveLength(2);
  });

  it('fails the drill, naming the blob, when a blob is missing from the backup, and tells administrators', async () => {
    const [file] = await query(run.databaseUrl, 'SELECT storage_key FROM stored_file WHERE id = $1', [uploaded[0].id]);
    rmSync(join(run.fileStoreDir, file.storage_key));
    const backup = await backupNow();
    expect(backup.status).toBe('succeeded');
    const drill = await drillNow();
    expect(drill.status).toBe('failed');
    expect(drill.differences).toContain(`blob ${file.storage_key}: missing`);
    await toldAdministrators((n) => n.kind === 'restore_drill_failed' && n.restoreDrillId === drill.id, 'the failed drill');
  });

  it('detects a changed byte in a repository when verifying, and fails the backup with the reason', async () => {
    const data = join(env.BACKUP_REPOSITORY_2, 'data');
    const packs = readdirSync(data).flatMap((d) => readdirSync(join(data, d)).map((f) => join(data, d, f)));
    // One changed byte in every pack, so the one changed is surely still in use after retention.
    for (const pack of packs) {
      const bytes = readFileSync(pack);
      bytes[Math.floor(bytes.length / 2)] ^= 0xff;
      writeFileSync(pack, bytes);
    }
    await restartWorker({ BACKUP_VERIFY_READ_DATA: 'true' });
    const backup = await backupNow();
    expect(backup.status).toBe('failed');
    const second = backup.destinations.find((d: { destination: string }) => d.destination === '2');
    expect(second!.verified).toBe(false);
    expect(second!.error).toMatch(/destination 2/);
    expect(backup.destinations.find((d) => d.destination === '1')!.verified).toBe(true);
    expect(backup.error).toContain('destination 2');
    await toldAdministrators((n) => n.kind === 'backup_failed' && n.backupRunId === backup.id, 'the failed backup');
  });

  it('fails clearly on a missing destination and a wrong password', async () => {
    await restartWorker({ BACKUP_REPOSITORY_2: join(work, 'not-mounted', 'disk', 'repo') });
    const missing = await backupNow();
    expect(missing.status).toBe('failed');
    expect(missing.error).toContain('destination 2 is missing');
    expect(existsSync(join(work, 'not-mounted'))).toBe(false);

    await restartWorker({ BACKUP_REPOSITORY_2: '', BACKUP_REPOSITORY_PASSWORD: 'sai mật khẩu' });
    const wrong = await backupNow();
    expect(wrong.status).toBe('failed');
    expect(wrong.error).toMatch(/wrong password/);
    const list = (await admin.get('/api/v1/admin/backups')).body.items;
    expect(list.slice(0, 2).map((b: { status: string }) => b.status)).toEqual(['failed', 'failed']);
  }, scaledBudget(400_000, 1_200_000)); // two worker starts and two backups

  it('fails clearly, leaving no snapshot, when pg_dump is missing or of another major version than the server', async () => {
    const [{ v }] = await query(run.databaseUrl, `SELECT current_setting('server_version_num')::int / 10000 AS v`);
    // A pg_dump of another major version: a wrapper that answers --version as an older one would.
    const other = join(work, 'pg-other', 'pg_dump');
    mkdirSync(join(other, '..'), { recursive: true });
    writeFileSync(other, `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "pg_dump (PostgreSQL) ${v - 2}.9"; exit 0; fi\nexec pg_dump "$@"\n`, { mode: 0o755 });
    const faults = [
      { path: join(work, 'no-such', 'pg_dump'), reason: 'pg_dump not found' },
      { path: other, reason: `pg_dump is version ${v - 2}, the database server ${v}` },
    ];
    for (const fault of faults) {
      await restartWorker({ BACKUP_PG_DUMP_PATH: fault.path });
      const backup = await backupNow();
      expect(backup).toMatchObject({ status: 'failed', verified: false });
      expect(backup.error).toContain(fault.reason);
      // In the list too, with its reason, and not as a good backup.
      const listed = (await admin.get('/api/v1/admin/backups?pageSize=200')).body.items.find((b: { id: string }) => b.id === backup.id);
      expect(listed).toMatchObject({ status: 'failed', verified: false, error: expect.stringContaining(fault.reason) });
      // Refused before anything was written: neither destination holds a snapshot of this run.
      for (const repository of [env.BACKUP_REPOSITORY, env.BACKUP_REPOSITORY_2]) expect(await snapshotsOfRun(repository, backup.id)).toEqual([]);
    }
  }, scaledBudget(400_000, 1_200_000)); // two worker starts and two backups

  it('fails with pg_dump\'s own reason when pg_dump dies half-way through a real dump, leaving no snapshot', async () => {
    // Two destinations (the dump copied to both through the worker), then one (pg_dump writing
    // straight into restic's input): in both, restic must not turn the cut dump into a snapshot.
    for (const [i, overrides] of ([{}, { BACKUP_REPOSITORY_2: '' }] as Record<string, string>[]).entries()) {
      const dir = join(work, `pg-midway-${i}`);
      await restartWorker({ ...overrides, BACKUP_PG_DUMP_PATH: pausingPgDump(dir) });
      const res = await admin.post('/api/v1/admin/backups');
      expect(res.status).toBe(202);
      await waitFor(async () => (existsSync(join(dir, 'paused')) ? true : undefined), 'the dump to be under way', 60_000);
      // The database connection drops in the middle of the dump: pg_dump fails on its own.
      const dbName = new URL(run.databaseUrl).pathname.slice(1);
      const ended = await query(base.databaseUrl, `SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = $1 AND application_name = 'pg_dump'`, [dbName]);
      expect(ended.length).toBeGreaterThan(0);
      writeFileSync(join(dir, 'go'), '');
      const backup = await settled(res.body.id);
      expect(backup).toMatchObject({ status: 'failed', verified: false });
      expect(backup.error).toContain('pg_dump failed');
      expect(backup.error).toMatch(/connection|terminat/i);
      const listed = (await admin.get('/api/v1/admin/backups?pageSize=200')).body.items.find((b: { id: string }) => b.id === backup.id);
      expect(listed).toMatchObject({ status: 'failed', verified: false, error: expect.stringContaining('pg_dump failed') });
      // Neither the cut dump nor the files snapshot written beside it is left in a destination.
      for (const repository of [env.BACKUP_REPOSITORY, env.BACKUP_REPOSITORY_2]) expect(await snapshotsOfRun(repository, backup.id)).toEqual([]);
    }
    await resticIn(env.BACKUP_REPOSITORY, ['check']);
    await restartWorker();
  }, scaledBudget(400_000, 1_200_000)); // two worker starts and two backups

  it('leaves only stale restic locks when the worker is killed mid-dump: the next run removes them and completes, the repository stays valid, no half backup is kept', async () => {
    const dir = join(work, 'pg-killed');
    await restartWorker({ BACKUP_REPOSITORY_2: '', BACKUP_PG_DUMP_PATH: pausingPgDump(dir) });
    const res = await admin.post('/api/v1/admin/backups');
    expect(res.status).toBe(202);
    await waitFor(async () => (existsSync(join(dir, 'paused')) ? true : undefined), 'the dump to be under way', 60_000);
    expect(resticsOn(env.BACKUP_REPOSITORY).length).toBeGreaterThan(0);
    // restic takes its lock once it has opened the repository: on a loaded machine that can come
    // after the dump paused. The kill is meant to find the lock held.
    await waitFor(async () => (locksOf(env.BACKUP_REPOSITORY).length > 0 ? true : undefined), 'restic to hold its lock', 60_000);
    // Killed outright (the OOM killer, a power cut of the container): no chance to clean up.
    await worker.stop('SIGKILL');
    // Its restic processes die with it (none goes on to finish a snapshot on its own)…
    await waitFor(async () => (resticsOn(env.BACKUP_REPOSITORY).length === 0 ? true : undefined), 'restic to die with the worker', 30_000);
    // …and leave their locks behind; the wrapper's own pipeline is cleaned up by the test.
    expect(locksOf(env.BACKUP_REPOSITORY).length).toBeGreaterThan(0);
    try {
      process.kill(-Number(readFileSync(join(dir, 'pid'), 'utf8')), 'SIGKILL');
    } catch {
      // Already gone.
    }
    // A row stuck in "running" blocks a new request until a worker starts and fails it.
    worker = startWorker(run, { ...env, BACKUP_REPOSITORY_2: '' });
    const interrupted = await settled(res.body.id);
    expect(interrupted).toMatchObject({ status: 'failed', verified: false });
    expect(interrupted.error).toContain('interrupted');
    const next = await backupNow();
    expect(next).toMatchObject({ status: 'succeeded', verified: true });
    // The stale locks are gone, the repository checks clean, and nothing of the killed run is kept.
    expect(locksOf(env.BACKUP_REPOSITORY)).toEqual([]);
    await resticIn(env.BACKUP_REPOSITORY, ['check']);
    expect(await snapshotsOfRun(env.BACKUP_REPOSITORY, res.body.id)).toEqual([]);
    expect(await snapshotsOfRun(env.BACKUP_REPOSITORY, next.id)).toHaveLength(2);
  });

  it('dumps again when a stale exclusive lock (a restic killed while checking) stops the streamed dump', async () => {
    // A real stale exclusive lock: `restic check` holds one while it runs; killed outright, it stays.
    for (let attempt = 1; locksOf(env.BACKUP_REPOSITORY).length === 0; attempt += 1) {
      expect(attempt).toBeLessThanOrEqual(10);
      const check = spawn('restic', ['check'], { env: { ...process.env, RESTIC_REPOSITORY: env.BACKUP_REPOSITORY, RESTIC_PASSWORD: PASSWORD }, stdio: 'ignore' });
      const exited = new Promise((r) => check.on('exit', r));
      for (let i = 0; i < 2000 && check.exitCode === null; i += 1) {
        if (locksOf(env.BACKUP_REPOSITORY).length) {
          check.kill('SIGKILL');
          break;
        }
        await new Promise((r) => setTimeout(r, 5));
      }
      await exited;
    }
    const backup = await backupNow();
    expect(backup).toMatchObject({ status: 'succeeded', verified: true });
    expect(locksOf(env.BACKUP_REPOSITORY)).toEqual([]);
    expect(await snapshotsOfRun(env.BACKUP_REPOSITORY, backup.id)).toHaveLength(2);
    await resticIn(env.BACKUP_REPOSITORY, ['check']);
  });

  it('removes blobs no record refers to once a later backup holds them, and keeps the rest', async () => {
    const write = (content: string) => {
      const bytes = Buffer.from(content);
      const sha = sha256(bytes);
      const key = `sha256/${sha.slice(0, 2)}/${sha.slice(2, 4)}/${sha}`;
      mkdirSync(join(run.fileStoreDir, key, '..'), { recursive: true });
      writeFileSync(join(run.fileStoreDir, key), bytes);
      return key;
    };
    const held = write(`orphan held by a backup ${randomBytes(8).toString('hex')}`);
    await new Promise((r) => setTimeout(r, 1100)); // a ctime strictly before the backup's start
    const backup = await backupNow();
    expect(backup.status).toBe('succeeded');
    const fresh = write(`orphan newer than the backup ${randomBytes(8).toString('hex')}`);
    const referenced = await query(run.databaseUrl, 'SELECT DISTINCT storage_key FROM stored_file');
    await restartWorker({ BACKUP_REPOSITORY_2: '', ORPHAN_COLLECTOR_CRON: '*/2 * * * * *', ORPHAN_GRACE_HOURS: '0' });
    await waitFor(async () => (existsSync(join(run.fileStoreDir, held)) ? undefined : true), 'the held orphan to be removed', 60_000);
    expect(existsSync(join(run.fileStoreDir, fresh))).toBe(true);
    for (const { storage_key } of referenced) {
      if (existsSync(join(run.fileStoreDir, storage_key))) continue;
      // Only the blob the drill test removed on purpose may be missing.
      expect(storage_key).toBe((await query(run.databaseUrl, 'SELECT storage_key FROM stored_file WHERE id = $1', [uploaded[0].id]))[0].storage_key);
    }
    // Earlier tests (the restore drills) leave more orphans than one audit event names: each removed key is in one of them.
    // The collector records its removals once its pass is over, after the files are gone: read until the entry is there.
    await waitFor(async () => {
      const entries = await query(run.databaseUrl, `SELECT data FROM audit_event WHERE action = 'orphan_blobs.removed'`);
      return entries.flatMap((e: { data: { keys: string[] } }) => e.data.keys).includes(held);
    }, 'the held orphan\'s removal to be in the audit trail');
    await restartWorker({ BACKUP_REPOSITORY_2: '' });
  });
});
