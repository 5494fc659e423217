// Office conversion and OCR timings on this machine: docx → PDF (LibreOffice, a fresh profile each
// time, alone and four at once), page images → searchable PDF (img2pdf + tesseract vie + qpdf),
// and text extraction of an image-only PDF (pdftoppm 300 dpi + tesseract). Uses the build.
// Run: npm run build && npm run bench:conversion [sections]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as Core from '@eoffice/core';
import type * as Documents from '@eoffice/documents';

const root = join(__dirname, '..', '..');
/** Sections of 30 numbered lines, each starting on a new page (about two printed pages each). */
const sections = Number(process.argv[2] ?? 4);
const LINE = 'Điều {n}. Các trường trung học phổ thông tổ chức bồi dưỡng thường xuyên cho giáo viên theo kế hoạch của Sở.';

function soffice(dir: string, args: string[]): void {
  const profile = pathToFileURL(join(dir, 'profile')).href;
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, ...args], { cwd: dir, stdio: 'pipe' });
}

/** A docx of Vietnamese text, and its pages printed and "scanned" at 200 dpi. */
function material(dir: string) {
  const paragraphs = Array.from({ length: sections }, (_, page) =>
    `<p style="${page ? 'page-break-before:always;' : ''}font-size:13pt">${Array.from({ length: 30 }, (_, n) => LINE.replace('{n}', String(page * 30 + n + 1))).join('<br/>')}</p>`,
  ).join('');
  writeFileSync(join(dir, 'van-ban.html'), `<html><head><meta charset="utf-8"></head><body style="font-family:'DejaVu Serif'">${paragraphs}</body></html>`);
  soffice(dir, ['--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, 'van-ban.html')]);
  soffice(dir, ['--convert-to', 'pdf', '--outdir', dir, join(dir, 'van-ban.docx')]);
  execFileSync('pdftoppm', ['-r', '200', '-png', join(dir, 'van-ban.pdf'), join(dir, 'scan')]);
  const images = readdirSync(dir).filter((f) => /^scan-\d+\.png$/.test(f)).sort().map((f) => join(dir, f));
  execFileSync('img2pdf', [...images, '-o', join(dir, 'chi-anh.pdf')]);
  return { docx: join(dir, 'van-ban.docx'), images, imageOnlyPdf: join(dir, 'chi-anh.pdf') };
}

async function ms<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = process.hrtime.bigint();
  const result = await work();
  return [Number(process.hrtime.bigint() - start) / 1e6, result];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const built = join(root, 'dist/apps/worker/libs');
  const core = (await import(join(built, 'core/src/index.js'))) as typeof Core;
  const documents = (await import(join(built, 'documents/src/index.js'))) as typeof Documents;
  const config = core.loadConfig({ ...process.env, JWT_SECRET: 'x'.repeat(32), SIGNING_KEY_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64'), MFA_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') });
  const dir = mkdtempSync(join(tmpdir(), 'eoffice-bench-conversion-'));
  try {
    const { docx, images, imageOnlyPdf } = material(dir);
    const converter = new documents.OfficeConverter(config);
    const alone = [];
    for (let i = 0; i < 5; i += 1) alone.push((await ms(() => converter.toPdf({ path: docx, extension: 'docx' })))[0]);
    const [together] = await ms(() => Promise.all([1, 2, 3, 4].map(() => converter.toPdf({ path: docx, extension: 'docx' }))));
    const printedPages = /^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [join(dir, 'van-ban.pdf')]).toString())?.[1];
    console.log(`docx → PDF (${printedPages} pages): median ${median(alone).toFixed(0)} ms alone (5 runs); 4 at once ${together.toFixed(0)} ms wall`);

    const maker = new documents.SearchablePdfMaker(config);
    const scanDir = mkdtempSync(join(dir, 'scan-'));
    const [scanMs, made] = await ms(() => maker.fromImages(images, scanDir, new core.Deadline(600_000)));
    console.log(`${made.pageCount} page images (200 dpi PNG) → searchable PDF: ${scanMs.toFixed(0)} ms, ${(scanMs / made.pageCount).toFixed(0)} ms/page`);

    const extractor = new documents.TextExtractor(config);
    const [ocrMs, ocr] = await ms(() => extractor.extract(imageOnlyPdf));
    console.log(`image-only PDF → text by OCR (300 dpi): ${ocrMs.toFixed(0)} ms, ${(ocrMs / ocr.pagesRead).toFixed(0)} ms/page, ${ocr.text.length} characters`);
    const [layerMs, layer] = await ms(() => extractor.extract(made.path));
    console.log(`searchable PDF → text from its text layer: ${layerMs.toFixed(0)} ms, ${layer.text.length} characters`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
