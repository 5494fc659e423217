import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { Deadline } from '@eoffice/core';
import { DumpSink, streamDump } from './dump-stream';

/** A stand-in pg_dump: writes `bytes` bytes to its output, then exits with `code`. */
function fakeDump(dir: string, bytes: number, code: number): string {
  const path = join(dir, `pg_dump_${bytes}_${code}`);
  writeFileSync(path, `#!/bin/sh\nhead -c ${bytes} /dev/zero\necho "pg_dump: error: cut short" >&2\nexit ${code}\n`);
  chmodSync(path, 0o755);
  return path;
}

/** A receiver that counts what it got, whether its input was ended, and whether it was aborted. */
function sink(options: { failAfter?: number } = {}) {
  const state = { bytes: 0, ended: false, aborted: false };
  const input = new Writable({
    highWaterMark: 16 * 1024,
    write(chunk: Buffer, _encoding, callback) {
      state.bytes += chunk.length;
      if (options.failAfter !== undefined && state.bytes > options.failAfter) callback(new Error('EPIPE'));
      else setImmediate(callback); // a slow reader: the stream must wait for it
    },
    final(callback) {
      state.ended = true;
      callback();
    },
  });
  const s: DumpSink = { input, abort: () => (state.aborted = true) };
  // What was handed over may still be on its way when streamDump answers: the caller waits for the receiver.
  const finished = new Promise<void>((resolve) => input.on('finish', resolve));
  return { s, state, finished };
}

describe('streamDump', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'dump-stream-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (program: string, sinks: DumpSink[]) =>
    streamDump({ program, databaseUrl: 'postgres://u:secret@127.0.0.1:5432/db', snapshotId: '00000003-1', sinks, deadline: new Deadline(30_000) });

  it('gives every receiver the whole dump and ends their input after a pg_dump that succeeded', async () => {
    const [a, b] = [sink(), sink()];
    await run(fakeDump(dir, 3_000_000, 0), [a.s, b.s]);
    await Promise.all([a.finished, b.finished]);
    expect([a.state, b.state]).toEqual([
      { bytes: 3_000_000, ended: true, aborted: false },
      { bytes: 3_000_000, ended: true, aborted: false },
    ]);
  });

  it('aborts every receiver, never ending its input, when pg_dump fails, and says why', async () => {
    const [a, b] = [sink(), sink()];
    await expect(run(fakeDump(dir, 500_000, 1), [a.s, b.s])).rejects.toThrow(/pg_dump failed: pg_dump: error: cut short/);
    for (const x of [a, b]) expect(x.state).toMatchObject({ ended: false, aborted: true });
  });

  it('goes on with the other receiver when one stops reading', async () => {
    const [a, b] = [sink({ failAfter: 100_000 }), sink()];
    await run(fakeDump(dir, 2_000_000, 0), [a.s, b.s]);
    await b.finished;
    expect(b.state).toEqual({ bytes: 2_000_000, ended: true, aborted: false });
    expect(a.state.ended).toBe(false);
  });

  it('stops pg_dump when no receiver is left', async () => {
    const a = sink({ failAfter: 10_000 });
    await run(fakeDump(dir, 50_000_000, 0), [a.s]);
    expect(a.state.ended).toBe(false);
  });

  it('hands pg_dump a child process’s pipe directly, and ends it only after pg_dump succeeded', async () => {
    for (const [code, expected] of [[0, 1_500_000], [1, 0]] as const) {
      const out = join(dir, `direct-${code}`);
      const cat = spawn('sh', ['-c', `cat > ${out}.part && mv ${out}.part ${out}`], { stdio: ['pipe', 'ignore', 'ignore'] });
      const exited = new Promise((resolve) => cat.on('close', resolve));
      const s: DumpSink = { input: cat.stdin, childPipe: true, abort: () => cat.kill('SIGKILL') };
      const streamed = run(fakeDump(dir, 1_500_000, code), [s]);
      if (code === 0) await streamed;
      else await expect(streamed).rejects.toThrow(/pg_dump failed/);
      await exited;
      // A receiver killed before its input ended never finishes (restic: no snapshot of a cut dump).
      expect(existsSync(out) ? statSync(out).size : 0).toBe(expected);
    }
  });

  it('passes the password through the environment, not the command line', async () => {
    const path = join(dir, 'pg_dump_args');
    writeFileSync(path, '#!/bin/sh\necho "$@ PGPASSWORD=$PGPASSWORD"\n');
    chmodSync(path, 0o755);
    const out = new PassThrough();
    let text = '';
    out.on('data', (d: Buffer) => (text += d.toString()));
    await run(path, [{ input: out, abort: () => undefined }]);
    expect(text).toContain('--snapshot=00000003-1');
    expect(text).toContain('--compress=0');
    expect(text).not.toMatch(/u:secret@/);
    expect(text).toContain('PGPASSWORD=secret');
  });
});
