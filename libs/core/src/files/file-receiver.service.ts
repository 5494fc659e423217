import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../errors/app-error';
import { BlobStore } from './blob-store';
import { MediaType } from './file-types';
import { ReceivedFile, ReceiveOptions } from './received-file';
import { StoredFileRepository } from './stored-file.repository';

/** A PDF ends with %%EOF within its last kilobyte (trailing garbage is tolerated by readers). */
const PDF_TAIL_BYTES = 1024;

/**
 * Streams an upload to a temp file while hashing and counting it, detects its type from the
 * bytes, and only then commits it to the blob store. Memory use is one chunk, whatever the size.
 */
@Injectable()
export class FileReceiver {
  constructor(
    private readonly blobs: BlobStore,
    private readonly storedFiles: StoredFileRepository,
  ) {}

  async receive(source: Readable, options: ReceiveOptions): Promise<ReceivedFile> {
    const dir = this.blobs.tempDir();
    await mkdir(dir, { recursive: true });
    const tempPath = join(dir, randomUUID());
    try {
      const { sha256, sizeBytes } = await this.writeHashed(source, tempPath, options.maxBytes);
      if (sizeBytes === 0) throw new AppError(400, 'FILE_EMPTY', 'Tệp rỗng (empty file)');
      const mimeType = await this.detectType(tempPath, options.allowedTypes);
      if (mimeType === MediaType.pdf) await this.assertCompletePdf(tempPath, sizeBytes);
      const storageKey = await this.blobs.commit(tempPath, sha256);
      return { storageKey, sha256, sizeBytes, mimeType, originalName: options.originalName ?? null };
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }

  /**
   * Bytes the system made itself (a signed PDF, a converted draft): no type detection needed,
   * the caller says what they are. The file may come in parts written one after the other (a
   * signed PDF is the previous file plus a revision), so a large file is never joined in memory.
   * The blob is committed before any record refers to it, as uploads are.
   */
  async receiveBytes(content: Uint8Array | readonly Uint8Array[], meta: { mimeType: string; originalName: string | null }): Promise<ReceivedFile> {
    const parts = content instanceof Uint8Array ? [content] : content;
    const dir = this.blobs.tempDir();
    await mkdir(dir, { recursive: true });
    const tempPath = join(dir, randomUUID());
    try {
      const hash = createHash('sha256');
      parts.forEach((part) => hash.update(part));
      await writeFile(tempPath, parts);
      const sha256 = hash.digest('hex');
      const storageKey = await this.blobs.commit(tempPath, sha256);
      const sizeBytes = parts.reduce((total, part) => total + part.length, 0);
      return { storageKey, sha256, sizeBytes, mimeType: meta.mimeType, originalName: meta.originalName };
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }

  /**
   * Removes the blobs of files whose request failed after they were stored, unless a record
   * refers to the same content (blobs are shared by content). Best effort: a blob left behind is
   * harmless and the fixity check does not see it.
   */
  async discard(files: readonly ReceivedFile[]): Promise<void> {
    for (const file of files) {
      if (await this.storedFiles.existsWithSha256(file.sha256)) continue;
      await this.blobs.delete(file.storageKey).catch(() => undefined);
    }
  }

  /** Catches truncated or non-PDF bytes behind a %PDF- header without loading the file. */
  private async assertCompletePdf(path: string, size: number): Promise<void> {
    const handle = await open(path, 'r');
    try {
      const length = Math.min(size, PDF_TAIL_BYTES);
      const { buffer } = await handle.read(Buffer.alloc(length), 0, length, size - length);
      const tail = buffer.toString('latin1');
      if (!tail.includes('%%EOF') || !tail.includes('startxref')) {
        throw new AppError(400, 'PDF_INVALID', 'Tệp PDF bị hỏng hoặc không đầy đủ (truncated or malformed PDF)');
      }
    } finally {
      await handle.close();
    }
  }

  /**
   * An oversized upload is read to its end but not written: destroying a multipart part stream
   * half-way can stall the parser, and the client can only read our answer once it has sent.
   * (The multipart reader also caps each part at the limit, so "read to its end" is bounded.)
   */
  private async writeHashed(source: Readable, tempPath: string, maxBytes: number) {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) return callback();
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx' }));
    if (sizeBytes > maxBytes) {
      throw new AppError(413, 'FILE_TOO_LARGE', `Tệp vượt quá giới hạn ${maxBytes} byte (file too large)`);
    }
    return { sha256: hash.digest('hex'), sizeBytes };
  }

  private async detectType(path: string, allowed: readonly string[]): Promise<string> {
    const detected = await fileTypeFromFile(path);
    const mime = detected?.mime ?? 'application/octet-stream';
    if (!allowed.includes(mime)) {
      throw new AppError(
        415,
        'FILE_TYPE_NOT_ALLOWED',
        `Loại tệp không được chấp nhận: ${mime}; chấp nhận: ${allowed.join(', ')} (file type not allowed)`,
      );
    }
    return mime;
  }
}
