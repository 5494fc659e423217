import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Injectable } from '@nestjs/common';
import { fileTypeFromFile } from 'file-type';
import { AppError } from '../errors/app-error';
import { BlobStore } from './blob-store';
import { ReceivedFile, ReceiveOptions } from './received-file';

/**
 * Streams an upload to a temp file while hashing and counting it, detects its type from the
 * bytes, and only then commits it to the blob store. Memory use is one chunk, whatever the size.
 */
@Injectable()
export class FileReceiver {
  constructor(private readonly blobs: BlobStore) {}

  async receive(source: Readable, options: ReceiveOptions): Promise<ReceivedFile> {
    const dir = this.blobs.tempDir();
    await mkdir(dir, { recursive: true });
    const tempPath = join(dir, randomUUID());
    try {
      const { sha256, sizeBytes } = await this.writeHashed(source, tempPath, options.maxBytes);
      const mimeType = await this.detectType(tempPath, options.allowedTypes);
      const storageKey = await this.blobs.commit(tempPath, sha256);
      return { storageKey, sha256, sizeBytes, mimeType, originalName: options.originalName ?? null };
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }

  private async writeHashed(source: Readable, tempPath: string, maxBytes: number) {
    const hash = createHash('sha256');
    let sizeBytes = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        sizeBytes += chunk.length;
        if (sizeBytes > maxBytes) {
          callback(new AppError(413, 'FILE_TOO_LARGE', `Tệp vượt quá giới hạn ${maxBytes} byte (file too large)`));
          return;
        }
        hash.update(chunk);
        callback(null, chunk);
      },
    });
    await pipeline(source, meter, createWriteStream(tempPath, { flags: 'wx' }));
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
