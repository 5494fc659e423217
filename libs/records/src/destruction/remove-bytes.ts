import type { Logger } from '@nestjs/common';
import type { BlobStore } from '@eoffice/core';

/**
 * Deletes destroyed bytes after the commit (a file store is not transactional). A failure is logged
 * and left: the records scan deletes every tombstoned key again.
 */
export async function removeBytes(blobs: BlobStore, keys: string[], logger: Logger): Promise<number> {
  let removed = 0;
  for (const key of new Set(keys)) {
    try {
      await blobs.delete(key);
      removed += 1;
    } catch (error) {
      logger.error(`destroyed blob ${key} not removed: ${(error as Error).message}`);
    }
  }
  return removed;
}
