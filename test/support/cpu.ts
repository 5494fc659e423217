import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './test-env';

/**
 * CPU time per suite, not wall time: on a shared 2-core machine a suite's wall time says more about
 * the other engineers' load than about the suite. Each suite writes what its jest worker used and
 * what the processes it started used; the timing reporter adds them up (docs/testing.md).
 */
export const CPU_DIR = join(ROOT, '.data', 'e2e-cpu');

/** CPU seconds (user + system) of a live process and its reaped children, from /proc (Linux; 0 elsewhere). */
export function processCpuSeconds(pid: number | undefined): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // After "pid (name) ": state is field 3, utime/stime/cutime/cstime are fields 14–17 (clock ticks, 100 a second).
    const [utime, stime, cutime, cstime] = stat.slice(stat.lastIndexOf(')') + 2).split(' ').slice(11, 15).map(Number);
    return (utime + stime + cutime + cstime) / 100;
  } catch {
    return 0;
  }
}

/** What the API, worker and other processes this suite started used, added as each is stopped. */
export const startedProcessCpu = { seconds: 0 };

export interface SuiteCpu {
  suite: string;
  /** The jest worker's own CPU while the suite loaded and ran (fixture, clients, in-process contexts). */
  jest: number;
  /** The processes it started (API, worker, their tools), read just before each stopped. */
  processes: number;
}

export function writeSuiteCpu(cpu: SuiteCpu): void {
  mkdirSync(CPU_DIR, { recursive: true });
  writeFileSync(join(CPU_DIR, `${cpu.suite}.json`), JSON.stringify(cpu));
}

export function clearSuiteCpu(): void {
  rmSync(CPU_DIR, { recursive: true, force: true });
}

export function readSuiteCpu(): SuiteCpu[] {
  try {
    return readdirSync(CPU_DIR).map((name) => JSON.parse(readFileSync(join(CPU_DIR, name), 'utf8')) as SuiteCpu);
  } catch {
    return [];
  }
}
