// Where the end-to-end time goes: after the run, the suites by wall time (longest first), the sum
// of their times against the run's own wall time (how much two workers overlapped), and the machine's
// load. Also written to .data/e2e-times.json, to compare runs. A jest reporter (jest.config.js).
const { writeFileSync, mkdirSync } = require('node:fs');
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
    this.suites.push({ suite: relative(this.rootDir, result.testFilePath), seconds: (end - start) / 1000, failed: result.numFailingTests });
  }

  onRunComplete() {
    const e2e = this.suites.filter((s) => s.suite.endsWith('.e2e-spec.ts'));
    if (!e2e.length) return;
    const wall = (Date.now() - this.started) / 1000;
    const sum = e2e.reduce((total, s) => total + s.seconds, 0);
    e2e.sort((a, b) => b.seconds - a.seconds);
    const load = loadavg().map((l) => l.toFixed(1)).join(' ');
    const lines = [
      `e2e timing: ${e2e.length} suites, wall ${wall.toFixed(0)} s, sum of suite times ${sum.toFixed(0)} s (overlap ${(sum / wall).toFixed(2)}×), load ${load} on ${availableParallelism()} cores`,
      ...e2e.slice(0, 15).map((s) => `  ${s.seconds.toFixed(1).padStart(6)} s  ${s.suite}${s.failed ? ` (${s.failed} failed)` : ''}`),
    ];
    process.stderr.write(`\n${lines.join('\n')}\n`);
    const dir = join(this.rootDir, '.data');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'e2e-times.json'), JSON.stringify({ wall, sum, load: loadavg(), suites: e2e }, null, 2));
  }
}

module.exports = TimingReporter;
