import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import { type Deadline, dyingWithParent } from '@eoffice/core';

/** Where the dump goes: one `restic backup --stdin` per destination. */
export interface DumpSink {
  input: Writable;
  /**
   * `input` is the write end of a child process's standard input: pg_dump may be given it as its
   * own output, with no copy through this process. This process keeps its end open, so the
   * receiver sees the end of its input only when `input` is ended here.
   */
  childPipe?: boolean;
  /** Stops the receiver without letting it finish (restic then writes no snapshot). */
  abort(): void;
}

/**
 * Runs pg_dump of one exported snapshot and streams its output into every sink (one dump for all
 * destinations; no dump file written and read again, and restic chunks while pg_dump still
 * writes). One receiver gets pg_dump's output straight through a pipe; several get a copy each
 * through this process. A sink that stops reading (its restic failed: its own exit says why) is
 * dropped and the others go on; when none is left, pg_dump is stopped. Only a pg_dump that exited
 * 0 ends the sinks' input: on any failure the sinks are aborted first, so no destination ever
 * holds a snapshot of a cut dump.
 */
export async function streamDump(input: { program: string; databaseUrl: string; snapshotId: string; sinks: DumpSink[]; deadline: Deadline }): Promise<void> {
  const { url, env } = passwordInEnvironment(input.databaseUrl);
  // Uncompressed (-Z0): restic compresses with zstd anyway, faster than pg_dump's single-threaded
  // zlib, and an uncompressed dump's unchanged tables deduplicate from one backup to the next.
  const args = ['--format=custom', '--compress=0', `--snapshot=${input.snapshotId}`, `--dbname=${url}`];
  return streamProgram({ program: input.program, name: 'pg_dump', args, env, sinks: input.sinks, deadline: input.deadline });
}

/** The URL without its password, and an environment carrying it (a command line is readable by every user of the machine). */
export function passwordInEnvironment(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/**
 * Runs a program writing one stream on its standard output (pg_dump, or pg_basebackup in WAL
 * mode) and hands it to the sinks as streamDump describes; `name` is how failures name it.
 */
export async function streamProgram(input: { program: string; name: string; args: string[]; env: NodeJS.ProcessEnv; sinks: DumpSink[]; deadline: Deadline }): Promise<void> {
  const { args, env } = input;
  // A copy through this process costs a hand-over per 64 kB pipe read; on a loaded machine each
  // waits for the scheduler (a 500 MB stream: 4.0–4.4 s through node, 2.3–3.3 s as a shell pipe).
  const direct = input.sinks.length === 1 && input.sinks[0].childPipe === true;
  // Killed with the worker: a pg_dump left running would go on feeding restic, whose snapshot of
  // the dump nobody records.
  const command = dyingWithParent(input.program, args, process.env.PATH);
  const child = spawn(command.file, command.args, { env, detached: true, stdio: ['ignore', direct ? input.sinks[0].input : 'pipe', 'pipe'] });
  const killDump = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal }));
  });
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    killDump();
  }, input.deadline.remainingMs());

  const alive = new Set(input.sinks);
  for (const sink of input.sinks) sink.input.on('error', () => alive.delete(sink));
  try {
    if (!direct) {
      for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
        await Promise.all([...alive].map((sink) => write(sink, chunk, () => alive.delete(sink))));
        if (alive.size === 0) {
          killDump();
          break;
        }
      }
    }
    const { code, signal } = await exited;
    if (timedOut) throw new Error(`${input.name} did not finish within the backup's time (BACKUP_TIMEOUT_MINUTES)`);
    // The one receiver stopped reading (a broken pipe; the pipe is a socket pair, so a reset
    // connection too): restic's own failure says why.
    if (direct && code !== 0 && (signal === 'SIGPIPE' || /could not write to output file: (broken pipe|connection reset)/i.test(stderr))) alive.clear();
    // Every receiver stopped: each destination's own failure (restic's words) says why.
    if (alive.size === 0) {
      for (const sink of input.sinks) sink.abort();
      return;
    }
    if (code !== 0) throw new Error(`${input.name} failed: ${stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${code ?? signal}`}`);
  } catch (error) {
    killDump();
    for (const sink of input.sinks) sink.abort();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  for (const sink of alive) sink.input.end();
}

/**
 * Up to this much of the dump waits in memory per receiver. Waiting for each 64 kB pipe read to
 * drain (Node's default) puts pg_dump and restic in lock-step: on a loaded machine each hand-over
 * waits for the scheduler, and the stream took twice as long as a shell pipe. With a few MB in
 * between, both run on their own; the reader resumes once half of it went out.
 */
const HIGH_WATER = 8 * 1024 * 1024;
const LOW_WATER = 4 * 1024 * 1024;

/** Writes one chunk; above HIGH_WATER waits until the receiver took it down to LOW_WATER, or died. */
function write(sink: DumpSink, chunk: Buffer, dead: () => void): Promise<void> {
  const stream = sink.input;
  if (stream.destroyed || stream.writableEnded) {
    dead();
    return Promise.resolve();
  }
  stream.write(chunk);
  if (stream.writableLength <= HIGH_WATER) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (stream.destroyed || stream.writableLength <= LOW_WATER) done(!stream.destroyed);
    };
    const done = (alive: boolean) => {
      clearInterval(timer);
      stream.off('drain', check);
      stream.off('close', onClose);
      stream.off('error', onClose);
      if (!alive) dead();
      resolve();
    };
    const onClose = () => done(false);
    // Node says when the buffer is empty ('drain'), not when it is half empty: looked at every 5 ms.
    const timer = setInterval(check, 5);
    stream.on('drain', check);
    stream.on('close', onClose);
    stream.on('error', onClose);
  });
}
