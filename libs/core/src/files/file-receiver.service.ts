import { createHash, randomUUID } from 'node:crypto';
import { mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable } from '@nestjs/common';
import { fileTypeFromBuffer, fileTypeFromFile } from 'file-type';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { AppError } from '../errors/app-error';
import { BlobStore } from './blob-store';
import { jpegDimensions, jpegIsComplete, pdfIsEncrypted, pngDimensions, pngIsComplete, startXref } from './file-checks';
import { MediaType } from './file-types';
import { ReceivedFile, ReceiveOptions } from './received-file';
import { UploadSink } from './upload-sink';

/** A PDF ends with %%EOF within its last kilobyte (trailing garbage is tolerated by readers). */
const PDF_TAIL_BYTES = 1024;
/** Enough for the dictionary of a cross-reference stream, which comes before its data. */
const XREF_DICT_BYTES = 4096;
const IMAGE_TAIL_BYTES = 1024;
/** A JPEG's start-of-frame comes after its metadata segments (EXIF, ICC), within the first 256 KB. */
const IMAGE_HEAD_BYTES = 256 * 1024;

/** Bytes `length` from `position` of the upload (fewer at its end). */
type ReadRange = (position: number, length: number) => Promise<Buffer>;

async function readRange(path: string, position: number, length: number): Promise<Buffer> {
  const handle = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(length), 0, length, position);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * Reads an upload while hashing and counting it, detects its type from the bytes, and only then
 * commits it to the blob store. A small upload (a registration's one-page scan) is held in memory
 * and written once, through one descriptor, when it is committed; a larger one, or any upload while
 * the process already holds its share of small ones, streams to a temp file (UploadSink), so memory
 * stays bounded whatever the size and the number of uploads at once.
 */
@Injectable()
export class FileReceiver {
  constructor(
    private readonly blobs: BlobStore,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'SCAN_MAX_PIXELS'>,
  ) {}

  private tempDirReady: Promise<string> | undefined;

  async receive(source: Readable, options: ReceiveOptions): Promise<ReceivedFile> {
    const tempPath = join(await this.ensureTempDir(), randomUUID());
    // The source may have failed while we waited (a truncated body): nothing to write then.
    if (source.destroyed) throw source.errored ?? new Error('upload stream ended before it was read');
    const sink = new UploadSink(tempPath);
    try {
      const { sha256, sizeBytes } = await this.readHashed(source, sink, options.maxBytes);
      if (sizeBytes === 0) throw new AppError(400, 'FILE_EMPTY', 'Tệp rỗng (empty file)');
      const bytes = sink.heldBytes();
      const read: ReadRange = bytes
        ? async (position, length) => bytes.subarray(position, position + length)
        : (position, length) => readRange(tempPath, position, length);
      const mimeType = this.allowedType(await (bytes ? fileTypeFromBuffer(bytes) : fileTypeFromFile(tempPath)), options.allowedTypes);
      if (mimeType === MediaType.pdf) await this.assertReadablePdf(read, sizeBytes);
      if (mimeType === MediaType.png || mimeType === MediaType.jpeg) await this.assertReadableImage(read, sizeBytes, mimeType);
      const storageKey = bytes ? await this.blobs.commitBytes(tempPath, [bytes], sha256) : await this.blobs.commit(tempPath, sha256);
      return { storageKey, sha256, sizeBytes, mimeType, originalName: options.originalName ?? null };
    } catch (error) {
      return await this.failed(tempPath, error);
    } finally {
      sink.release();
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
    const tempPath = join(await this.ensureTempDir(), randomUUID());
    try {
      const hash = createHash('sha256');
      parts.forEach((part) => hash.update(part));
      const sha256 = hash.digest('hex');
      const storageKey = await this.blobs.commitBytes(tempPath, parts, sha256);
      const sizeBytes = parts.reduce((total, part) => total + part.length, 0);
      return { storageKey, sha256, sizeBytes, mimeType: meta.mimeType, originalName: meta.originalName };
    } catch (error) {
      return await this.failed(tempPath, error);
    }
  }

  private async failed(tempPath: string, error: unknown): Promise<never> {
    await rm(tempPath, { force: true });
    // The temp directory went away under us: make it again next time.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') this.tempDirReady = undefined;
    throw error;
  }

  /**
   * The temp directory, made once per process rather than on every upload. If someone removes
   * it while we run, the next upload makes it again.
   */
  private ensureTempDir(): Promise<string> {
    const dir = this.blobs.tempDir();
    this.tempDirReady ??= mkdir(dir, { recursive: true }).then(
      () => dir,
      (error: unknown) => {
        this.tempDirReady = undefined;
        throw error;
      },
    );
    return this.tempDirReady;
  }

  /**
   * Catches truncated or non-PDF bytes behind a %PDF- header, and password-protected PDFs (which
   * can be neither read for text nor signed), without loading the file.
   */
  private async assertReadablePdf(read: ReadRange, size: number): Promise<void> {
    const tail = await read(Math.max(0, size - PDF_TAIL_BYTES), Math.min(size, PDF_TAIL_BYTES));
    const text = tail.toString('latin1');
    if (!text.includes('%%EOF') || !text.includes('startxref')) {
      throw new AppError(400, 'PDF_INVALID', 'Tệp PDF bị hỏng hoặc không đầy đủ (truncated or malformed PDF)');
    }
    const xref = startXref(tail);
    const section = xref !== null && xref < size ? await read(xref, Math.min(XREF_DICT_BYTES, size - xref)) : null;
    if (pdfIsEncrypted(tail, section)) {
      throw new AppError(422, 'PDF_ENCRYPTED', 'Tệp PDF có mật khẩu bảo vệ; hãy gỡ bảo vệ rồi gửi lại (password-protected PDF)');
    }
  }

  /** A cut-off image, or one whose header announces more pixels than SCAN_MAX_PIXELS (a decompression bomb). */
  private async assertReadableImage(read: ReadRange, size: number, mimeType: string): Promise<void> {
    const tail = await read(Math.max(0, size - IMAGE_TAIL_BYTES), Math.min(size, IMAGE_TAIL_BYTES));
    const png = mimeType === MediaType.png;
    if (!(png ? pngIsComplete(tail) : jpegIsComplete(tail))) {
      throw new AppError(400, 'IMAGE_INVALID', 'Ảnh bị hỏng hoặc không đầy đủ (truncated or malformed image)');
    }
    const head = await read(0, Math.min(size, IMAGE_HEAD_BYTES));
    const dimensions = png ? pngDimensions(head) : jpegDimensions(head);
    if (!dimensions || dimensions.width === 0 || dimensions.height === 0) {
      throw new AppError(400, 'IMAGE_INVALID', 'Ảnh bị hỏng hoặc không đầy đủ (truncated or malformed image)');
    }
    const pixels = dimensions.width * dimensions.height;
    if (pixels > this.config.SCAN_MAX_PIXELS) {
      throw new AppError(
        422,
        'PAGE_TOO_LARGE',
        `Ảnh ${dimensions.width}×${dimensions.height} điểm ảnh vượt quá ${this.config.SCAN_MAX_PIXELS} điểm ảnh một trang (image too large)`,
      );
    }
  }

  /**
   * An oversized upload is read to its end but not written: destroying a multipart part stream
   * half-way can stall the parser, and the client can only read our answer once it has sent.
   * (The multipart reader also caps each part at the limit, so "read to its end" is bounded.)
   */
  private async readHashed(source: Readable, sink: UploadSink, maxBytes: number) {
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
    await pipeline(source, meter, sink);
    if (sizeBytes > maxBytes) {
      throw new AppError(413, 'FILE_TOO_LARGE', `Tệp vượt quá giới hạn ${maxBytes} byte (file too large)`);
    }
    return { sha256: hash.digest('hex'), sizeBytes };
  }

  private allowedType(detected: { mime: string } | undefined, allowed: readonly string[]): string {
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
