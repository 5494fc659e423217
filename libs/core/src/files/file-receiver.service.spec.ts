import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileReceiver } from './file-receiver.service';
import { LocalBlobStore } from './local-blob.store';

describe('FileReceiver.receiveBytes', () => {
  let root: string;
  let blobs: LocalBlobStore;
  const receiver = (): FileReceiver => new FileReceiver(blobs, { SCAN_MAX_PIXELS: 100_000_000 });

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'eoffice-receiver-'));
    blobs = new LocalBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stores a file given in parts as the parts one after the other, hashed and counted whole', async () => {
    const parts = [Buffer.from('%PDF-1.7 head '), Buffer.from('appended revision')];
    const whole = Buffer.concat(parts);
    const received = await receiver().receiveBytes(parts, { mimeType: 'application/pdf', originalName: 'x.pdf' });
    expect(received.sha256).toBe(createHash('sha256').update(whole).digest('hex'));
    expect(received.sizeBytes).toBe(whole.length);
    expect((await readBlob(received.storageKey)).equals(whole)).toBe(true);
  });

  it('stores one buffer as before', async () => {
    const bytes = Buffer.from('one piece');
    const received = await receiver().receiveBytes(bytes, { mimeType: 'text/plain', originalName: null });
    expect(received.sizeBytes).toBe(bytes.length);
    expect((await readBlob(received.storageKey)).equals(bytes)).toBe(true);
  });

  async function readBlob(key: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await blobs.open(key)) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }
});
