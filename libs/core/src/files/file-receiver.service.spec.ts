import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { FileReceiver } from './file-receiver.service';
import { MediaType } from './file-types';
import { LocalBlobStore } from './local-blob.store';
import { IN_MEMORY_UPLOAD_BYTES } from './upload-sink';

/** A real PDF; with `padding`, that many incompressible bytes attached, to pass the in-memory size. */
async function pdf(padding = 0): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([595, 842]);
  if (padding) await doc.attach(randomBytes(padding), 'padding.bin', { mimeType: 'application/octet-stream' });
  return Buffer.from(await doc.save());
}

/** As a multipart part arrives: in chunks of 64 KiB. */
const partOf = (bytes: Buffer) => Readable.from(Array.from({ length: Math.ceil(bytes.length / 65536) }, (_, i) => bytes.subarray(i * 65536, (i + 1) * 65536)));

describe('FileReceiver.receive', () => {
  let root: string;
  let blobs: LocalBlobStore;
  const receive = (bytes: Buffer) =>
    new FileReceiver(blobs, { SCAN_MAX_PIXELS: 100_000_000 }).receive(partOf(bytes), { maxBytes: 10 * 1024 * 1024, allowedTypes: [MediaType.pdf], originalName: 'scan.pdf' });
  const tempFiles = () => readdirSync(blobs.tempDir());

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'eoffice-receiver-'));
    blobs = new LocalBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    ['held in memory', 0],
    ['streamed to a temp file (larger than what is held in memory)', IN_MEMORY_UPLOAD_BYTES + 100_000],
  ])('stores a PDF %s under its hash, typed, and leaves no temp file', async (_how, padding) => {
    const bytes = await pdf(padding);
    expect(bytes.length > IN_MEMORY_UPLOAD_BYTES).toBe(padding > 0);
    const received = await receive(bytes);
    expect(received).toMatchObject({ sha256: createHash('sha256').update(bytes).digest('hex'), sizeBytes: bytes.length, mimeType: MediaType.pdf, originalName: 'scan.pdf' });
    expect(readFileSync(blobs.pathOf(received.storageKey)).equals(bytes)).toBe(true);
    expect(tempFiles()).toEqual([]);
  });

  it.each([
    ['held in memory', 0],
    ['streamed to a temp file', IN_MEMORY_UPLOAD_BYTES + 100_000],
  ])('refuses a PDF cut off at its end (%s) and stores nothing', async (_how, padding) => {
    const bytes = await pdf(padding);
    const cut = bytes.subarray(0, bytes.length - 40);
    await expect(receive(cut)).rejects.toMatchObject({ code: 'PDF_INVALID' });
    expect(existsSync(join(root, 'sha256'))).toBe(false);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses bytes of another type whatever their size, and stores nothing', async () => {
    await expect(receive(Buffer.from('just some text, not a PDF'))).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    await expect(receive(randomBytes(IN_MEMORY_UPLOAD_BYTES + 1000))).rejects.toMatchObject({ code: 'FILE_TYPE_NOT_ALLOWED' });
    expect(existsSync(join(root, 'sha256'))).toBe(false);
    expect(tempFiles()).toEqual([]);
  });
});

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
