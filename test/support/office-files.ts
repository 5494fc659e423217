import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Real documents made the way a user would: Vietnamese text typed into LibreOffice (from HTML),
 * saved as docx/odt, printed to PDF, and printed pages "scanned" into PNG/JPEG with pdftoppm.
 */
export function workDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `eoffice-e2e-${name}-`));
}

function soffice(dir: string, args: string[]): void {
  const profile = pathToFileURL(join(dir, 'lo-profile')).href;
  execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=${profile}`, ...args], { cwd: dir, stdio: 'pipe', timeout: 120_000 });
}

/** Paragraphs of Vietnamese text, one page each, in a serif font with every Vietnamese letter. */
export function html(pages: string[]): string {
  const body = pages
    .map((text, i) => `<p style="font-size:18pt;${i ? 'page-break-before:always' : ''}">${text}</p>`)
    .join('\n');
  return `<html><head><meta charset="utf-8"></head><body style="font-family:'DejaVu Serif'">${body}</body></html>`;
}

export function htmlToPdf(dir: string, name: string, pages: string[]): string {
  writeFileSync(join(dir, `${name}.html`), html(pages));
  soffice(dir, ['--convert-to', 'pdf', '--outdir', dir, join(dir, `${name}.html`)]);
  return join(dir, `${name}.pdf`);
}

/** A word-processing file; odt goes through docx so it is a Writer document, not "Writer/Web". */
export function makeOfficeFile(dir: string, name: string, format: 'docx' | 'odt', text: string): string {
  writeFileSync(join(dir, `${name}.html`), html([text]));
  soffice(dir, ['--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, join(dir, `${name}.html`)]);
  if (format === 'odt') soffice(dir, ['--convert-to', 'odt:writer8', '--outdir', dir, join(dir, `${name}.docx`)]);
  return join(dir, `${name}.${format}`);
}

/** Each page of a PDF as an image at `dpi`, as a scanner would hand it over. */
export function scanPages(pdf: string, dir: string, format: 'png' | 'jpeg', dpi = 200): Buffer[] {
  const prefix = `scan-${format}`;
  execFileSync('pdftoppm', ['-r', String(dpi), `-${format}`, pdf, join(dir, prefix)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${prefix}-`))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}

export function pdfTextOf(pdf: Buffer | string, dir: string): string {
  const path = typeof pdf === 'string' ? pdf : join(dir, `check-${Date.now()}-${Math.random().toString(36).slice(2)}.pdf`);
  if (typeof pdf !== 'string') writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-']).toString('utf8');
}

export function pdfPages(pdf: Buffer, dir: string): number {
  const path = join(dir, `pages-${Date.now()}.pdf`);
  writeFileSync(path, pdf);
  return Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [path]).toString('utf8'))?.[1]);
}

/** A PDF of page images only, without any text (what many scanners produce). */
export function imageOnlyPdf(images: Buffer[], dir: string, name: string): Buffer {
  const paths = images.map((image, i) => {
    const path = join(dir, `${name}-${i}.png`);
    writeFileSync(path, image);
    return path;
  });
  execFileSync('img2pdf', [...paths, '-o', join(dir, `${name}.pdf`)]);
  return readFileSync(join(dir, `${name}.pdf`));
}

/** The images embedded in a PDF, extracted in their stored encoding (JPEG stays JPEG). */
export function embeddedImages(pdf: Buffer, dir: string): Buffer[] {
  const stamp = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const path = join(dir, `images-${stamp}.pdf`);
  writeFileSync(path, pdf);
  execFileSync('pdfimages', ['-all', path, join(dir, `img-${stamp}`)]);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`img-${stamp}-`))
    .sort()
    .map((f) => readFileSync(join(dir, f)));
}
