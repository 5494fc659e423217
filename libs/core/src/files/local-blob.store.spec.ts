import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalBlobStore } from './local-blob.store';

describe('LocalBlobStore.commit', () => {
  let root: string;
  let store: LocalBlobStore;
  const staged = (bytes: Buffer): string => {
    const path = join(root, `staged-${Math.random()}`);
    writeFileSync(path, bytes);
    return path;
  };
  const hash = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'eoffice-blobs-'));
    store = new LocalBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('moves a new blob under its hash, making the fan-out directories, and leaves no temp file', async () => {
    const bytes = Buffer.from('%PDF-1.7 new blob');
    const temp = staged(bytes);
    const key = await store.commit(temp, hash(bytes));
    expect(readFileSync(store.pathOf(key)).equals(bytes)).toBe(true);
    expect(existsSync(temp)).toBe(false);
  });

  it('replaces a blob already there with the same bytes instead of checking and skipping', async () => {
    const bytes = Buffer.from('%PDF-1.7 shared blob');
    const first = await store.commit(staged(bytes), hash(bytes));
    const second = await store.commit(staged(bytes), hash(bytes));
    expect(second).toBe(first);
    expect(readFileSync(store.pathOf(first)).equals(bytes)).toBe(true);
    expect(readdirSync(root).filter((name) => name.startsWith('staged-'))).toEqual([]);
  });

  it('keeps the blob when two commits of the same new bytes run at once', async () => {
    const bytes = Buffer.from('%PDF-1.7 raced blob');
    const keys = await Promise.all(Array.from({ length: 8 }, () => store.commit(staged(bytes), hash(bytes))));
    expect(new Set(keys).size).toBe(1);
    expect(readFileSync(store.pathOf(keys[0])).equals(bytes)).toBe(true);
  });

  it('removes the temp file when the commit fails', async () => {
    const temp = staged(Buffer.from('x'));
    await expect(store.commit(temp, 'not-a-hash')).rejects.toThrow('bad storage key');
    expect(existsSync(temp)).toBe(false);
  });
});
