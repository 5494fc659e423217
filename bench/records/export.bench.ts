// Benchmark of a record's export (issue 15.3): GET /records/:id/export of a closed record of N
// incoming documents (default 1,000, each a real PDF of --pages pages), as a ratio to copying and
// hashing the same bytes with `cp` and `sha256sum` in the same run, with the API's peak memory.
//
//   npm run -s build
//   npm run bench:records -- [--documents=1000] [--pages=4]
//
// The documents are seeded with SQL (bench/support/incoming-seed.ts, bench/records/record-seed.ts) and filed into one record with
// SQL in the shape the product writes; the export is the real route of the built API, streamed to a
// file. Everything lives in a throwaway database and directory, removed at the end.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { API_MAIN, createInstallation, DEMO_PASSWORD, log, onCleanup, option, runBench, seconds, startApi } from '../support/installation';
import { cpuSeconds, DocumentKind, floor, load, peakMiB, seedClosedRecord, seedWarmUpRecord } from './record-seed';

const OPT = { documents: option('documents', 1000), pages: option('pages', 4), kind: option('kind', 'scan') as DocumentKind, keep: option('keep', 'false') === 'true', profile: option('profile', '') };
// --profile=<dir>: the API and the worker write V8 CPU profiles there when they stop (open in Chrome's DevTools).
const profiling = (): string[] => (OPT.profile ? ['--cpu-prof', `--cpu-prof-dir=${OPT.profile}`] : []);
async function main(): Promise<void> {
  if (!existsSync(API_MAIN)) throw new Error('dist/ is missing: run `npm run -s build` first');
  log(`record export benchmark: ${OPT.documents} ${OPT.kind === 'text' ? `text documents of ${OPT.pages} pages` : 'scanned documents'}; load ${load()}`);
  const inst = await createInstallation({ keep: OPT.keep });
  const db = new PgClient({ connectionString: inst.databaseUrl });
  await db.connect();
  onCleanup('database session', () => db.end());
  const { org, recordId, documents, totalBytes, totalPages, sourceDir } = await seedClosedRecord(db, inst, OPT.documents, OPT.pages, '99.VP', OPT.kind);
  log(`record of ${documents} documents (${OPT.kind}), ${totalPages} pages, ${(totalBytes / 1024 ** 2).toFixed(1)} MiB of PDFs`);

  const warmUpId = await seedWarmUpRecord(db, recordId, '98.VP');

  const api = await startApi(inst, {}, profiling());
  const clerk = await new Client(api.url).signIn(org.usernames.clerk, DEMO_PASSWORD);
  // A warm-up export of three documents first: the API loads pdf-lib and fontkit with its first
  // printed report (once per process); its CPU is printed apart from the measured figure.
  const warmCpu0 = cpuSeconds(api.child.pid!);
  const warm = await fetch(`${api.url}/api/v1/records/${warmUpId}/export`, { headers: { authorization: `Bearer ${clerk.accessToken}` } });
  if (!warm.ok) throw new Error(`warm-up export: ${warm.status} ${await warm.text()}`);
  await warm.arrayBuffer();
  log(`warm-up export (3 documents, the first printed report of this API): ${(cpuSeconds(api.child.pid!) - warmCpu0).toFixed(1)} s CPU`);
  // What the API spends doing nothing in particular (queue polling, timers), over 10 s: it is part
  // of the export's CPU figure too, at that rate for the export's wall time.
  const idle0 = cpuSeconds(api.child.pid!);
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  const idlePerSecond = (cpuSeconds(api.child.pid!) - idle0) / 10;
  log(`API at rest: ${(idlePerSecond * 60).toFixed(2)} s CPU a minute`);
  const before = peakMiB(api.child.pid!);
  const cpu0 = cpuSeconds(api.child.pid!);
  const out = join(inst.workDir, 'export.pdf');
  const t0 = performance.now();
  const res = await fetch(`${api.url}/api/v1/records/${recordId}/export`, { headers: { authorization: `Bearer ${clerk.accessToken}` } });
  if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`);
  await pipeline(Readable.fromWeb(res.body as never), createWriteStream(out));
  const exportMs = performance.now() - t0;
  const peak = peakMiB(api.child.pid!);
  const exportCpu = cpuSeconds(api.child.pid!) - cpu0;

  // The floor: the same bytes copied once and hashed once, by the plain tools, in this run.
  const base = await floor(sourceDir, join(inst.workDir, 'baseline-copy'));
  const info = await new Promise<string>((resolve) => {
    let text = '';
    const child = spawn('pdfinfo', [out]);
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', () => resolve(text));
  });
  log(`export: ${seconds(exportMs)} (${/Pages:\s+(\d+)/.exec(info)?.[1]} pages); cp + sha256sum: ${seconds(base.ms)}; ratio ${(exportMs / base.ms).toFixed(1)}×`);
  log(`CPU time: export ${exportCpu.toFixed(1)} s (API + qpdf), cp + sha256sum ${base.cpu.toFixed(1)} s; ratio ${(exportCpu / base.cpu).toFixed(1)}×`);
  const atRest = (idlePerSecond * exportMs) / 1000;
  log(`  of which the API at rest for ${seconds(exportMs)}: ~${atRest.toFixed(1)} s; without it ${(exportCpu - atRest).toFixed(1)} s, ratio ${((exportCpu - atRest) / base.cpu).toFixed(1)}×`);
  log(`API peak RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB after the export; load ${load()}`);
}

runBench(main);
