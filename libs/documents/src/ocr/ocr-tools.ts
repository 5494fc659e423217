import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError, CommandResult, CommandTimeoutError, Deadline, runCommand } from '@eoffice/core';

/** Tesseract's Vietnamese model; it reads the Latin letters of Vietnamese and of English alike. */
export const OCR_LANGUAGE = 'vie';
/** Pages rendered for OCR: 300 dpi reads diacritics reliably; scans are ≥ 200 dpi (Decree 30, Phụ lục I). */
export const OCR_RENDER_DPI = 300;

/** One tesseract thread per process: the worker's concurrency decides how many cores OCR uses. */
const toolEnv = (): NodeJS.ProcessEnv => ({ PATH: process.env.PATH, HOME: process.env.HOME, OMP_THREAD_LIMIT: '1' });

type Failure = (stderr: string) => AppError;

/** What one page may cost: its pixels once rendered, and the address space of the tool that reads it. */
export interface OcrBounds {
  maxPixels: number;
  maxMemoryMb: number;
}

/**
 * Runs a tool; with `memoryMb`, under `prlimit --as` so that a hostile page makes the tool fail
 * (and the job with it) instead of taking the machine's memory.
 */
async function tool(file: string, args: string[], deadline: Deadline, failure: Failure, okCodes = [0], memoryMb?: number): Promise<CommandResult> {
  let result: CommandResult;
  const [command, commandArgs] = memoryMb ? ['prlimit', [`--as=${memoryMb * 1024 * 1024}`, '--', file, ...args]] : [file, args];
  try {
    result = await runCommand(command, commandArgs, { timeoutMs: deadline.remainingMs(), env: toolEnv() });
  } catch (error) {
    if (error instanceof CommandTimeoutError) throw ocrTimeout(deadline);
    throw error; // the tool is missing or could not start: not the file's fault, so the job is retried
  }
  if (result.exitCode === null || !okCodes.includes(result.exitCode)) throw failure(result.stderr);
  return result;
}

export function ocrTimeout(deadline: Deadline): AppError {
  return new AppError(
    422,
    'OCR_TIMEOUT',
    `Nhận dạng chữ (OCR) quá thời gian cho phép (${Math.ceil(deadline.budgetMs / 1000)} giây) (OCR timed out)`,
  );
}

const pdfInvalid: Failure = () =>
  new AppError(422, 'PDF_INVALID', 'Tệp PDF bị hỏng, không đọc được trang (malformed PDF)');
const ocrFailed: Failure = (stderr) =>
  new AppError(422, 'OCR_FAILED', `Không nhận dạng được chữ trên ảnh (OCR failed): ${lastLine(stderr)}`);
const imageInvalid: Failure = (stderr) =>
  new AppError(422, 'SCAN_IMAGE_INVALID', `Ảnh quét không ghép được thành PDF (the image could not be made into a PDF): ${lastLine(stderr)}`);

function lastLine(text: string): string {
  return text.trim().split('\n').pop()?.slice(0, 300) ?? '';
}

export async function pdfPageCount(pdf: string, deadline: Deadline): Promise<number> {
  const { stdout } = await tool('pdfinfo', [pdf], deadline, pdfInvalid);
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout.toString('utf8'))?.[1]);
  if (!pages) throw pdfInvalid('');
  return pages;
}

/**
 * The text layer (what a reader's copy-and-paste would give) and the page count from one pdftotext run: it ends every page with a form feed
 * (also an empty page), so the pages need no pdfinfo process of their own. One process instead of
 * two per document is most of what the worker's text extraction costs (issue 13.10).
 */
export async function pdfTextAndPages(pdf: string, deadline: Deadline): Promise<{ text: string; pageCount: number }> {
  const { stdout } = await tool('pdftotext', ['-enc', 'UTF-8', '-q', pdf, '-'], deadline, pdfInvalid);
  const text = stdout.toString('utf8');
  const pageCount = pageBreaks(text);
  if (!pageCount) throw pdfInvalid('');
  return { text, pageCount };
}

function pageBreaks(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\f'); i !== -1; i = text.indexOf('\f', i + 1)) n += 1;
  return n;
}

/**
 * Refuses a page that would render to more than `maxPixels` at OCR_RENDER_DPI: a few hundred
 * bytes of PDF can declare a page metres wide, which pdftoppm and tesseract would try to hold.
 */
