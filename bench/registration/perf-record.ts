// With --perf=DIR (bench/registration): Linux `perf` samples the API, the worker and the PostgreSQL
// backends on the CPU (cpu-clock, call graphs) during each level. Unlike the V8 profile
// (--cpu-profile), which samples the main thread's wall time, a sample here is CPU actually spent,
// kernel included (system calls: sockets, fsync, file opens), so a descheduled frame on a loaded
// machine is not counted. The API and worker run with --perf-basic-prof so JavaScript frames have
// names. Summarise with bench/registration/perf-summary.cjs.
import { ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface PerfRecording {
  stop(): Promise<void>;
}

/**
 * Starts `perf record` on these processes (pid → what it is: "API", "worker", "postgres backends"),
 * written to DIR/<name>.perf.data with the names beside it (<name>.pids.json); `stop` ends it (SIGINT)
 * and waits for the file.
 */
export function perfRecord(dir: string, name: string, processes: Record<number, string>): PerfRecording {
  const output = join(dir, `${name}.perf.data`);
  const pids = Object.keys(processes);
  writeFileSync(join(dir, `${name}.pids.json`), JSON.stringify(processes));
  const child: ChildProcess = spawn('perf', ['record', '-e', 'cpu-clock', '-F', '997', '-g', '-o', output, '-p', pids.join(',')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 || signal === 'SIGINT' || code === 130 ? resolve() : reject(new Error(`perf record: ${code ?? signal} ${stderr}`))));
  });
  return {
    async stop() {
      child.kill('SIGINT');
      await exited;
    },
  };
}
