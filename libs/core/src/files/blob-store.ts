import type { Readable } from 'node:stream';

/**
 * Where file bytes live. Content-addressed: the key is derived from the SHA-256, so a byte
 * that changes on disk is caught by re-hashing (fixity check), and identical uploads share one blob.
 */
export abstract class BlobStore {
  /** Moves a fully written, hashed local temp file into the store under its content key. */
  abstract commit(tempPath: string, sha256: string): Promise<string>;
  abstract open(key: string): Promise<Readable>;
  abstract exists(key: string): Promise<boolean>;
  /** Only for blobs no record refers to (an upload whose request failed). */
  abstract delete(key: string): Promise<void>;
  /** A directory for temp files while an upload is hashed and typed, before `commit`. */
  abstract tempDir(): string;
}

export function contentKey(sha256: string): string {
  return `sha256/${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}
