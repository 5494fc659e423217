// Benchmark of a record's export (issue 15.3): GET /records/:id/export of a closed record of N
// incoming documents (default 1,000, each a real PDF of --pages pages), as a ratio to copying and
// hashing the same bytes with `cp` and `sha256sum` in the same run, with the API's peak memory.
//
//   npm run -s build
//   npm run bench:records -- [--documents=1000] [--kind=scan|text] [--pages=4] [--runs=3] [--profile=<dir>]
//
// The documents are seeded with SQL (bench/support/incoming-seed.ts, bench/records/record-seed.ts) and filed into one record with
// SQL in the shape the product writes; the export is the real route of the built API, streamed to a
// file. Everything lives in a throwaway database and directory, removed at the end.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { get } from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Client as PgClient } from 'pg';
import { Client } from '../../test/support/http';
import { type Api, API_MAIN, createInstallation, DEMO_PASSWORD, log, onCleanup, option, runBench, seconds, startApi } from '../support/installation';
import { cpuSeconds, cpuTimes, DocumentKind, floor, load, peakMiB, seedClosedRecord, seedWarmUpRecord } from './record-seed';

const OPT = { documents: option('documents', 1000), pages: option('pages', 4), kind: option('kind', 'scan') as DocumentKind, keep: option('keep', 'false') === 'true', profile: option('profile', ''), runs: option('runs', 3), client: option('client', 'curl') as 'node' | 'curl' };
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

  // At info level the API logs each export's steps (record exported: ms per step), printed below.
  const api = await startApi(inst, { LOG_LEVEL: 'info' }, profiling());
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
  const ratios: { wall: number; cpu: number }[] = [];
  // Each export must be the bytes its audit entry names (record.exported, with the SHA-256 given out).
  const audited = async (path: string) => {
    const entry = await db.query(`SELECT data->>'sha256' AS sha256 FROM audit_event WHERE action = 'record.exported' AND entity_id = $1 ORDER BY id DESC LIMIT 1`, [recordId]);
    const sha256 = createHash('sha256');
    await pipeline(createReadStream(path), sha256);
    if (sha256.digest('hex') !== entry.rows[0]?.sha256) throw new Error('the export differs from the SHA-256 in its audit entry');
  };
  for (let run = 1; run <= OPT.runs; run++) {
    ratios.push(await measure(run, api, api.child.pid!, `${api.url}/api/v1/records/${recordId}/export`, `Bearer ${clerk.accessToken}`, inst.workDir, sourceDir, idlePerSecond, audited));
  }
  if (OPT.runs > 1) {
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    log(`${OPT.runs} runs: wall ratio ${ratios.map((r) => r.wall.toFixed(1)).join(', ')} (median ${median(ratios.map((r) => r.wall)).toFixed(1)}×); CPU ratio ${ratios.map((r) => r.cpu.toFixed(1)).join(', ')} (median ${median(ratios.map((r) => r.cpu)).toFixed(1)}×)`);
  }
}

/** One export streamed to a file, then the floor on the same bytes; returns the two ratios. */
async function measure(run: number, api: Api, apiPid: number, url: string, authorization: string, workDir: string, sourceDir: string, idlePerSecond: number, audited: (path: string) => Promise<void>): Promise<{ wall: number; cpu: number }> {
  const before = peakMiB(apiPid);
  const times0 = cpuTimes(apiPid);
  const out = join(workDir, 'export.pdf');
  const client0 = cpuTimes('self');
  const t0 = performance.now();
  if (OPT.client === 'curl') await curl(url, authorization, out);
  else await download(url, authorization, out);
  const exportMs = performance.now() - t0;
  const client1 = cpuTimes('self');
  const clientCpu = client1.user + client1.system + client1.childUser + client1.childSystem - (client0.user + client0.system + client0.childUser + client0.childSystem);
  const peak = peakMiB(apiPid);
  const times1 = cpuTimes(apiPid);
  const [user, system, qpdfUser, qpdfSystem] = (['user', 'system', 'childUser', 'childSystem'] as const).map((k) => times1[k] - times0[k]);
  const exportCpu = user + system + qpdfUser + qpdfSystem;

  // The floor: the same bytes copied once and hashed once, by the plain tools, in this run.
  const copy = join(workDir, 'baseline-copy');
  rmSync(copy, { recursive: true, force: true });
  const base = await floor(sourceDir, copy);
  const info = await new Promise<string>((resolve) => {
    let text = '';
    const child = spawn('pdfinfo', [out]);
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.on('exit', () => resolve(text));
  });
  await audited(out);
  rmSync(out, { force: true });
  const tag = OPT.runs > 1 ? `run ${run}: ` : '';
  log(`${tag}export: ${seconds(exportMs)} (${/Pages:\s+(\d+)/.exec(info)?.[1]} pages); cp + sha256sum: ${seconds(base.ms)}; ratio ${(exportMs / base.ms).toFixed(1)}×`);
  log(`${tag}CPU time: export ${exportCpu.toFixed(1)} s (API ${user.toFixed(1)} user + ${system.toFixed(1)} system, qpdf ${qpdfUser.toFixed(1)} + ${qpdfSystem.toFixed(1)}), cp + sha256sum ${base.cpu.toFixed(1)} s; ratio ${(exportCpu / base.cpu).toFixed(1)}×`);
  const atRest = (idlePerSecond * exportMs) / 1000;
  log(`${tag}  of which the API at rest for ${seconds(exportMs)}: ~${atRest.toFixed(1)} s; without it ${(exportCpu - atRest).toFixed(1)} s, ratio ${((exportCpu - atRest) / base.cpu).toFixed(1)}×`);
  // Where the wall time went (the API's log line) and what this process spent receiving: it shares the cores.
  const steps = [...api.output().matchAll(/"ms":(\{[^}]*\})[^\n]*"msg":"record exported"/g)].at(-1)?.[1] ?? '(no log line)';
  log(`${tag}  steps (ms): ${steps}; the receiving client (this process): ${clientCpu.toFixed(1)} s CPU (${OPT.client})`);
  log(`${tag}API peak RSS: ${before.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB after the export; load ${load()}`);
  return { wall: exportMs / base.ms, cpu: exportCpu / base.cpu };
}

/**
 * The export saved to `out` by Node's own HTTP client, piped to the file (`--client=node`). It
 * spends 3.0–3.2 s of CPU receiving a 1 GB export (a `fetch` through web streams 3.3–3.7 s), more
 * than the API making it: on two shared cores it slows the export it measures.
 */
function download(url: string, authorization: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization } }, (res) => {
      if (res.statusCode !== 200) {
        let text = '';
        res.on('data', (d: Buffer) => (text += d.toString()));
        res.on('end', () => reject(new Error(`export: ${res.statusCode} ${text}`)));
        return;
      }
      pipeline(res, createWriteStream(out)).then(resolve, reject);
    }).on('error', reject);
  });
}

/**
 * The export saved to `out` by curl (the default client, `--client=curl`): a client in C, as lean
 * as a browser on another machine would be for the two shared cores (0.5–0.6 s of CPU for 1 GB).
 */
function curl(url: string, authorization: string, out: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('curl', ['-sSf', '-o', out, '-H', `authorization: ${authorization}`, url], { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`curl: ${code} ${err}`))));
  });
}

runBench(main);
