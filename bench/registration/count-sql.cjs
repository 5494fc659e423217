// Preloaded into the API and the worker by bench/registration (NODE_OPTIONS=--require …): counts
// the SQL statements the process sends to PostgreSQL, at the driver. Every statement TypeORM runs,
// BEGIN and COMMIT included, goes through node-postgres's Client#query, so this counts round trips
// as the server sees them. On SIGWINCH (Nest's shutdown hooks end the process on SIGUSR2) it writes
// the counts and the process's CPU time to BENCH_SQL_COUNT_FILE (to a temp name, then renamed, so
// a reader never sees half a file).
const { renameSync, writeFileSync } = require('node:fs');
const pg = require('pg');

const file = process.env.BENCH_SQL_COUNT_FILE;
let total = 0;
const byKind = new Map();

/**
 * "INSERT incoming_document", "SELECT app_user", "BEGIN": enough to see where the statements go.
 * A WITH statement is named by the tables it writes ("WITH → register_counter, stored_file, …").
 */
function kindOf(text) {
  if (/^\s*WITH\b/i.test(text)) {
    const written = [...text.matchAll(/\b(?:INSERT\s+INTO|(?<!DO\s)UPDATE|DELETE\s+FROM)\s+"?(\w+)"?/gi)].map((m) => m[1]);
    if (written.length) return `WITH → ${[...new Set(written)].join(', ')}`;
  }
  const verb = (/^\s*(\w+)/.exec(text)?.[1] ?? '?').toUpperCase();
  const table = /\b(?:FROM|INTO|UPDATE)\s+"?(\w+)"?/i.exec(text)?.[1];
  return table ? `${verb} ${table}` : verb;
}

const query = pg.Client.prototype.query;
pg.Client.prototype.query = function countedQuery(config, ...rest) {
  total += 1;
  const kind = kindOf(typeof config === 'string' ? config : (config?.text ?? ''));
  byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
  return query.call(this, config, ...rest);
};

if (file) {
  process.on('SIGWINCH', () => {
    const { user, system } = process.cpuUsage();
    writeFileSync(`${file}.tmp`, JSON.stringify({ total, byKind: Object.fromEntries(byKind), cpuMs: (user + system) / 1000 }));
    renameSync(`${file}.tmp`, file);
  });
}

// With BENCH_CPU_PROFILE_DIR (bench --cpu-profile=DIR): the V8 CPU profile of the process between
// two SIGWINCH, written as DIR/<pid>-<n>.cpuprofile (open in Chrome DevTools or summarise with
// bench/registration/profile-summary.cjs). The bench signals before and after each level, so the
// even-numbered files are the levels.
const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
if (profileDir) {
  const { Session } = require('node:inspector');
  const session = new Session();
  session.connect();
  let n = 0;
  session.post('Profiler.enable', () => session.post('Profiler.start'));
  process.on('SIGWINCH', () => {
    session.post('Profiler.stop', (error, result) => {
      if (!error) writeFileSync(`${profileDir}/${process.pid}-${++n}.cpuprofile`, JSON.stringify(result.profile));
      session.post('Profiler.start');
    });
  });
}
