import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { PDFDocument } from 'pdf-lib';
import { appendAttachments, pdfName, pdfText } from './pdf-attachments';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('attachments appended to a PDF as an incremental update', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'pdf-attachments-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  async function joined(): Promise<string> {
    const doc = await PDFDocument.create();
    doc.addPage([200, 200]).drawText('trang 1');
    doc.addPage([200, 200]).drawText('trang 2');
    writeFileSync(join(dir, 'in.pdf'), await doc.save());
    const out = join(dir, 'out.pdf');
    execFileSync('qpdf', ['--object-streams=disable', '--empty', '--pages', join(dir, 'in.pdf'), '--', out]);
    return out;
  }

  it('embeds each file byte for byte, readable by poppler, valid for qpdf, with the SHA-256 of the whole file', async () => {
    const out = await joined();
    const before = readFileSync(out);
    const scan = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
    const text = Buffer.from('<a>hồ sơ</a>');
    const result = await appendAttachments(out, [
      { name: '0001-van-ban-den.pdf', mimeType: 'application/pdf', description: '1. Về việc thi học sinh giỏi', sizeBytes: scan.length, sha256: sha256(scan), open: () => Readable.from([scan.subarray(0, 1000), scan.subarray(1000)]) },
      { name: 'ho-so.xml', mimeType: 'application/xml', description: 'Mục lục', sizeBytes: text.length, open: () => Readable.from([text]) },
    ]);
    const after = readFileSync(out);
    expect(after.subarray(0, before.length).equals(before)).toBe(true); // the joined file as it was
    expect(result).toEqual({ sha256: sha256(after), sizeBytes: after.length });
    execFileSync('qpdf', ['--check', out]);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    expect(execFileSync('pdfdetach', ['-list', out], { encoding: 'utf8' })).toContain('0001-van-ban-den.pdf');
    execFileSync('pdfdetach', ['-saveall', '-o', dir, out]);
    expect(readFileSync(join(dir, '0001-van-ban-den.pdf')).equals(scan)).toBe(true);
    expect(readFileSync(join(dir, 'ho-so.xml')).equals(text)).toBe(true);
  });

  it('refuses bytes that differ from their SHA-256 or their size', async () => {
    const out = await joined();
    const bytes = Buffer.from('abc');
    await expect(appendAttachments(out, [{ name: 'a.pdf', mimeType: 'application/pdf', description: 'a', sizeBytes: 3, sha256: sha256(Buffer.from('abd')), open: () => Readable.from([bytes]) }]))
      .rejects.toThrow('does not match its SHA-256');
    const again = await joined();
    await expect(appendAttachments(again, [{ name: 'a.pdf', mimeType: 'application/pdf', description: 'a', sizeBytes: 4, open: () => Readable.from([bytes]) }]))
      .rejects.toThrow('3 bytes, expected 4');
  });

  it('writes names and text strings as PDF wants them', () => {
    expect(pdfName('application/pdf')).toBe('/application#2Fpdf');
    expect(pdfText('hồ')).toBe('<FEFF00681ED3>');
  });
});
