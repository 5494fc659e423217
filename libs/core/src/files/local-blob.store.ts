import { constants, createReadStream } from 'node:fs';
import { access, mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { assertObjectName, BlobStore, contentKey } from './blob-store';

/** Flushes a file or a directory (its entries) to stable storage. */
async function fsyncPath(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export class LocalBlobStore extends BlobStore {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  /**
   * Durable when it returns: the bytes and the directory entry naming them are on disk, so a
   * record committed after this never points at a blob a power loss took away. The temp file
   * replaces any blob already there: same key, same bytes, and no window in which a check
   * "is it there?" can be overtaken by someone else's removal.
   */
  async commit(tempPath: string, sha256: string): Promise<string> {
    const key = contentKey(sha256);
    try {
      const target = this.pathOf(key);
      await fsyncPath(tempPath);
      await this.place(tempPath, target);
      return key;
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }

  /**
   * As `commit`, with the bytes written, flushed and closed through the one descriptor that made
   * the temp file (issue 13.10: a registration's scan used to be opened six times on its way in).
   */
  override async commitBytes(tempPath: string, parts: readonly Uint8Array[], sha256: string): Promise<string> {
    const key = contentKey(sha256);
    try {
      const target = this.pathOf(key);
      const file = await open(tempPath, 'wx');
      try {
        await file.writev(parts as Uint8Array[]);
        await file.sync();
      } finally {
        await file.close();
      }
      await this.place(tempPath, target);
      return key;
    } catch (error) {
      await rm(tempPath, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    await access(path);
    return createReadStream(path);
  }

  async exists(key: string): Promise<boolean> {
    return access(this.pathOf(key)).then(
      () => true,
      () => false,
    );
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** The blob directory, for the backup and the orphan collector that walk it. */
  blobRoot(): string {
    return join(this.root, 'sha256');
  }

  tempDir(): string {
    return join(this.root, 'tmp');
  }

  override localPath(key: string): string {
    return this.pathOf(key);
  }

  /** Exposed for operators and tests that need to find a blob on disk. */
  pathOf(key: string): string {
    if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(this.root, key);
  }

  /**
   * The flushed temp file renamed to its key, then the new entry made durable, and the entries of
   * any directory that had to be made for it. The renamed file is new, so a blob used again is young
   * again for the orphan collector's grace period.
   */
  private async place(tempPath: string, target: string): Promise<void> {
    const created = await this.renameInto(tempPath, target);
    for (const dir of this.directoriesToSync(target, created)) await fsyncPath(dir);
  }

  /** Renames, making the fan-out directories only when missing; returns the first one it made. */
  private async renameInto(tempPath: string, target: string): Promise<string | undefined> {
    try {
      await rename(tempPath, target);
      return undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      const created = await mkdir(dirname(target), { recursive: true });
      await rename(tempPath, target);
      return created;
    }
  }

  /** The target's directory and, when directories were made, each parent up to the store root. */
  private directoriesToSync(target: string, firstCreated: string | undefined): string[] {
    const dirs = [dirname(target)];
    if (firstCreated) {
      const levels = (path: string) => relative(this.root, path).split(sep).length;
      const made = levels(dirname(target)) - levels(firstCreated) + 1;
      let dir = dirname(target);
      for (let i = 0; i < made && dir !== this.root; i += 1) {
        dir = dirname(dir);
        dirs.push(dir);
      }
    }
    return dirs;
  }

  async putOnce(name: string, data: Buffer): Promise<boolean> {
    const path = this.objectPath(name);
    await mkdir(dirname(path), { recursive: true });
    let file;
    try {
      // O_EXCL: the kernel refuses an existing name, so two writers cannot both "create" it.
      file = await open(path, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o444);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    }
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    // The new name itself survives a power loss only once its directory is synced too.
    await fsyncPath(dirname(path));
    return true;
  }

  async readObject(name: string): Promise<Buffer | null> {
    return readFile(this.objectPath(name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return null;
      throw error;
    });
  }

  async listObjects(prefix: string): Promise<string[]> {
    const folder = prefix.replace(/\/$/, '');
    assertObjectName(`${folder}/x`);
    const names = await readdir(join(this.root, folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [] as string[];
      throw error;
    });
    return names.map((n) => `${folder}/${n}`);
  }

  private objectPath(name: string): string {
    assertObjectName(name);
    return join(this.root, name);
  }
}
