// Summarises a `perf record` of the registration bench (--perf=DIR; see perf-record.ts): CPU per
// registration by process and thread, then for each process
//   - self: where the sampled instruction was (JavaScript by package or project file, GC, the kernel, …),
//     native frames (V8 builtins, libc, system calls) charged to the JavaScript function that called them;
//   - inclusive: the share of samples with a given package or project file anywhere on the stack.
//   node bench/registration/perf-summary.cjs DIR/level-16.perf.data [--top=25] [--registrations=400]
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');

const file = process.argv[2];
const arg = (name, fallback) => (process.argv.find((a) => a.startsWith(`--${name}=`)) ?? `--${name}=${fallback}`).split('=')[1];
const top = Number(arg('top', 25));
const registrations = Number(arg('registrations', 0));
const pidsFile = file.replace(/\.perf\.data$/, '.pids.json');
const names = existsSync(pidsFile) ? JSON.parse(readFileSync(pidsFile, 'utf8')) : {};
const nameOf = (pid, comm) => names[pid] ?? (comm.startsWith('postgres') ? 'postgres backends' : comm);
const text = execFileSync('perf', ['script', '-i', file, '-F', 'comm,pid,tid,ip,sym,dso'], { maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] }).toString();

/** A JavaScript frame's package, "node core", or the project file it is in (dist/apps/<app>/…). */
function jsWhere(sym) {
  const url = / (\S+?):\d+(?::\d+)?$/.exec(sym)?.[1] ?? '';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return 'node core';
  const own = /\/dist\/apps\/\w+\/(.*)$/.exec(url);
  if (own) return own[1];
  return url.replace(/^.*\/work\/[^/]+\//, '') || '(js)';
}
const isJs = (f) => f.sym.startsWith('JS:');
const isGc = (f) => /v8::internal::(Heap|Scavenger|MarkCompact|Sweeper|ConcurrentMarking|MinorMarkCompact|ScavengeJob|IncrementalMarking|Marking)/.test(f.sym);

/** What a sample outside the main thread is doing. */
function helperWork(frames) {
  if (frames.some(isGc)) return 'GC';
  if (frames.some((f) => /v8::internal::(compiler|maglev|Compiler|OptimizingCompileDispatcher|baseline)/.test(f.sym))) return 'V8 compiler';
  const fs = frames.find((f) => /^uv__fs_|^uv__fs_work/.test(f.sym));
  if (fs) {
    const call = frames.find((f) => /^uv__fs_(?!work)/.test(f.sym));
    return `libuv file system ${call ? call.sym : fs.sym}`;
  }
  if (frames.some((f) => /uv__work|worker \(|node::crypto|Hash|Hmac/.test(f.sym))) return `libuv thread pool ${frames.find((f) => !f.dso.includes('kernel'))?.sym.slice(0, 50)}`;
  const leaf = frames.find((f) => !f.dso.includes('kernel')) ?? frames[0];
  return `other ${leaf.sym.slice(0, 60)}`;
}

const processes = new Map();
const add = (map, k, n = 1) => map.set(k, (map.get(k) ?? 0) + n);
let sample = null;
function finish() {
  if (!sample || sample.frames.length === 0) return;
  const name = nameOf(sample.pid, sample.comm);
  const p = processes.get(name) ?? { total: 0, threads: new Map(), self: new Map(), inclusive: new Map(), functions: new Map(), callers: new Map(), callerPackages: new Map() };
  processes.set(name, p);
  p.total += 1;
  const main = sample.pid === sample.tid;
  const frames = sample.frames;
  add(p.threads, main ? 'main thread' : `other threads: ${helperWork(frames)}`);
  const js = frames.find(isJs);
  let self;
  if (frames.some(isGc)) self = 'GC';
  else if (js) self = `${frames[0].dso.includes('kernel') ? 'kernel ← ' : ''}${jsWhere(js.sym)}`;
  else if (!main) self = `${sample.comm} (no JS)`;
  else {
    const leaf = frames.find((f) => !f.dso.includes('kernel')) ?? frames[0];
    self = `${frames[0].dso.includes('kernel') ? 'kernel ← ' : ''}native ${leaf.sym.slice(0, 60)}`;
  }
  add(p.self, self);
  const caller = frames.filter(isJs).find((f) => jsWhere(f.sym) !== 'node core');
  if (main) add(p.callerPackages, frames.some(isGc) ? 'GC' : caller ? jsWhere(caller.sym) : js ? 'node core only' : 'no JS');
  if (main) add(p.callers, frames.some(isGc) ? 'GC' : caller ? `${caller.sym.replace(/^JS:[*~^+]?/, '').slice(0, 120)}` : js ? 'node core only' : 'no JS');
  if (js) add(p.functions, `${js.sym.replace(/^JS:[*~^+]?/, '').slice(0, 120)}`);
  const seen = new Set(frames.filter(isJs).map((f) => jsWhere(f.sym)));
  if (!js) seen.add(frames.some((f) => f.dso.includes('kernel')) ? '(kernel, no JS on the stack)' : '(native, no JS on the stack)');
  for (const k of seen) add(p.inclusive, k);
}
for (const line of text.split('\n')) {
  const head = /^(\S.*?)\s+(\d+)\/(\d+)\s*$/.exec(line);
  if (head) {
    finish();
    sample = { comm: head[1], pid: Number(head[2]), tid: Number(head[3]), frames: [] };
    continue;
  }
  const frame = /^\s+[0-9a-f]+\s+(.*?)\s+\((.*)\)\s*$/.exec(line);
  if (frame && sample) sample.frames.push({ sym: frame[1].replace(/\+0x[0-9a-f]+$/, ''), dso: frame[2] });
}
finish();

const all = [...processes.values()].reduce((s, p) => s + p.total, 0);
const ms = (n) => (registrations ? `${(n / registrations).toFixed(2)} ms/registration` : `${n} samples`);
console.log(`${file}: ${all} samples (~1 ms of CPU each at -F 997)`);
for (const [name, p] of [...processes].sort((a, b) => b[1].total - a[1].total)) console.log(`  ${name.padEnd(22)} ${ms(p.total)}`);
for (const [name, p] of [...processes].sort((a, b) => b[1].total - a[1].total)) {
  if (p.total < all / 50) continue;
  console.log(`\n== ${name}: ${ms(p.total)}`);
  const show = (title, map, n = top) => {
    console.log(`  ${title}`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`  ${((100 * v) / p.total).toFixed(1).padStart(5)} %  ${k}`);
  };
  show('threads:', p.threads, 12);
  show('self (native frames charged to the nearest JavaScript caller):', p.self);
  show('inclusive (anywhere on the stack):', p.inclusive);
  show('innermost JavaScript function:', p.functions);
  show('main thread, by the innermost package or project file outside Node.js itself:', p.callerPackages);
  show('main thread, by the innermost function outside Node.js itself (what made node core, V8 and the kernel work):', p.callers);
}
