import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import type { FileService } from '@eoffice/core';
import { copyChecked, eachLimited } from './copy-checked';

const bytes = Buffer.from('%PDF-1.7\n' + 'x'.repeat(200_000));
const sha256 = createHash('sha256').update(bytes).digest('hex');
const files = { open: async () => Readable.from([bytes.subarray(0, 70_000), bytes.subarray(70_000)]) } as unknown as FileService;

describe('copyChecked', () => {
  let dir: string;
  beforeEach(async () => (dir = await mkdtemp(join(tmpdir(), 'copy-checked-'))));
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('copies the bytes and checks their SHA-256 on the same pass', async () => {
    expect(await copyChecked(files, { id: 'f', storageKey: 'k', sha256 }, join(dir, 'a.pdf'))).toBe(bytes.length);
    expect((await readFile(join(dir, 'a.pdf'))).equals(bytes)).toBe(true);
  });

  it('fails on bytes that differ from the stored hash', async () => {
    await expect(copyChecked(files, { id: 'f', storageKey: 'k', sha256: '0'.repeat(64) }, join(dir, 'a.pdf'))).rejects.toThrow('does not match its SHA-256');
  });
});

describe('eachLimited', () => {
  it('runs every item, never more than the limit at once', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await eachLimited([...Array(20).keys()], 3, async (n) => {
      most = Math.max(most, ++running);
      await new Promise((resolve) => setImmediate(resolve));
      done.push(n);
      running--;
    });
    expect([most, done.sort((a, b) => a - b)]).toEqual([3, [...Array(20).keys()]]);
  });

  it('starts no item after a failure and rejects once the lanes stopped', async () => {
    const started: number[] = [];
    await expect(eachLimited([...Array(20).keys()], 2, async (n) => {
      started.push(n);
      if (n === 3) throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(started.length).toBeLessThanOrEqual(5);
  });
});
