// One step measured in a fresh process, so that its time and memory are its own. Run by
// large-files.bench.ts with --expose-gc:
//   node --expose-gc -r ./scripts/ts-register.cjs bench/signing/step-child.ts '<json StepJob>'
// Prints one JSON line (StepMeasurement) on stdout.
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { UpdatedPdf } from '@eoffice/signing';
import { BenchFixtures, MEASURED_RUNS, readFixtures, runStep, StepName, writePdf } from './chain-step';

export interface StepJob {
  step: StepName;
  fixturesDir: string;
  /** A small PDF at the same stage of the chain: the step runs on it first (JIT, fonts, lazy modules). */
  warmupInput: string;
  input: string;
  /** Where to write the step's PDF, if it makes one. */
  output?: string;
  /** When set, a CPU profile of the first timed run alone (not start-up or warm-up) is written there. */
  profileFile?: string;
}

export interface StepMeasurement {
  step: StepName;
  inputBytes: number;
  outputBytes: number;
  ms: number;
  /** CPU time (user + system) of the step: steadier than wall time when other work shares the cores. */
  cpuMs: number;
  /** The floor (one SHA-256 pass over the input and one RSA-2048 signature) in this process, just before each run. */
  floorMs: number;
  floorCpuMs: number;
  /** Medians of each run's step ÷ its own floor. */
  wallRatio: number;
  cpuRatio: number;
  /** Peak minus start of the step, bytes. RSS from the kernel's high-water mark, reset at the start. */
  rssGrowth: number;
  /** Peak RSS of the process during the step (node itself, the input file and the step's own memory). */
  rssPeak: number;
  /** Peak minus start, sampled every millisecond and at the end (sampling sees only await points). */
  heapGrowth: number;
  arrayBuffersGrowth: number;
}

/**
 * Runs on the small PDF (and, before the timed runs, on the input itself): what is measured is a
 * step in a long-running API or worker process (code compiled, fonts parsed), not start-up.
 */
const WARMUP_RUNS = 3;
const WARMUP_RUNS_ON_INPUT = 2;

const gc = (globalThis as { gc?: () => void }).gc;

function vmHighWaterMark(): number {
  const kib = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
  if (!kib) throw new Error('no VmHWM in /proc/self/status (Linux only)');
  return Number(kib) * 1024;
}

/** Linux: writing 5 to clear_refs resets the peak RSS, so the high-water mark becomes the step's own. */
function resetHighWaterMark(): void {
  writeFileSync('/proc/self/clear_refs', '5');
}

async function measured<T>(run: () => Promise<T>): Promise<{ result: T; ms: number; cpuMs: number }> {
  const cpu = process.cpuUsage();
  const began = process.hrtime.bigint();
  const result = await run();
  const ms = Number(process.hrtime.bigint() - began) / 1e6;
  const used = process.cpuUsage(cpu);
  return { result, ms, cpuMs: (used.user + used.system) / 1000 };
}

async function startProfiler(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  return session;
}

async function stopProfiler(session: Session): Promise<unknown> {
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  return profile;
}

async function main(): Promise<void> {
  const job = JSON.parse(process.argv[2]) as StepJob;
  if (!gc) throw new Error('run with --expose-gc');
  const fixtures = readFixtures(job.fixturesDir);
  const warmupInput = readFileSync(job.warmupInput);
  const input = readFileSync(job.input);
  for (let i = 0; i < WARMUP_RUNS; i += 1) {
    await runStep(job.step, warmupInput, fixtures);
    await runStep('floor', warmupInput, fixtures);
  }
  // Memory first, in the first run on a file of this size: once buffers that large were freed,
  // malloc keeps and reuses their pages, and later runs would grow RSS by less than they allocate.
  const memory = await memoryRun(job.step, input, fixtures);
  for (let i = 0; i < WARMUP_RUNS_ON_INPUT; i += 1) {
    await runStep(job.step, input, fixtures);
    await runStep('floor', input, fixtures);
  }
  // Times without forced collections: a gc() before each run makes the next runs 2–3 times slower
  // (compiled code and type feedback are thrown away).
  const timed: TimedRun[] = [];
  for (let i = 0; i < MEASURED_RUNS; i += 1) timed.push(await timedRun(job.step, input, fixtures, i === 0 ? job.profileFile : undefined));
  if (memory.output && job.output) writePdf(job.output, memory.output);
  const median = (pick: (run: TimedRun) => number): number => timed.map(pick).sort((a, b) => a - b)[Math.floor(timed.length / 2)];
  const measurement: StepMeasurement = {
    step: job.step,
    inputBytes: input.length,
    outputBytes: memory.output?.length ?? 0,
    ms: median((r) => r.ms),
    cpuMs: median((r) => r.cpuMs),
    floorMs: median((r) => r.floorMs),
    floorCpuMs: median((r) => r.floorCpuMs),
    wallRatio: median((r) => r.ms / r.floorMs),
    cpuRatio: median((r) => r.cpuMs / r.floorCpuMs),
    ...memory.figures,
  };
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

type TimedRun = Pick<StepMeasurement, 'ms' | 'cpuMs' | 'floorMs' | 'floorCpuMs'>;
type MemoryFigures = Pick<StepMeasurement, 'rssGrowth' | 'rssPeak' | 'heapGrowth' | 'arrayBuffersGrowth'>;

/** The floor, then the step, on the same input: the machine is shared, so ratios are taken between neighbours. */
async function timedRun(step: StepName, input: Buffer, fixtures: BenchFixtures, profileFile?: string): Promise<TimedRun> {
  const floor = await measured(() => runStep('floor', input, fixtures));
  const profiler = profileFile ? await startProfiler() : undefined;
  const { ms, cpuMs } = await measured(() => runStep(step, input, fixtures));
  if (profiler && profileFile) writeFileSync(profileFile, JSON.stringify(await stopProfiler(profiler)));
  return { ms, cpuMs, floorMs: floor.ms, floorCpuMs: floor.cpuMs };
}

/** One more run from a collected heap, with the kernel's high-water mark reset just before it. */
async function memoryRun(step: StepName, input: Buffer, fixtures: BenchFixtures): Promise<{ figures: MemoryFigures; output?: UpdatedPdf }> {
  (gc as () => void)();
  const start = process.memoryUsage();
  const peak = { heapUsed: start.heapUsed, arrayBuffers: start.arrayBuffers };
  const sample = (): void => {
    const now = process.memoryUsage();
    peak.heapUsed = Math.max(peak.heapUsed, now.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, now.arrayBuffers);
  };
  const sampler = setInterval(sample, 1);
  resetHighWaterMark();
  const output = await runStep(step, input, fixtures);
  sample(); // the output is still held here
  clearInterval(sampler);
  const rssPeak = vmHighWaterMark();
  return {
    output,
    figures: {
      rssGrowth: Math.max(0, rssPeak - start.rss),
      rssPeak,
      heapGrowth: peak.heapUsed - start.heapUsed,
      arrayBuffersGrowth: peak.arrayBuffers - start.arrayBuffers,
    },
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
