import { writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/**
 * Where file bytes live. Content-addressed: the key is derived from the SHA-256, so a byte
 * that changes on disk is caught by re-hashing (fixity check), and identical uploads share one blob.
 */
export abstract class BlobStore {
  /** Moves a fully written, hashed local temp file into the store under its content key. */
  abstract commit(tempPath: string, sha256: string): Promise<string>;
  /**
   * Bytes already in memory (a small upload, a file the system made), committed as `commit` would
   * once they are written to `tempPath` (a new name in `tempDir()`). A store may do it in fewer
   * steps: the local one writes and flushes the file through one descriptor.
   */
  async commitBytes(tempPath: string, parts: readonly Uint8Array[], sha256: string): Promise<string> {
    await writeFile(tempPath, parts, { flag: 'wx' });
    return this.commit(tempPath, sha256);
  }
  abstract open(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  /**
   * Only for blobs no record refers to, and never inline on a request's failure path: blobs are
   * shared by content, so a concurrent request may be about to record the same bytes. Unreferenced
   * blobs are removed later by a collector that leaves young ones alone (docs/uploads.md).
   */
  abstract delete(key: string): Promise<void>;
  /** A directory for temp files while an upload is hashed and typed, before `commit`. */
  abstract tempDir(): string;
  /**
   * Write-once named objects beside the blobs (audit checkpoints): writes `data` under `name` only
   * if nothing is there yet and answers false, keeping the first, when something is. Never overwrites.
   */
  abstract putOnce(name: string, data: Buffer): Promise<boolean>;
  /** A named object's bytes, or null when there is none. */
  abstract readObject(name: string): Promise<Buffer | null>;
  /** Names of the objects under a prefix such as `checkpoints/`, in no particular order. */
  abstract listObjects(prefix: string): Promise<string[]>;
  /**
   * The blob's path on this machine, for a tool that reads it in place (read only; never written
   * or moved), or null when the store is remote and the bytes must be copied out first.
   */
  localPath(_key: string): string | null {
    return null;
  }
}

/** Named objects: a folder and a file name, nothing that could climb out of the store. */
export function assertObjectName(name: string): void {
  if (!/^[a-z][a-z0-9-]*\/[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/.test(name) || name.includes('..')) {
    throw new Error(`bad object name ${name}`);
  }
}

export function contentKey(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
