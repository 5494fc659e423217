import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { PDFDocument } from 'pdf-lib';
import { checkPieces, sendPieces } from './export-pieces';
import { incrementalUpdate, PdfAttachment } from './pdf-attachments';
import { pdfName, pdfText } from './pdf-syntax';

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

  /** Plans, checks and writes the export to `<joined>.export.pdf`, as the API sends it. */
  async function exported(joinedPath: string, attachments: PdfAttachment[]): Promise<{ path: string; sha256: string; sizeBytes: number }> {
    const checked = await checkPieces(await incrementalUpdate(joinedPath, attachments));
    const path = `${joinedPath}.export.pdf`;
    const out = createWriteStream(path);
    await sendPieces(checked, out);
    out.end();
    await finished(out);
    return { path, sha256: checked.sha256, sizeBytes: checked.sizeBytes };
  }

  it('embeds each file byte for byte, readable by poppler, valid for qpdf, with the SHA-256 of the whole file', async () => {
    const joinedPath = await joined();
    const before = readFileSync(joinedPath);
    const scan = Buffer.from(Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 256));
    writeFileSync(join(dir, 'scan.bin'), scan);
    const text = Buffer.from('<a>hồ sơ</a>');
    const result = await exported(joinedPath, [
      { name: '0001-van-ban-den.pdf', mimeType: 'application/pdf', description: '1. Về việc thi học sinh giỏi', sizeBytes: scan.length, sha256: sha256(scan), source: { path: join(dir, 'scan.bin') } },
      { name: 'ho-so.xml', mimeType: 'application/xml', description: 'Mục lục', sizeBytes: text.length, source: { bytes: text } },
    ]);
    const out = result.path;
    const after = readFileSync(out);
    expect(after.subarray(0, before.length).equals(before)).toBe(true); // the joined file as it was
    expect(result).toEqual({ path: out, sha256: sha256(after), sizeBytes: after.length });
    execFileSync('qpdf', ['--check', out]);
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Pages:\s+2/);
    expect(execFileSync('pdfdetach', ['-list', out], { encoding: 'utf8' })).toContain('0001-van-ban-den.pdf');
    execFileSync('pdfdetach', ['-saveall', '-o', dir, out]);
    expect(readFileSync(join(dir, '0001-van-ban-den.pdf')).equals(scan)).toBe(true);
    expect(readFileSync(join(dir, 'ho-so.xml')).equals(text)).toBe(true);
  });

  it('refuses bytes that differ from their SHA-256 or their size', async () => {
    const out = await joined();
    writeFileSync(join(dir, 'a.bin'), 'abc');
    const source = { path: join(dir, 'a.bin') };
    await expect(exported(out, [{ name: 'a.pdf', mimeType: 'application/pdf', description: 'a', sizeBytes: 3, sha256: sha256(Buffer.from('abd')), source }]))
      .rejects.toThrow('attachment a.pdf does not match its SHA-256');
    await expect(exported(out, [{ name: 'a.pdf', mimeType: 'application/pdf', description: 'a', sizeBytes: 4, source }]))
      .rejects.toThrow('attachment a.pdf: 3 bytes, expected 4');
    await expect(exported(out, [{ name: 'a.xml', mimeType: 'application/xml', description: 'a', sizeBytes: 4, source: { bytes: Buffer.from('abc') } }]))
      .rejects.toThrow('attachment a.xml: 3 bytes, expected 4');
  });

  it('writes names and text strings as PDF wants them', () => {
    expect(pdfName('application/pdf')).toBe('/application#2Fpdf');
    expect(pdfText('hồ')).toBe('<FEFF00681ED3>');
  });
});
