// Summarises a .cpuprofile (bench/registration --cpu-profile): self time by package (or by the
// project's own file) and the heaviest functions, as shares of the profile's sampled time.
//   node bench/registration/profile-summary.cjs FILE.cpuprofile [--top=30]
const { readFileSync } = require('node:fs');

const file = process.argv[2];
const top = Number((process.argv.find((a) => a.startsWith('--top=')) ?? '--top=30').slice(6));
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (deltas[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

function where(url) {
  if (!url) return '(native / V8)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node core';
  const own = /\/dist\/apps\/\w+\/(.*)$/.exec(url);
  return own ? own[1] : url;
}

const byPackage = new Map();
const byFunction = new Map();
for (const [id, us] of self) {
  const node = byId.get(id);
  const f = node.callFrame;
  const pkg = f.functionName === '(garbage collector)' ? '(garbage collector)' : f.functionName === '(idle)' ? '(idle)' : where(f.url);
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
  const key = `${f.functionName || '(anonymous)'}  ${where(f.url)}:${f.lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + us);
}
const pct = (us) => `${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms`;
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
console.log('\nself time by package / file:');
for (const [k, v] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
console.log('\nheaviest functions (self):');
for (const [k, v] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(v)}  ${k}`);
