import type { Readable } from 'node:stream';
import type { Request } from 'express';
import busboy from 'busboy';
import { AppError } from '../errors/app-error';
import { FileReceiver } from '../files/file-receiver.service';
import { ReceivedFile } from '../files/received-file';

export interface MultipartFileSpec {
  required: boolean;
  allowedTypes: readonly string[];
  maxBytes?: number;
  /**
   * Kept in memory, never written to the file store or a temp file: for secrets such as a key
   * file, which must not outlive the request. Its type is not detected (allowedTypes is ignored).
   */
  inMemory?: boolean;
  /** How many parts of this name may come (default 1); each is in `fileLists[name]`, in the order sent. */
  maxCount?: number;
}

export interface MultipartSpec {
  files: Record<string, MultipartFileSpec>;
  fields: readonly string[];
}

export interface MultipartResult {
  fields: Record<string, string>;
  /** The first (for most parts, the only) file of each name. */
  files: Record<string, ReceivedFile>;
  /** The `inMemory` parts. */
  buffers: Record<string, Buffer>;
  fileLists: Record<string, ReceivedFile[]>;
}

const FIELD_MAX_BYTES = 256 * 1024;
/** What file systems and most clients allow for one name. */
const FILE_NAME_MAX_CHARS = 255;

export interface MultipartLimits {
  /** The largest part, unless its spec says otherwise. */
  maxBytes: number;
  /** A request that sends nothing for this long is cut off (slow-loris). */
  idleTimeoutMs: number;
}

function incomplete(): AppError {
  return new AppError(400, 'MULTIPART_INCOMPLETE', 'Nội dung multipart bị cắt ngang hoặc không đầy đủ (truncated or aborted multipart body)');
}

/**
 * Reads a multipart request by streaming each file part straight into the file store.
 * Unknown parts, repeated parts, missing required files, oversize and wrong types are 4xx.
 *
 * A body that ends early, a client that goes away and a client that stops sending all end the
 * same way: every part stream is destroyed, each receive removes its temp file, and only when all
 * of them have settled does this reject. Every part stream has an error listener from the moment
 * it exists, so an error while a receive is still awaiting something never goes unheard.
 */
