import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FileService, StoredFile } from '@eoffice/core';

/** Files copied out of the store at once: enough to overlap disk and database waits, few enough for 2 cores and the fd limit. */
export const COPY_CONCURRENCY = 8;

/**
 * Copies a stored file to `path` and checks its SHA-256 on the same pass (the bytes are read
 * once, not copied then read again). A file that differs from its hash is an error: the export
 * and the archive promise the stored bytes.
 */
export async function copyChecked(files: FileService, stored: Pick<StoredFile, 'id' | 'storageKey' | 'sha256'>, path: string): Promise<number> {
  const hash = createHash('sha256');
  let sizeBytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      sizeBytes += chunk.length;
      done(null, chunk);
    },
  });
  await pipeline(await files.open(stored as StoredFile), tap, createWriteStream(path, { flags: 'wx' }));
  if (hash.digest('hex') !== stored.sha256) throw new Error(`stored file ${stored.id} does not match its SHA-256`);
  return sizeBytes;
}

/** Runs `work` on every item, at most `limit` at a time; after a failure no item starts, and it rejects once all lanes stopped (the caller may then remove their files). */
export async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const lane = async () => {
    while (!failed && next < items.length) {
      const i = next++;
      try {
        await work(items[i], i);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, lane));
  const failure = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (failure) throw failure.reason;
}
