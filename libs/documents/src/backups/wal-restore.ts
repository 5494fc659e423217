import { appendFile, chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from 'pg';
import { Deadline, runCommand } from '@eoffice/core';

/**
 * WAL mode's restore (docs/backups.md, "Continuous archiving"): the base backup is unpacked into a
 * scratch data directory and started as a temporary postmaster that replays the archived segments,
 * to their end or to `targetTime`, then promotes; the installation's database is dumped from it
 * (custom format, for pg_restore into the target like a dump-mode backup) and the postmaster stopped.
 */
export interface Recovery {
  /** PostgreSQL's server programs (pg_ctl, postgres, pg_dump of the same major version). */
  binDir: string;
  baseTar: string;
  /** The restored archive directory (the WAL segments of the files snapshot). */
  walDir: string;
  /** The database to take out of the recovered cluster. */
  database: string;
  /** Point-in-time recovery: replay stops at the last commit at or before this instant. */
  targetTime: Date | null;
  /** An empty scratch directory: the data directory and the socket go there. */
  workDir: string;
  dumpPath: string;
  deadline: Deadline;
  log: (line: string) => void;
}

/** Milliseconds of the steps, for the report: unpacking the base, replaying WAL, dumping the database. */
export interface RecoveryTimes {
  unpackMs: number;
  replayMs: number;
  dumpMs: number;
}

const PORT = 5432;

export async function recoverToDump(recovery: Recovery): Promise<RecoveryTimes> {
  const data = join(recovery.workDir, 'data');
  const socket = join(recovery.workDir, 'run');
  await mkdir(data, { recursive: true });
  await mkdir(socket, { recursive: true });
  const times: RecoveryTimes = { unpackMs: 0, replayMs: 0, dumpMs: 0 };
  let t0 = Date.now();
  await run('tar', ['-xf', recovery.baseTar, '-C', data], recovery.deadline);
  // A Debian-managed cluster keeps its configuration outside the data directory: the base has none.
  if (!(await exists(join(data, 'postgresql.conf')))) await writeFile(join(data, 'postgresql.conf'), '');
  // Only the private socket answers, and only this machine's users reach it.
  await writeFile(join(data, 'pg_hba.conf'), 'local all all trust\n');
  const settings: Record<string, string> = {
    restore_command: `cp "${recovery.walDir}/%f" "%p"`,
    recovery_target_action: 'promote',
    archive_mode: 'off',
    listen_addresses: '',
    port: String(PORT),
    unix_socket_directories: socket,
    // The original may preload libraries or log elsewhere: the scratch server needs none of that.
    logging_collector: 'off',
    // PostgreSQL reads a timestamptz: `2026-12-07 02:52:24.867+00`, not ISO 8601's `T…Z`.
    ...(recovery.targetTime ? { recovery_target_time: recovery.targetTime.toISOString().replace('T', ' ').replace('Z', '+00') } : {}),
  };
  // Later lines win over the base's own postgresql.auto.conf (the original's ALTER SYSTEM settings).
  await appendFile(join(data, 'postgresql.auto.conf'), Object.entries(settings).map(([k, v]) => `${k} = '${v.replace(/'/g, "''")}'\n`).join(''));
  await writeFile(join(data, 'recovery.signal'), '');
  await chmod(data, 0o700);
  // PostgreSQL refuses to run as root: the scratch cluster then belongs to the postgres user.
  if (asRoot()) await run('chown', ['-R', 'postgres:postgres', recovery.workDir, recovery.walDir], recovery.deadline);
  times.unpackMs = Date.now() - t0;
  recovery.log(`Base backup unpacked (${times.unpackMs} ms); replaying WAL${recovery.targetTime ? ` up to ${recovery.targetTime.toISOString()}` : ' to its end'}`);

  t0 = Date.now();
  const logFile = join(recovery.workDir, 'postgres.log');
  const start = await run(join(recovery.binDir, 'pg_ctl'), ['-D', data, '-l', logFile, '-w', '-t', String(Math.ceil(recovery.deadline.remainingMs() / 1000)), 'start'], recovery.deadline, true);
  try {
    if (start.exitCode !== 0) throw new Error(`the scratch PostgreSQL did not start: ${(await tail(logFile)) || start.stderr.trim().slice(-800)}`);
    await waitPromoted(socket, recovery.deadline, logFile);
    times.replayMs = Date.now() - t0;
    recovery.log(`WAL replayed (${times.replayMs} ms); dumping database ${recovery.database}`);
    t0 = Date.now();
    const dump = await run(
      join(recovery.binDir, 'pg_dump'),
      ['--format=custom', '--compress=0', `--host=${socket}`, `--port=${PORT}`, '--username=postgres', `--file=${recovery.dumpPath}`, recovery.database],
      recovery.deadline,
    );
    if (dump.exitCode !== 0) throw new Error(`pg_dump from the recovered cluster failed: ${dump.stderr.trim().split('\n').slice(-3).join(' | ')}`);
    times.dumpMs = Date.now() - t0;
  } finally {
    await run(join(recovery.binDir, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], new Deadline(60_000), true).catch(() => undefined);
  }
  return times;
}

/** Replay ends with a promotion; a target past the archive's end stops the server instead (its log says so). */
async function waitPromoted(socket: string, deadline: Deadline, logFile: string): Promise<void> {
  for (;;) {
    const client = new Client({ host: socket, port: PORT, user: 'postgres', database: 'postgres' });
    try {
      await client.connect();
      const { rows } = await client.query<{ recovering: boolean }>('SELECT pg_is_in_recovery() AS recovering');
      if (!rows[0].recovering) return;
    } catch {
      // Not answering yet, or stopped: a target past the archive's end shuts the server down.
      const log = await readFile(logFile, 'utf8').catch(() => '');
      if (/recovery ended before configured recovery target was reached|database system is shut down|startup process .* exited/.test(log)) {
        throw new Error(`recovery failed: ${await tail(logFile)}`);
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    if (deadline.expired()) throw new Error(`WAL replay did not finish in time: ${await tail(logFile)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function asRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs a program (as the postgres user when this process is root and `asPostgres`). */
async function run(program: string, args: string[], deadline: Deadline, asPostgres = false) {
  const [file, argv] = asPostgres && asRoot() ? ['runuser', ['-u', 'postgres', '--', program, ...args]] : [program, args];
  const result = await runCommand(file, argv, { timeoutMs: deadline.remainingMs(), dieWithParent: true });
  if (['tar', 'chown'].includes(program) && result.exitCode !== 0) throw new Error(`${program} failed: ${result.stderr.trim().slice(-500)}`);
  return result;
}

/** Why the scratch server stopped: its FATAL lines (a target past the archive's end says so), else its last lines. */
async function tail(path: string): Promise<string> {
  const lines = (await readFile(path, 'utf8').catch(() => '')).trim().split('\n');
  const fatal = lines.filter((l) => /\b(FATAL|PANIC):/.test(l));
  return (fatal.length ? fatal.slice(-2) : lines.slice(-4)).join(' | ').slice(-800);
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
