import { createReadStream } from 'node:fs';
import { access, mkdir, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Readable } from 'node:stream';
import { BlobStore, contentKey } from './blob-store';

export class LocalBlobStore extends BlobStore {
  private readonly root: string;

  constructor(root: string) {
    super();
    this.root = resolve(root);
  }

  async commit(tempPath: string, sha256: string): Promise<string> {
    const key = contentKey(sha256);
    const target = this.pathOf(key);
    if (await this.exists(key)) {
      await rm(tempPath, { force: true });
      return key;
    }
    await mkdir(dirname(target), { recursive: true });
    await rename(tempPath, target);
    return key;
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

  tempDir(): string {
    return join(this.root, 'tmp');
  }

  /** Exposed for operators and tests that need to find a blob on disk. */
  pathOf(key: string): string {
    if (!/^sha256\/[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error(`bad storage key ${key}`);
    return join(this.root, key);
  }
}
