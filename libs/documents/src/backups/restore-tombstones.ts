import { constants } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** Where the records' tombstone objects live in a file store (libs/records, tombstone-objects.ts). */
const FOLDER = 'tombstones';

/**
 * A backup holds the blobs, not the tombstones of destroyed records: those are write-once objects
 * beside the blobs. A restore into another file store takes the live installation's tombstones
 * along (never overwriting one), so the restored installation's records scan destroys again what
 * was destroyed after the backup was taken (docs/backups.md, "Destroyed records"). Answers how many
 * were copied; a live store without tombstones (or the same store) copies none.
 */
export async function carryTombstones(liveFileStore: string, targetFileStore: string): Promise<number> {
  if (resolve(liveFileStore) === resolve(targetFileStore)) return 0;
  const names = await readdir(join(liveFileStore, FOLDER)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    throw error;
  });
  const objects = names.filter((n) => /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}\.json$/.test(n));
  if (!objects.length) return 0;
  await mkdir(join(targetFileStore, FOLDER), { recursive: true });
  let copied = 0;
  for (const name of objects) {
    try {
      await copyFile(join(liveFileStore, FOLDER, name), join(targetFileStore, FOLDER, name), constants.COPYFILE_EXCL);
      copied += 1;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return copied;
}
