import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { checkPieces, ExportPiece, FilePiece, PIECE_BYTES, sendPieces, verifyFiles } from './export-pieces';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A socket-like sink: keeps what it is given, calling back a moment later (as a socket does once the kernel has the bytes). */
class Sink extends Writable {
  readonly chunks: Buffer[] = [];
  writes = 0;
  constructor(private readonly failAfter = Infinity) {
    super({ highWaterMark: 16 * 1024 });
  }
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error) => void): void {
    if (++this.writes > this.failAfter) return void this.destroy(new Error('connection reset'));
    this.chunks.push(Buffer.from(chunk)); // a copy: the export reuses its buffers once called back
    setImmediate(done);
  }
}

describe('export pieces: checked and hashed, then sent from reused buffers', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'export-pieces-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function file(name: string, bytes: Buffer, withHash = true): ExportPiece {
    writeFileSync(join(dir, name), bytes);
    return { path: join(dir, name), sizeBytes: bytes.length, sha256: withHash ? sha256(bytes) : undefined, name };
  }

  it('sends text, bytes and files in order, byte for byte, in writes of PIECE_BYTES, with the SHA-256 of the whole', async () => {
    const big = randomBytes(2 * PIECE_BYTES + 12_345); // spans several buffers, starting mid-buffer
    const small = randomBytes(1000);
    const pieces = [file('joined.pdf', randomBytes(70_000), false), '\n1 0 obj\nstream\n', file('big.pdf', big), '\nendstream\n', Buffer.from('<a>hồ sơ</a>'), file('small.pdf', small), 'x'.repeat(PIECE_BYTES + 3)];
    const checked = await checkPieces(pieces);
    const sink = new Sink();
    await sendPieces(checked, sink);
    const sent = Buffer.concat(sink.chunks);
    expect(checked.sizeBytes).toBe(sent.length);
    expect(checked.sha256).toBe(sha256(sent));
    const expected = Buffer.concat(pieces.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.isBuffer(p) ? p : null) ?? Buffer.alloc(0)));
    expect(sent.length).toBe(expected.length + 70_000 + big.length + small.length);
    expect(sent.subarray(70_000 + 16, 70_000 + 16 + big.length).equals(big)).toBe(true);
    expect(sink.chunks.slice(0, -1).every((c) => c.length === PIECE_BYTES)).toBe(true);
  });

  it('fails the check on a file that differs from its SHA-256 or its size, before anything is sent', async () => {
    const bytes = randomBytes(5000);
    const wrong = { ...(file('a.pdf', bytes) as object), sha256: sha256(Buffer.from('other')) } as ExportPiece;
    await expect(checkPieces(['%PDF', wrong])).rejects.toThrow('a.pdf does not match its SHA-256');
    const longer = { ...(file('b.pdf', bytes) as object), sizeBytes: 5001 } as ExportPiece;
    await expect(checkPieces([longer])).rejects.toThrow('b.pdf: 5000 bytes, expected 5001');
  });

  it('refuses to send a file that changed after it was checked', async () => {
    const piece = file('a.pdf', randomBytes(5000));
    const checked = await checkPieces(['%PDF', piece]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(join(dir, 'a.pdf'), randomBytes(5000)); // same size, other bytes: a later write
    await expect(sendPieces(checked, new Sink())).rejects.toThrow('a.pdf changed after it was checked');
  });

  it('checks files on their own first (verifyFiles); the ordered pass trusts that only while the file is the one checked', async () => {
    const piece = file('a.pdf', randomBytes(5000)) as FilePiece;
    await expect(verifyFiles([{ ...piece, sha256: sha256(Buffer.from('other')) }])).rejects.toThrow('a.pdf does not match its SHA-256');
    const verified = await verifyFiles([piece]);
    expect((await checkPieces(['%PDF', piece], verified)).sha256).toBe(sha256(Buffer.concat([Buffer.from('%PDF'), Buffer.from(readFileSync(piece.path))])));
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(piece.path, randomBytes(5000)); // replaced between the two passes: hashed again, and refused
    await expect(checkPieces(['%PDF', piece], verified)).rejects.toThrow('a.pdf does not match its SHA-256');
  });

  it('stops when the answer closes before the end', async () => {
    const checked = await checkPieces([file('big.pdf', randomBytes(3 * PIECE_BYTES))]);
    await expect(sendPieces(checked, new Sink(1))).rejects.toThrow();
  });
});
