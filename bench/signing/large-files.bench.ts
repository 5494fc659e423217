// Benchmark of the signing chain on large PDFs (issue 5): for 1, 10 and 50 MiB, the wall time and
// peak memory of each step (prepare draft, leader signature, number + date fill, organisation
// signature, verification), each measured in a fresh child process, as ratios to the floor
// measured in the same run: one SHA-256 pass over the file plus one RSA-2048 signature.
//
//   node -r ./scripts/ts-register.cjs bench/signing/large-files.bench.ts [--sizes=1,10,50] [--repeats=3] [--profile] [--keep]
//
// See bench/signing/README.md for what the columns mean.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MEASURED_RUNS, readFixtures, runStep, STEP_INPUT, STEP_LABELS, StepName, STEPS, writeFixtures } from './chain-step';
import { buildLargePdf } from './large-pdf';
import type { StepJob, StepMeasurement } from './step-child';

const ROOT = resolve(__dirname, '../..');
const MIB = 1024 * 1024;

function option(name: string): string | undefined {
  const arg = process.argv.find((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (!arg) return undefined;
  return arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : 'true';
}

const sizesMib = (option('sizes') ?? '1,10,50').split(',').map(Number);
const repeats = Number(option('repeats') ?? 3);
const profile = option('profile') === 'true';
const keep = option('keep') === 'true';

function fileOf(dir: string, label: string, stage: StepName | 'source'): string {
  return join(dir, `${label}-${stage}.pdf`);
}

/** The chain on a small PDF, in this process: every child warms up on the file of its stage. */
async function writeWarmupChain(dir: string, fixturesDir: string): Promise<void> {
  const fixtures = readFixtures(fixturesDir);
  let pdf = await buildLargePdf(64 * 1024);
  writeFileSync(fileOf(dir, 'warmup', 'source'), pdf);
  for (const step of STEPS) {
    const output = await runStep(step, step === 'prepare' ? pdf : readFileSync(fileOf(dir, 'warmup', STEP_INPUT[step])), fixtures);
    if (output) {
      pdf = output.toBuffer();
      writeFileSync(fileOf(dir, 'warmup', step), pdf);
    }
  }
}

function runChild(job: StepJob): StepMeasurement {
  const args = ['--expose-gc', '-r', './scripts/ts-register.cjs', 'bench/signing/step-child.ts', JSON.stringify(job)];
  const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MIB });
  if (result.status !== 0) throw new Error(`step ${job.step} on ${job.input} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() as string) as StepMeasurement;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

interface StepFigures {
  step: StepName;
  /** Medians over the runs; each ratio is taken against the floor measured in the same process. */
  ms: number;
  wallRatio: number;
  cpuMs: number;
  cpuRatio: number;
  /** Memory barely varies between runs; the largest is reported. */
  rssPeak: number;
  rssGrowth: number;
  heapGrowth: number;
  arrayBuffersGrowth: number;
  inputBytes: number;
}

function summarise(step: StepName, runs: StepMeasurement[]): StepFigures {
  const largest = (pick: (run: StepMeasurement) => number): number => Math.max(...runs.map(pick));
  return {
    step,
    ms: median(runs.map((r) => r.ms)),
    wallRatio: median(runs.map((r) => r.wallRatio)),
    cpuMs: median(runs.map((r) => r.cpuMs)),
    cpuRatio: median(runs.map((r) => r.cpuRatio)),
    rssPeak: largest((r) => r.rssPeak),
    rssGrowth: largest((r) => r.rssGrowth),
    heapGrowth: largest((r) => r.heapGrowth),
    arrayBuffersGrowth: largest((r) => r.arrayBuffersGrowth),
    inputBytes: runs[0].inputBytes,
  };
}

async function measureSize(dir: string, fixturesDir: string, mib: number): Promise<StepFigures[]> {
  const label = `${mib}mib`;
  const source = await buildLargePdf(mib * MIB);
  writeFileSync(fileOf(dir, label, 'source'), source);
  const figures: StepFigures[] = [];
  for (const step of STEPS) {
    const job: StepJob = {
      step,
      fixturesDir,
      warmupInput: fileOf(dir, 'warmup', STEP_INPUT[step]),
      input: fileOf(dir, label, STEP_INPUT[step]),
      output: fileOf(dir, label, step),
    };
    const runs = Array.from({ length: repeats }, () => runChild(job));
    // Profiled in one more process, whose times (the profiler slows it down) are not counted.
    if (profile) runChild({ ...job, profileFile: join(dir, `${label}-${step}.cpuprofile`) });
    figures.push(summarise(step, runs));
    process.stderr.write(`  ${label} ${step}: ${runs.map((r) => `${r.ms.toFixed(0)} ms (cpu ${r.cpuMs.toFixed(0)})`).join(', ')}\n`);
  }
  return figures;
}

function mb(bytes: number): string {
  return (bytes / MIB).toFixed(1);
}

function printTable(mib: number, figures: StepFigures[]): void {
  const floor = figures.find((f) => f.step === 'floor') as StepFigures;
  const rows = figures.map((f) => [
    STEP_LABELS[f.step],
    f.ms.toFixed(0),
    f.wallRatio.toFixed(2),
    f.cpuMs.toFixed(0),
    f.cpuRatio.toFixed(2),
    mb(f.rssPeak),
    (f.rssPeak / floor.rssPeak).toFixed(2),
    mb(f.rssGrowth),
    (f.rssGrowth / f.inputBytes).toFixed(2),
    mb(f.heapGrowth),
    mb(f.arrayBuffersGrowth),
  ]);
  const header = ['step', 'wall ms', '× floor', 'CPU ms', '× floor', 'peak RSS MiB', '× floor', 'RSS growth MiB', '÷ file size', 'heap growth MiB', 'arrayBuffers growth MiB'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  console.log(`\n${mib} MiB source (${floor.inputBytes} bytes); times: median over ${repeats} fresh processes × ${MEASURED_RUNS} runs; memory: largest of the processes`);
  console.log(line(header));
  rows.forEach((row) => console.log(line(row)));
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-signing-bench-'));
  try {
    const fixturesDir = join(dir, 'fixtures');
    writeFixtures(fixturesDir);
    await writeWarmupChain(dir, fixturesDir);
    console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    for (const mib of sizesMib) printTable(mib, await measureSize(dir, fixturesDir, mib));
    console.log(`\nload average after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (profile) console.log(`CPU profiles of each measured step (open in Chrome DevTools): ${dir}/*.cpuprofile`);
  } finally {
    if (keep || profile) console.log(`files kept in ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
