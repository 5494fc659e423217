import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { AppError, Deadline } from '@eoffice/core';
import { pdfPageCount, pdfTextAndPages } from './ocr-tools';

/** A PDF whose pages carry these lines ('' leaves a page empty). */
async function pdfWith(pages: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = doc.addPage([595, 842]);
    if (text) page.drawText(text, { x: 72, y: 760, size: 12, font });
  }
  return Buffer.from(await doc.save());
}

describe('poppler text layer (one pdftotext process per document)', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'ocr-tools-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('counts the pages as pdfinfo does, empty pages included, from the same run as the text', async () => {
    const path = join(dir, 'three.pdf');
    await writeFile(path, await pdfWith(['Trang mot', '', 'Trang ba']));
    const { text, pageCount } = await pdfTextAndPages(path, new Deadline(30_000));
    expect(pageCount).toBe(3);
    expect(pageCount).toBe(await pdfPageCount(path, new Deadline(30_000)));
    expect(text).toContain('Trang mot');
    expect(text).toContain('Trang ba');
  });

  it('refuses a file that is not a readable PDF with PDF_INVALID', async () => {
    const path = join(dir, 'junk.pdf');
    await writeFile(path, '%PDF-1.7\nnot really a pdf');
    await expect(pdfTextAndPages(path, new Deadline(30_000))).rejects.toMatchObject({ code: 'PDF_INVALID' });
    await expect(pdfTextAndPages(path, new Deadline(30_000))).rejects.toBeInstanceOf(AppError);
  });
});
