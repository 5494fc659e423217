import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { Writable } from 'node:stream';

/** An upload up to this size is held in memory until it is committed (a one-page scan is 50–300 KB). */
export const IN_MEMORY_UPLOAD_BYTES = 512 * 1024;
/** What all uploads of this process may hold in memory at once; past it, uploads stream to temp files. */
export const IN_MEMORY_UPLOADS_TOTAL_BYTES = 32 * 1024 * 1024;

let heldByProcess = 0;

/**
 * Where FileReceiver writes an upload's bytes: held in memory while they fit (IN_MEMORY_UPLOAD_BYTES,
 * and the process-wide IN_MEMORY_UPLOADS_TOTAL_BYTES), so that a small upload is typed and checked
 * without reading it back and written to the store once, through one descriptor (issue 13.10: the
 * temp file used to be opened six times: write, type, two checks, fsync, and the store's directory).
 * The first chunk that does not fit moves everything to the temp file, and the rest streams there.
 * `release` (always, once the upload is committed or refused) gives the memory back.
 */
export class UploadSink extends Writable {
  private chunks: Buffer[] = [];
  private held = 0;
  private file: FileHandle | null = null;
  private spilled = false;

  constructor(private readonly tempPath: string) {
    super();
  }

  /** The whole upload, when it stayed in memory; null when it went to the temp file. */
  heldBytes(): Buffer | null {
    if (this.spilled) return null;
    return this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks);
  }

  release(): void {
    heldByProcess -= this.held;
    this.held = 0;
    this.chunks = [];
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (!this.spilled && this.held + chunk.length <= IN_MEMORY_UPLOAD_BYTES && heldByProcess + chunk.length <= IN_MEMORY_UPLOADS_TOTAL_BYTES) {
      this.chunks.push(chunk);
      this.held += chunk.length;
      heldByProcess += chunk.length;
      callback();
      return;
    }
    this.spill(chunk).then(() => callback(), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.closeFile().then(() => callback(), callback);
  }

  /** Also after a normal finish (autoDestroy): the held bytes stay until the owner's `release`. */
  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.closeFile().then(
      () => callback(error),
      () => callback(error),
    );
  }

  /** To the temp file: what was held first, then this chunk and every later one. */
  private async spill(chunk: Buffer): Promise<void> {
    if (!this.spilled) {
      this.spilled = true;
      this.file = await open(this.tempPath, 'wx');
      const held = this.chunks;
      this.release();
      for (const part of held) await this.file.writeFile(part);
    }
    await this.file!.writeFile(chunk);
  }

  private async closeFile(): Promise<void> {
    const file = this.file;
    this.file = null;
    await file?.close();
  }
}
