import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { processCpuSeconds, startedProcessCpu } from './cpu';
import { E2eRun, processEnv, ROOT } from './test-env';

export const API_MAIN = join(ROOT, 'dist/apps/api/apps/api/src/main.js');
export const WORKER_MAIN = join(ROOT, 'dist/apps/worker/apps/worker/src/main.js');

export interface RunningProcess {
  child: ChildProcess;
  output: () => string;
  /** The exit code, or the signal's name when Nest re-raised the signal after its shutdown hooks. */
  exited: Promise<number | string | null>;
  stop: (signal?: NodeJS.Signals) => Promise<number | string | null>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export function startProcess(main: string, env: NodeJS.ProcessEnv): RunningProcess {
  const child = spawn(process.execPath, [main], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | string | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? signal)));
  return {
    child,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null && child.signalCode === null) {
        startedProcessCpu.seconds += processCpuSeconds(child.pid);
        child.kill(signal);
      }
      // Never leave a process behind to take another suite's jobs: force it after 15 s.
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(force);
      return code;
    },
  };
}

/**
 * How much slower than an idle machine this one is right now: the one-minute load per core, never
 * below 1 and capped, so a loaded CI machine is slow rather than red and a hung process still fails.
 */
export function loadFactor(cap = 5): number {
  return Math.min(cap, Math.max(1, loadavg()[0] / availableParallelism()));
}

/** A wait budget that grows with the machine's load; `base` is what an idle machine needs with room to spare. */
export function scaledBudget(baseMs: number, capMs = 15 * 60_000): number {
  return Math.min(capMs, Math.round(baseMs * loadFactor()));
}

/**
 * Polls `probe` until it returns a value — `undefined` and `false` both mean "not yet", so a probe
 * may be a plain condition (a `false` once ended such a wait at once, unmet). The budget is scaled by the load when the wait starts,
 * and re-read while it runs, so a machine that gets busier half-way still gets its time.
 */
export async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, baseMs = 30_000): Promise<Exclude<T, false>> {
  const started = Date.now();
  let budget = scaledBudget(baseMs);
  let lastError: unknown;
  let interval = 100;
  while (Date.now() - started < budget) {
    try {
      const value = await probe();
      if (value !== undefined && value !== false) return value as Exclude<T, false>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, interval));
    interval = Math.min(500, interval * 1.5);
    budget = Math.max(budget, scaledBudget(baseMs));
  }
  const seconds = Math.round((Date.now() - started) / 1000);
  throw new Error(`timed out waiting for ${what} after ${seconds} s (load ${loadavg()[0].toFixed(1)})${lastError ? `: ${String(lastError)}` : ''}`);
}

/**
 * Waits until `probe` says nothing is left. A queue that drains slowly is not stuck: the budget
 * (scaled by load) starts again whenever fewer items are left than at the last low point, so the
 * wait fails only when the backlog stops shrinking for a whole budget.
 */
export async function waitForDrain(probe: () => Promise<{ left: number; detail: string }>, what: string, baseMs = 30_000): Promise<void> {
  let lowest = Number.POSITIVE_INFINITY;
  let since = Date.now();
  for (;;) {
    const last = await probe();
    if (last.left === 0) return;
    if (last.left < lowest) [lowest, since] = [last.left, Date.now()];
    if (Date.now() - since > scaledBudget(baseMs)) {
      const seconds = Math.round((Date.now() - since) / 1000);
      throw new Error(`timed out waiting for ${what}: ${last.left} left, none ended in ${seconds} s (load ${loadavg()[0].toFixed(1)}): ${last.detail}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

export interface Api extends RunningProcess {
  url: string;
}

/** What an idle 2-core machine needs, with room, for the API to answer /health (scaled by load). */
export const API_START_BASE_MS = 120_000;

/** Starts the built API as a user would (`node dist/...`), and waits until /ready says yes. */
export async function startApi(run: E2eRun, overrides: Record<string, string | undefined> = {}): Promise<Api> {
  const port = await freePort();
  const proc = startProcess(API_MAIN, processEnv(run, { PORT: String(port), ...overrides }));
  const url = `http://127.0.0.1:${port}`;
  await waitFor(
    async () => {
      if (proc.child.exitCode !== null) throw new Error(`API exited: ${proc.output()}`);
      const res = await fetch(`${url}/health`);
      return res.ok ? true : undefined;
    },
    'the API to listen',
    API_START_BASE_MS,
  );
  return { ...proc, url };
}

export function startWorker(run: E2eRun, overrides: Record<string, string | undefined> = {}): RunningProcess {
  return startProcess(WORKER_MAIN, processEnv(run, overrides));
}
