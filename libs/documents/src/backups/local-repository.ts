import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** Local repositories are plain paths (restic's `local:` prefix optional); anything with a scheme is remote. */
export function localPath(repository: string): string | null {
  if (repository.startsWith('local:')) return repository.slice('local:'.length);
  return /^[a-z0-9]+:/i.test(repository) ? null : repository;
}

/** Bytes of every regular file under a directory (a local restic repository: packs, index, snapshots). */
export async function directoryBytes(dir: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += await directoryBytes(path);
    else if (entry.isFile()) total += (await stat(path)).size;
  }
  return total;
}
