import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { readTail } from './pdf-tail';

const show = (path: string, object: string) => execFileSync('qpdf', [`--show-object=${object}`, path], { encoding: 'latin1' }).trim();

describe('the tail of the joined PDF, read from its last bytes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pdf-tail-'));
    const doc = await PDFDocument.create();
    for (let i = 1; i <= 3; i++) doc.addPage([200, 200]).drawText(`trang ${i}`);
    doc.setTitle('Hồ sơ');
    writeFileSync(join(dir, 'in.pdf'), await doc.save()); // pdf-lib: object streams, an xref stream
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives what qpdf shows for a file qpdf wrote with a classic cross-reference table', async () => {
    const out = join(dir, 'joined.pdf');
    execFileSync('qpdf', ['--object-streams=disable', '--empty', '--pages', join(dir, 'in.pdf'), '--', out]);
    const tail = await readTail(out);
    const trailer = show(out, 'trailer');
    expect(trailer).toContain(`/Root ${tail.root.num} ${tail.root.gen} R`);
    expect(trailer).toContain(`/Size ${tail.size}`);
    expect(tail.id && trailer.replace(/\s+/g, '')).toContain(tail.id!.replace(/\s+/g, ''));
    expect(tail.catalog).toBe(show(out, `${tail.root.num},${tail.root.gen}`));
    expect(tail.bytes).toBe(statSync(out).size);
    expect(readFileSync(out).toString('latin1')).toMatch(new RegExp(`startxref\\s+${tail.startxref}\\s+%%EOF\\s*$`));
  });

  it('asks qpdf when the file has no classic table (an xref stream)', async () => {
    const path = join(dir, 'in.pdf');
    const tail = await readTail(path);
    expect(show(path, 'trailer')).toContain(`/Root ${tail.root.num} ${tail.root.gen} R`);
    expect(tail.catalog).toBe(show(path, `${tail.root.num},${tail.root.gen}`));
  });
});
