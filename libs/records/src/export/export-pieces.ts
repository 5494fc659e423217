import { createHash } from 'node:crypto';
import { FileHandle, open } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/**
 * Bytes read, hashed and sent at once. Every read goes into a buffer allocated once per export,
 * never a fresh Buffer per chunk: each Buffer counts as V8 external memory, and a gigabyte of
 * short-lived 64 KiB chunks (file streams, then the socket) made V8 run a full mark-compact of the
 * API's heap every 64 MiB — a third of the export's CPU time in the profile.
 */
export const PIECE_BYTES = 4 * 1024 * 1024;
/** Buffers in flight while sending: one the socket is writing, one being filled. */
const SEND_BUFFERS = 2;

/** A whole file on disk, read where it lies (twice: checked and hashed, then sent). */
export interface FilePiece {
  path: string;
  sizeBytes: number;
  /** When given, the bytes must hash to this (the store's SHA-256). */
  sha256?: string;
  /** What it is, for errors: the attachment's name. */
  name: string;
}

/** One piece of the export, in order: PDF syntax (text whose characters are bytes), bytes in hand, or a file. */
export type ExportPiece = string | Buffer | FilePiece;

/** The pieces once every byte was read and hashed, with what each file was when it was read. */
export interface CheckedPieces {
  pieces: readonly ExportPiece[];
  sha256: string;
  sizeBytes: number;
  /** Each file's device, inode, size and modification and change times, as read and checked. */
  identities: ReadonlyMap<FilePiece, string>;
}

/**
 * Each file read and checked against its SHA-256 on its own, before the export's pieces are known
 * (the record export does it while qpdf joins the pages, on the other core). Returns each file's
 * identity as checked, by path: `checkPieces` then skips the file's own hash if it is still the
 * same file.
 */
export async function verifyFiles(files: readonly FilePiece[]): Promise<Map<string, string>> {
  const buffer = Buffer.allocUnsafeSlow(PIECE_BYTES);
  const verified = new Map<string, string>();
  for (const file of files) {
    if (!file.sha256) continue;
    const own = createHash('sha256');
    const { handle, identity } = await openPiece(file);
    try {
      for (let position = 0; position < file.sizeBytes; ) {
        const bytesRead = await readSome(handle, file, buffer, 0, PIECE_BYTES, position);
        own.update(buffer.subarray(0, bytesRead));
        position += bytesRead;
      }
    } finally {
      await handle.close();
    }
    if (own.digest('hex') !== file.sha256) throw new Error(`${file.name} does not match its SHA-256`);
    verified.set(file.path, identity);
  }
  return verified;
}

/**
 * The first pass: every byte in order, hashed into the SHA-256 of the whole (the audit entry's),
 * each file with a SHA-256 checked against it on the same read (unless `verified` holds it). A file
 * that differs, or is not the size it should be, fails the export here — before anything is given out.
 */
export async function checkPieces(pieces: readonly ExportPiece[], verified: ReadonlyMap<string, string> = new Map()): Promise<CheckedPieces> {
  const whole = createHash('sha256');
  const buffer = Buffer.allocUnsafeSlow(PIECE_BYTES);
  const identities = new Map<FilePiece, string>();
  let sizeBytes = 0;
  for (const piece of pieces) {
    if (typeof piece === 'string') whole.update(piece, 'latin1');
    else if (Buffer.isBuffer(piece)) whole.update(piece);
    else {
      const { handle, identity } = await openPiece(piece);
      // Checked against its SHA-256 already (verifyFiles) and still that very file: hashed once here.
      const own = piece.sha256 && verified.get(piece.path) !== identity ? createHash('sha256') : null;
      try {
        for (let position = 0; position < piece.sizeBytes; ) {
          const bytesRead = await readSome(handle, piece, buffer, 0, PIECE_BYTES, position);
          const bytes = buffer.subarray(0, bytesRead);
          own?.update(bytes);
          whole.update(bytes);
          position += bytesRead;
        }
      } finally {
        await handle.close();
      }
      if (own && own.digest('hex') !== piece.sha256) throw new Error(`${piece.name} does not match its SHA-256`);
      identities.set(piece, identity);
    }
    sizeBytes += typeof piece === 'string' ? piece.length : Buffer.isBuffer(piece) ? piece.length : piece.sizeBytes;
  }
  return { pieces, sha256: whole.digest('hex'), sizeBytes, identities };
}

