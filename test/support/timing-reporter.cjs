// Where the end-to-end time goes: after the run, the suites by wall time (longest first), the sum
// of their times against the run's own wall time (how much two workers overlapped), and the machine's
// load. Also written to .data/e2e-times.json, to compare runs. A jest reporter (jest.config.js).
const { writeFileSync, mkdirSync, readdirSync, readFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { loadavg, availableParallelism } = require('node:os');

class TimingReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.suites = [];
    this.started = Date.now();
  }

  onTestResult(_test, result) {
    const { start, end } = result.perfStats;
    // When each started and ended in the run (s): shows the tail, where fewer suites than workers ran.
    const at = (t) => Math.round((t - this.started) / 100) / 10;
    this.suites.push({ suite: relative(this.rootDir, result.testFilePath), seconds: (end - start) / 1000, failed: result.numFailingTests, startedAt: at(start), endedAt: at(end) });
  }

  onRunComplete() {
    const e2e = this.suites.filter((s) => s.suite.endsWith('.e2e-spec.ts'));
    if (!e2e.length) return;
    const wall = (Date.now() - this.started) / 1000;
    const sum = e2e.reduce((total, s) => total + s.seconds, 0);
    e2e.sort((a, b) => b.seconds - a.seconds);
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    // CPU per suite (test/support/cpu.ts): what decides the time on 2 cores, whatever the load.
    const cpu = readCpu(join(this.rootDir, '.data', 'e2e-cpu'));
    for (const s of e2e) Object.assign(s, cpu.get(s.suite.replace(/^test\//, '').replace(/\.e2e-spec\.ts$/, '')) ?? {});
    const cpuSum = e2e.reduce((total, s) => total + (s.jest ?? 0) + (s.processes ?? 0), 0);
    const cpuOf = (s) => (s.jest === undefined ? '' : `  cpu ${(s.jest + s.processes).toFixed(1).padStart(5)} s (jest ${s.jest.toFixed(1)}, processes ${s.processes.toFixed(1)})`);
    const lines = [
      `e2e timing: ${e2e.length} suites, wall ${wall.toFixed(0)} s, sum of suite times ${sum.toFixed(0)} s (overlap ${(sum / wall).toFixed(2)}×), suites' CPU ${cpuSum.toFixed(0)} s, load ${load} on ${availableParallelism()} cores`,
      ...e2e.slice(0, 15).map((s) => `  ${s.seconds.toFixed(1).padStart(6)} s${cpuOf(s)}  ${s.suite}${s.failed ? ` (${s.failed} failed)` : ''}`),
    ];
    process.stderr.write(`\n${lines.join('\n')}\n`);
    const dir = join(this.rootDir, '.data');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'e2e-times.json'), JSON.stringify({ wall, sum, cpu: cpuSum, load: loadavg(), suites: e2e }, null, 2));
  }
}

/** The per-suite CPU files the suites wrote (jest-setup.ts), by suite name. */
function readCpu(dir) {
  const bySuite = new Map();
  try {
    for (const name of readdirSync(dir)) {
      const { suite, jest, processes } = JSON.parse(readFileSync(join(dir, name), 'utf8'));
      bySuite.set(suite, { jest, processes });
    }
  } catch {
    // no suite wrote one (none ran to its end)
  }
  return bySuite;
}

module.exports = TimingReporter;