export async function assertPageSizes(pdf: string, lastPage: number, deadline: Deadline, maxPixels: number): Promise<void> {
  const { stdout } = await tool('pdfinfo', ['-f', '1', '-l', String(lastPage), pdf], deadline, pdfInvalid);
  for (const [, page, width, height] of stdout.toString('utf8').matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) {
    const pixels = ((Number(width) / 72) * OCR_RENDER_DPI) * ((Number(height) / 72) * OCR_RENDER_DPI);
    if (pixels > maxPixels) {
      throw new AppError(
        422,
        'PAGE_TOO_LARGE',
        `Trang ${page} quá lớn để nhận dạng chữ (${Math.round(pixels / 1e6)} triệu điểm ảnh, tối đa ${Math.round(maxPixels / 1e6)} triệu) (page too large)`,
      );
    }
  }
}

/** Pages 1..lastPage as grey PNG images, in page order. */
export async function renderPages(pdf: string, dir: string, lastPage: number, deadline: Deadline, bounds: OcrBounds): Promise<string[]> {
  await assertPageSizes(pdf, lastPage, deadline, bounds.maxPixels);
  const args = ['-r', String(OCR_RENDER_DPI), '-gray', '-png', '-l', String(lastPage), pdf, join(dir, 'page')];
  await tool('pdftoppm', args, deadline, pdfInvalid, [0], bounds.maxMemoryMb);
  // pdftoppm pads the page number to the width of the last one, so names sort in page order.
  return (await readdir(dir)).filter((name) => /^page-\d+\.png$/.test(name)).sort().map((name) => join(dir, name));
}

export async function recogniseText(image: string, deadline: Deadline, bounds: OcrBounds): Promise<string> {
  const { stdout } = await tool('tesseract', [image, 'stdout', '-l', OCR_LANGUAGE], deadline, ocrFailed, [0], bounds.maxMemoryMb);
  return stdout.toString('utf8');
}

/**
 * A PDF of invisible text only (one page per image, TIFF pages included), to lay over pages that
 * show the same image. `dpi` is given when the image came from our own rendering.
 */
export async function textLayerPdf(image: string, outBase: string, deadline: Deadline, bounds: OcrBounds, dpi?: number): Promise<string> {
  const args = [image, outBase, '-l', OCR_LANGUAGE, ...(dpi ? ['--dpi', String(dpi)] : []), '-c', 'textonly_pdf=1', 'pdf'];
  await tool('tesseract', args, deadline, ocrFailed, [0], bounds.maxMemoryMb);
  return `${outBase}.pdf`;
}

/** Images to PDF pages without re-encoding them: JPEG and PNG bytes stay as scanned, at their resolution. */
export async function imagesToPdf(images: string[], out: string, deadline: Deadline): Promise<string> {
  await tool('img2pdf', [...images, '-o', out], deadline, imageInvalid);
  return out;
}

/** qpdf exits with 3 when it succeeded with warnings (e.g. a damaged but recoverable xref). */
const QPDF_OK = [0, 3];

export async function concatenatePdfs(pdfs: string[], out: string, deadline: Deadline): Promise<string> {
  if (pdfs.length === 1) return pdfs[0];
  await tool('qpdf', ['--empty', '--pages', ...pdfs, '--', out], deadline, pdfInvalid, QPDF_OK);
  return out;
}

/** Lays page i of `overlay` over page i of `base`, scaled to fit; `base`'s own content is not touched. */
export async function overlayPdf(base: string, overlay: string, out: string, deadline: Deadline): Promise<string> {
  await tool('qpdf', [base, '--overlay', overlay, '--', out], deadline, pdfInvalid, QPDF_OK);
  return out;
}

/** Page 1's words with their boxes (`pdftotext -bbox`, XHTML in points): what header recognition reads. */
export async function firstPageBoxes(pdf: string, deadline: Deadline): Promise<string> {
  const { stdout } = await tool('pdftotext', ['-bbox', '-f', '1', '-l', '1', '-enc', 'UTF-8', '-q', pdf, '-'], deadline, pdfInvalid);
  return stdout.toString('utf8');
}

/** `pdfimages -list` of pages 1..lastPage: one row per image with its resolution on the page. */
export async function pdfImageList(pdf: string, lastPage: number, deadline: Deadline): Promise<string> {
  const { stdout } = await tool('pdfimages', ['-list', '-f', '1', '-l', String(lastPage), pdf], deadline, pdfInvalid);
  return stdout.toString('utf8');
}