/**
 * The second pass: the same pieces written to `out` in large writes from two reused buffers, each
 * file reopened only if it is still the file that was checked (same inode, size and times; the
 * store writes a file once, read-only). Resolves once every byte was handed to `out`; rejects if
 * a file changed or `out` closed first (the caller then aborts the answer: never a complete-looking
 * file that is not the one audited).
 */
export async function sendPieces(checked: CheckedPieces, out: Writable): Promise<void> {
  const pool = new SendPool(out);
  try {
    let buffer = await pool.take();
    let used = 0;
    const filled = async () => {
      if (used < PIECE_BYTES) return;
      pool.write(buffer, used);
      buffer = await pool.take();
      used = 0;
    };
    for (const piece of checked.pieces) {
      if (typeof piece === 'string' || Buffer.isBuffer(piece)) {
        for (let at = 0; at < piece.length; ) {
          const n = typeof piece === 'string' ? buffer.write(at ? piece.slice(at) : piece, used, 'latin1') : piece.copy(buffer, used, at);
          used += n;
          at += n;
          await filled();
        }
        continue;
      }
      const { handle, identity } = await openPiece(piece);
      try {
        if (identity !== checked.identities.get(piece)) throw new Error(`${piece.name} changed after it was checked`);
        for (let position = 0; position < piece.sizeBytes; ) {
          const bytesRead = await readSome(handle, piece, buffer, used, Math.min(PIECE_BYTES - used, piece.sizeBytes - position), position);
          used += bytesRead;
          position += bytesRead;
          await filled();
        }
      } finally {
        await handle.close();
      }
    }
    if (used) pool.write(buffer, used);
    await pool.written();
  } finally {
    pool.release();
  }
}

async function openPiece(piece: FilePiece): Promise<{ handle: FileHandle; identity: string }> {
  const handle = await open(piece.path, 'r');
  try {
    const s = await handle.stat({ bigint: true });
    if (s.size !== BigInt(piece.sizeBytes)) throw new Error(`${piece.name}: ${s.size} bytes, expected ${piece.sizeBytes}`);
    return { handle, identity: `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}` };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

async function readSome(handle: FileHandle, piece: FilePiece, buffer: Buffer, offset: number, length: number, position: number): Promise<number> {
  const { bytesRead } = await handle.read(buffer, offset, Math.min(length, piece.sizeBytes - position), position);
  if (!bytesRead) throw new Error(`${piece.name}: ${position} bytes, expected ${piece.sizeBytes}`);
  return bytesRead;
}

/**
 * The send buffers: a buffer goes back to the pool when `out` says its write is done (its
 * callback), so a buffer is never refilled while the socket may still read it, and at most
 * SEND_BUFFERS × PIECE_BYTES are held however large the export.
 */
class SendPool {
  private readonly free: Buffer[] = Array.from({ length: SEND_BUFFERS }, () => Buffer.allocUnsafeSlow(PIECE_BYTES));
  private outstanding = 0;
  private failure: Error | null = null;
  private wake: (() => void) | null = null;
  private readonly closed = () => this.fail(new Error('the answer closed before the export was sent'));
  private readonly failed = (error: Error) => this.fail(error);

  constructor(private readonly out: Writable) {
    out.once('close', this.closed);
    out.on('error', this.failed);
    if (out.destroyed) this.closed();
  }

  async take(): Promise<Buffer> {
    for (;;) {
      if (this.failure) throw this.failure;
      const buffer = this.free.pop();
      if (buffer) return buffer;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  write(buffer: Buffer, length: number): void {
    this.outstanding++;
    this.out.write(buffer.subarray(0, length), (error) => {
      this.outstanding--;
      if (error) this.fail(error);
      else this.free.push(buffer);
      this.notify();
    });
  }

  async written(): Promise<void> {
    while (this.outstanding) {
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.failure) throw this.failure;
  }

  release(): void {
    this.out.off('close', this.closed);
    this.out.off('error', this.failed);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.notify();
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
