import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
  return { s, state };
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
    expect(b.state).toEqual({ bytes: 2_000_000, ended: true, aborted: false });
    expect(a.state.ended).toBe(false);
  });

  it('stops pg_dump when no receiver is left', async () => {
    const a = sink({ failAfter: 10_000 });
    await run(fakeDump(dir, 50_000_000, 0), [a.s]);
    expect(a.state.ended).toBe(false);
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
