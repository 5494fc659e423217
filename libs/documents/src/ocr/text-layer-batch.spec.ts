import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, StandardFonts } from 'pdf-lib';
import { AppConfig, Deadline } from '@eoffice/core';
import { splitTextLayer } from './text-layer-batch';
import { TextExtractor } from './text-extractor.service';

const VIETNAMESE_FONT = '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';

/** A PDF whose pages carry these lines ('' leaves a page empty); Vietnamese through an embedded font. */
async function pdfWith(pages: string[], options: { vietnamese?: boolean; annotated?: boolean } = {}): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const font = options.vietnamese ? await doc.embedFont(await readFile(VIETNAMESE_FONT), { subset: true }) : await doc.embedFont(StandardFonts.Helvetica);
  for (const text of pages) {
    const page = doc.addPage([595, 842]);
    text.split('\n').forEach((line, i) => line && page.drawText(line, { x: 72, y: 760 - i * 18, size: 12, font }));
    if (options.annotated) {
      const note = doc.context.obj({ Type: 'Annot', Subtype: 'Text', Rect: [72, 700, 92, 720], Contents: PDFHexString.fromText('Ghi chú') });
      page.node.set(PDFName.of('Annots'), doc.context.obj([doc.context.register(note)]));
    }
  }
  return Buffer.from(await doc.save());
}

describe('text layers of several PDFs from one pdftotext run', () => {
  let dir: string;
  const extractor = new TextExtractor({ OCR_TIMEOUT_SECONDS: 60, OCR_MAX_PAGES: 5 } as AppConfig);
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'text-layer-batch-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives each document exactly what reading it alone gives, and leaves out what it cannot read that way', async () => {
    const line = 'Về việc tăng cường giáo dục hòa nhập cho học sinh khuyết tật';
    const sources = {
      vietnamese: await pdfWith([`UBND TỈNH TÂY NINH\n${line}`], { vietnamese: true }),
      threePages: await pdfWith(['Trang mot cua cong van so 12 ve tuyen sinh', '', 'Trang ba: noi nhan, luu van thu, so giao duc']),
      plain: await pdfWith(['Cong van so 34/SGDDT-GDTrH ve boi duong thuong xuyen giao vien']),
      imageOnly: await pdfWith(['']), // no text layer: OCR, by its own job
      annotated: await pdfWith(['Mot trang co chu thich, doc rieng cho chac chan'], { annotated: true }),
      junk: Buffer.from('%PDF-1.7\nnot really a pdf'),
    };
    const read = await extractor.extractTextLayers(
      Object.entries(sources).map(([id, bytes]) => ({ id, bytes })),
      dir,
      new Deadline(60_000),
    );
    expect([...read.keys()].sort()).toEqual(['plain', 'threePages', 'vietnamese']);
    for (const id of read.keys()) {
      const path = join(dir, `${id}.pdf`);
      await writeFile(path, sources[id as keyof typeof sources]);
      expect({ id, read: read.get(id) }).toEqual({ id, read: await extractor.extract(path, new Deadline(60_000)) });
    }
    expect(read.get('vietnamese')!.text).toContain(line);
    expect(read.get('threePages')).toMatchObject({ pageCount: 3, method: 'text-layer' });
    expect(existsSync(join(dir, 'text-layers.pdf'))).toBe(true);
  });

  it('reads nothing in a batch when fewer than two documents can be batched', async () => {
    const one = await extractor.extractTextLayers([{ id: 'a', bytes: await pdfWith(['Chi mot van ban trong lan doc nay']) }], dir, new Deadline(60_000));
    expect(one.size).toBe(0);
  });

  it('cuts the text at the form feeds, and uses nothing when the pages do not add up', () => {
    const parts = [{ id: 'a', pageCount: 1 }, { id: 'b', pageCount: 2 }];
    expect(splitTextLayer('A1\fB1\fB2\f', parts)).toEqual(new Map([['a', 'A1\f'], ['b', 'B1\fB2\f']]));
    expect(splitTextLayer('A1\fB1\f', parts)).toBeNull();
    expect(splitTextLayer('A1\fB1\fB2\fC1\f', parts)).toBeNull();
  });
});
