import { AppError, BlobStore, ReceivedFile } from '@eoffice/core';

/**
 * The text of an uploaded CSV. UTF-8 only: a file saved in TCVN3/VNI/Windows-1258 is not valid UTF-8
 * and is refused whole (a clerk re-saves it as "CSV UTF-8"), rather than read into garbled names.
 */
export async function readUtf8ImportFile(blobs: BlobStore, file: ReceivedFile, name: string): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await blobs.open(file.storageKey)) chunks.push(chunk as Buffer);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError(400, 'LEGACY_ENCODING', `Tệp "${name}" không phải UTF-8; hãy lưu lại dạng CSV UTF-8 (file is not UTF-8)`, [
      { field: name, message: 'không phải UTF-8 (not UTF-8)' },
    ]);
  }
}
