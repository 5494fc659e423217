import { spawn } from 'node:child_process';
import type { Writable } from 'node:stream';
import type { Deadline } from '@eoffice/core';

/** Where the dump goes: one `restic backup --stdin` per destination. */
export interface DumpSink {
  input: Writable;
  /** Stops the receiver without letting it finish (restic then writes no snapshot). */
  abort(): void;
}

/**
 * Runs pg_dump of one exported snapshot and streams its output into every sink at once (one dump
 * for all destinations; no dump file written and read again, and restic chunks while pg_dump
 * still writes). A sink that stops reading (its restic failed: its own exit says why) is dropped
 * and the others go on; when none is left, pg_dump is stopped. Only a pg_dump that exited 0 ends the sinks' input: on any failure the
 * sinks are aborted first, so no destination ever holds a snapshot of a cut dump.
 */
export async function streamDump(input: { program: string; databaseUrl: string; snapshotId: string; sinks: DumpSink[]; deadline: Deadline }): Promise<void> {
  const url = new URL(input.databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  // The password goes through the environment: a command line is readable by every user of the machine.
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  // Uncompressed (-Z0): restic compresses with zstd anyway, faster than pg_dump's single-threaded
  // zlib, and an uncompressed dump's unchanged tables deduplicate from one backup to the next.
  const args = ['--format=custom', '--compress=0', `--snapshot=${input.snapshotId}`, `--dbname=${url.toString()}`];
  const child = spawn(input.program, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const killDump = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString('utf8')).slice(-4096)));
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
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      await Promise.all([...alive].map((sink) => write(sink, chunk, () => alive.delete(sink))));
      if (alive.size === 0) {
        killDump();
        break;
      }
    }
    const { code, signal } = await exited;
    if (timedOut) throw new Error(`pg_dump did not finish within the backup's time (BACKUP_TIMEOUT_MINUTES)`);
    // Every receiver stopped: each destination's own failure (restic's words) says why.
    if (alive.size === 0) return;
    if (code !== 0) throw new Error(`pg_dump failed: ${stderr.trim().split('\n').slice(-3).join(' | ') || `exit ${code ?? signal}`}`);
  } catch (error) {
    killDump();
    for (const sink of input.sinks) sink.abort();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  for (const sink of alive) sink.input.end();
}

/** Writes one chunk; waits when the receiver's pipe is full, until it drains or the receiver dies. */
function write(sink: DumpSink, chunk: Buffer, dead: () => void): Promise<void> {
  const stream = sink.input;
  if (stream.destroyed || stream.writableEnded) {
    dead();
    return Promise.resolve();
  }
  if (stream.write(chunk)) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (alive: boolean) => {
      stream.off('drain', onDrain);
      stream.off('close', onClose);
      stream.off('error', onClose);
      if (!alive) dead();
      resolve();
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    stream.on('drain', onDrain);
    stream.on('close', onClose);
    stream.on('error', onClose);
  });
}
