// Inclusive time per function of a .cpuprofile (each function counted once per sample, however deep
// it recurses), as a share of the sampled time: shows which phase of a start-up costs what, e.g.
// `loadESMFromCJS` (ES modules required from CommonJS) against `scanApplication` (OpenAPI document).
//   node --cpu-prof --cpu-prof-dir=/tmp/prof dist/apps/api/apps/api/src/main.js   # stop it once ready
//   node bench/support/profile-frames.cjs /tmp/prof/<file>.cpuprofile [--top=40]
const { readFileSync } = require('node:fs');

const file = process.argv[2];
const top = Number((process.argv.find((a) => a.startsWith('--top=')) ?? '--top=40').slice(6));
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parentOf = new Map();
for (const n of profile.nodes) for (const child of n.children ?? []) parentOf.set(child, n.id);
const self = new Map();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));

const short = (url) => url.replace(/^.*node_modules\//, '').replace(/^.*\/dist\//, '');
const inclusive = new Map();
let total = 0;
for (const [id, us] of self) {
  total += us;
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parentOf.get(cur)) {
    const { functionName, url } = byId.get(cur).callFrame;
    const key = `${functionName || '(top level)'}  ${short(url)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    inclusive.set(key, (inclusive.get(key) ?? 0) + us);
  }
}
console.log(`${file}: ${(total / 1000).toFixed(0)} ms sampled`);
for (const [key, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${(us / 1000).toFixed(0).padStart(6)} ms  ${key}`);
}