export async function readMultipart(
  req: Request,
  spec: MultipartSpec,
  receiver: FileReceiver,
  limits: MultipartLimits,
): Promise<MultipartResult> {
  if (!req.is('multipart/form-data')) {
    throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', 'Cần gửi multipart/form-data (expected multipart/form-data)');
  }
  const result: MultipartResult = { fields: {}, files: {}, fileLists: {}, buffers: {} };
  const counts: Record<string, number> = {};
  const pending: Promise<void>[] = [];
  let failure: unknown = null;
  const fail = (error: unknown) => (failure ??= error);

  await new Promise<void>((resolve) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          fieldSize: FIELD_MAX_BYTES,
          files: Object.values(spec.files).reduce((sum, f) => sum + (f.maxCount ?? 1), 0),
          fields: spec.fields.length,
          // One byte over the largest allowed part: enough for the receiver to see it is too large.
          fileSize: Math.max(...Object.values(spec.files).map((f) => f.maxBytes ?? limits.maxBytes)) + 1,
        },
      });
    } catch {
      fail(AppError.validation('Phần đầu multipart không hợp lệ (malformed multipart header)'));
      resolve();
      return;
    }
    let settled = false;
    let idle: NodeJS.Timeout | undefined;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      clearTimeout(idle);
      req.off('data', onData);
      req.off('close', onClose);
      req.off('error', onClose);
      if (error) {
        fail(error);
        req.unpipe(parser);
        // Ends every part stream still open, with this error: each receive then cleans up.
        parser.destroy(error instanceof Error ? error : undefined);
      }
      resolve();
    };
    const armIdle = () => {
      clearTimeout(idle);
      idle = setTimeout(
        () => finish(new AppError(408, 'UPLOAD_IDLE_TIMEOUT', 'Quá lâu không nhận được dữ liệu tải lên (upload idle timeout)')),
        limits.idleTimeoutMs,
      );
    };
    const onData = () => armIdle();
    // The client went away (or the socket failed) before the body was complete.
    const onClose = () => {
      if (!req.complete) finish(incomplete());
    };
    req.on('data', onData);
    req.once('close', onClose);
    req.once('error', onClose);
    armIdle();

    parser.on('file', (name, stream, info) => {
      // Before anything else, and synchronously: an error with no listener would end the process.
      stream.on('error', () => fail(incomplete()));
      const fileSpec = spec.files[name];
      const index = (counts[name] = (counts[name] ?? 0) + 1) - 1;
      const originalName = info.filename?.normalize('NFC') || null;
      const refusal = !fileSpec
        ? AppError.validation(`Không nhận tệp "${name}"`)
        : index >= (fileSpec.maxCount ?? 1)
          ? AppError.validation(`Tệp "${name}" gửi quá số lần cho phép`)
          : originalName && [...originalName].length > FILE_NAME_MAX_CHARS
            ? new AppError(400, 'FILE_NAME_TOO_LONG', `Tên tệp dài quá ${FILE_NAME_MAX_CHARS} ký tự (file name too long)`, [
                { field: name, message: `file name longer than ${FILE_NAME_MAX_CHARS} characters` },
              ])
            : null;
      if (refusal || failure || !fileSpec) {
        if (refusal) fail(refusal);
        stream.resume();
        return;
      }
      const maxBytes = fileSpec.maxBytes ?? limits.maxBytes;
      const received = fileSpec.inMemory
        ? readToMemory(stream, maxBytes).then((bytes) => void (result.buffers[name] = bytes))
        : receiver
            .receive(stream, { maxBytes, allowedTypes: fileSpec.allowedTypes, originalName })
            // Stored at the part's position: parts finish storing in any order, pages must not.
            .then((file) => void ((result.fileLists[name] ??= [])[index] = file));
      pending.push(
        received.catch((error) => {
          fail(stream.errored ? incomplete() : error);
          stream.resume();
        }),
      );
    });
    parser.on('field', (name, value, info) => {
      if (!spec.fields.includes(name)) fail(AppError.validation(`Không nhận trường "${name}"`));
      else if (info.valueTruncated) fail(new AppError(413, 'PAYLOAD_TOO_LARGE', `Trường "${name}" quá lớn`));
      else result.fields[name] = value;
    });
    parser.on('filesLimit', () => fail(AppError.validation('Quá nhiều tệp (too many files)')));
    parser.on('fieldsLimit', () => fail(AppError.validation('Quá nhiều trường (too many fields)')));
    parser.on('error', (error: Error) =>
      finish(
        error instanceof AppError
          ? error
          : /^Unexpected end of/.test(error.message)
            ? incomplete()
            : AppError.validation('Nội dung multipart không hợp lệ (malformed multipart body)'),
      ),
    );
    parser.on('close', () => finish());
    req.pipe(parser);
  });
  // Every receive has settled (stored, or refused with its temp file removed) before we answer.
  await Promise.all(pending);
  for (const [name, list] of Object.entries(result.fileLists)) {
    const stored = list.filter(Boolean); // a part that failed leaves a hole
    result.fileLists[name] = stored;
    if (stored.length) result.files[name] = stored[0];
  }
  if (!failure) {
    for (const [name, fileSpec] of Object.entries(spec.files)) {
      if (fileSpec.required && !result.files[name] && !result.buffers[name]) fail(AppError.validation(`Thiếu tệp "${name}" (missing file)`));
    }
  }
  if (failure) throw failure;
  return result;
}

/** Like FileReceiver.receive, with the same limits and codes, but into memory. */
async function readToMemory(stream: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Read on to the end when too large (see FileReceiver), keeping nothing more.
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) throw new AppError(413, 'FILE_TOO_LARGE', `Tệp vượt quá giới hạn ${maxBytes} byte (file too large)`);
  if (size === 0) throw new AppError(400, 'FILE_EMPTY', 'Tệp rỗng (empty file)');
  return Buffer.concat(chunks);
}
