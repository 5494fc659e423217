// Benchmark of a hand-over package (issue 15.4): the BagIt package of a closed record of N incoming
// documents (default 10,000, each a distinct real PDF of --pages pages), built by the worker's
// `handover-package` job after a leader approves the hand-over list through the API, as a ratio to
// copying and hashing the same bytes with `cp -r` and `sha256sum` in the same run, with the
// worker's peak memory.
//
//   npm run -s build
//   npm run bench:records-package -- [--documents=10000] [--pages=4]
//
// The clock runs from the approval's answer until GET /handovers/:id says `packaged` (polled every
// 100 ms), so it holds the outbox relay and queue pick-up too (well under a second). Everything
// lives in a throwaway database and directory, removed at the end (--keep=true keeps them).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { API_MAIN, createInstallation, DEMO_PASSWORD, log, onCleanup, option, runBench, seconds, startApi, startWorker, WORKER_MAIN } from '../support/installation';
import { cpuSeconds, DocumentKind, floor, load, peakMiB, seedClosedRecord } from './record-seed';

const OPT = { documents: option('documents', 10000), pages: option('pages', 4), kind: option('kind', 'scan') as DocumentKind, keep: option('keep', 'false') === 'true', profile: option('profile', '') };
// --profile=<dir>: the API and the worker write V8 CPU profiles there when they stop (open in Chrome's DevTools).
const profiling = (): string[] => (OPT.profile ? ['--cpu-prof', `--cpu-prof-dir=${OPT.profile}`] : []);
const POLL_MS = 100;
const TIMEOUT_MS = 30 * 60_000;

async function main(): Promise<void> {
  if (!existsSync(API_MAIN) || !existsSync(WORKER_MAIN)) throw new Error('dist/ is missing: run `npm run -s build` first');
  log(`hand-over package benchmark: ${OPT.documents} ${OPT.kind === 'text' ? `text documents of ${OPT.pages} pages` : 'scanned documents'}; load ${load()}`);
  const inst = await createInstallation({ keep: OPT.keep });
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  onCleanup('database session', () => db.end());
  // Seed more than asked: about 2% of seeded documents are voided or confidential and are not filed.
  const { org, recordId, documents, totalBytes, totalPages, sourceDir } = await seedClosedRecord(db, inst, Math.ceil(OPT.documents * 1.03), OPT.pages, '98.VP', OPT.kind);
  log(`record of ${documents} documents (${OPT.kind}), ${totalPages} pages, ${(totalBytes / 1024 ** 2).toFixed(1)} MiB of PDFs`);

  const env = { HANDOVER_DIR: join(inst.workDir, 'handover'), HANDOVER_SCAN_CRON: 'off' };
  const api = await startApi(inst, env);
  const worker = startWorker(inst, env, profiling());
  const [clerk, leader] = await Promise.all([new Client(api.url).signIn(org.usernames.clerk, DEMO_PASSWORD), new Client(api.url).signIn(org.usernames.leader, DEMO_PASSWORD)]);
  const created = await clerk.post('/api/v1/handovers', { recordIds: [recordId], title: 'Danh mục nộp lưu (benchmark)' });
  if (created.status !== 201) throw new Error(`create hand-over: ${created.status} ${JSON.stringify(created.body)}`);
  const handoverId = created.body.id as string;
  // The clock and the CPU count start once the worker's start is over (module loading, several CPU
  // seconds): before, they could start while it was still loading.
  await settled(worker.pid!);
  const before = peakMiB(worker.pid!);
  const cpu0 = cpuSeconds(worker.pid!);

  const t0 = performance.now();
  const approved = await leader.post(`/api/v1/handovers/${handoverId}/approve`, {});
  if (approved.status !== 200) throw new Error(`approve: ${approved.status} ${JSON.stringify(approved.body)}`);
  let oxum: string | null;
  for (;;) {
    const { body } = await clerk.get(`/api/v1/handovers/${handoverId}`);
    if (body.status === 'packaged') {
      oxum = body.records[0]?.payloadOxum ?? null;
      break;
    }
    if (performance.now() - t0 > TIMEOUT_MS) throw new Error('the package was not built in time');
    if (worker.exitCode !== null) throw new Error(`the worker exited (${worker.exitCode})`);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const packageMs = performance.now() - t0;
  const peak = peakMiB(worker.pid!);
  const packageCpu = cpuSeconds(worker.pid!) - cpu0;

  const base = await floor(sourceDir, join(inst.workDir, 'baseline-copy'));
  log(`package: ${seconds(packageMs)} (Payload-Oxum ${oxum}); cp + sha256sum: ${seconds(base.ms)}; ratio ${(packageMs / base.ms).toFixed(1)}×`);
  log(`CPU time: package ${packageCpu.toFixed(1)} s (worker), cp + sha256sum ${base.cpu.toFixed(1)} s; ratio ${(packageCpu / base.cpu).toFixed(1)}×`);
  log(`worker peak RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB after the package; load ${load()}`);
}

runBench(main);

/** Waits until a process used less than 0.2 s of CPU in 2 s (its start is over), at most 2 minutes. */
async function settled(pid: number): Promise<void> {
  for (let tries = 0; tries < 60; tries++) {
    const before = cpuSeconds(pid);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    if (cpuSeconds(pid) - before < 0.2) return;
  }
}
