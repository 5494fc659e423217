import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Deadline, withTempDir } from '@eoffice/core';
import { firstPageBoxes, OCR_RENDER_DPI, OcrBounds, pdfImageList, renderPages, textLayerPdf } from './ocr-tools';

/** A word on a page and its box, in points from the top-left corner. */
export interface PageWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PageWords {
  width: number;
  height: number;
  words: PageWord[];
  method: 'text-layer' | 'ocr';
}

/** Fewer words than this on page 1 is a page of pictures (a scan without text layer): OCR it. */
const MIN_TEXT_LAYER_WORDS = 8;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

/** The first page of `pdftotext -bbox` output; pages without words give an empty list. */
export function parseBboxPage(xhtml: string): Omit<PageWords, 'method'> {
  const page = /<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/.exec(xhtml);
  if (!page) return { width: 0, height: 0, words: [] };
  const words: PageWord[] = [];
  const pattern = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const [, x0, y0, x1, y1, text] of page[3].matchAll(pattern)) {
    const word = decode(text).normalize('NFC').trim();
    if (word) words.push({ text: word, x0: Number(x0), y0: Number(y0), x1: Number(x1), y1: Number(y1) });
  }
  return { width: Number(page[1]), height: Number(page[2]), words };
}

/**
 * Page 1's words: its text layer (a born-digital PDF, or a scan the pipeline already made
 * searchable), else Tesseract on page 1 rendered at OCR_RENDER_DPI — the same tools and the same
 * text-layer PDF the scan pipeline makes, read back with its word boxes.
 */
export async function firstPageWords(pdf: string, deadline: Deadline, bounds: OcrBounds): Promise<PageWords> {
  const layer = parseBboxPage(await firstPageBoxes(pdf, deadline));
  if (layer.words.length >= MIN_TEXT_LAYER_WORDS) return { ...layer, method: 'text-layer' };
  return withTempDir('header-ocr', async (dir) => {
    const pagesDir = join(dir, 'pages');
    await mkdir(pagesDir);
    const [page] = await renderPages(pdf, pagesDir, 1, deadline, bounds);
    return { ...(await imageWords(page, join(dir, 'text'), deadline, bounds, OCR_RENDER_DPI)), method: 'ocr' as const };
  });
}

/** One page image's words by OCR (Tesseract's text-only PDF, as the scan pipeline lays it over the picture). */
export async function imageWords(image: string, outBase: string, deadline: Deadline, bounds: OcrBounds, dpi?: number): Promise<Omit<PageWords, 'method'>> {
  const layer = await textLayerPdf(image, outBase, deadline, bounds, dpi);
  return parseBboxPage(await firstPageBoxes(layer, deadline));
}

/**
 * The lowest resolution of the pictures on pages 1..lastPage (`pdfimages -list`: each image's pixels
 * against the size it is drawn at), or null when the pages hold no picture (a born-digital PDF).
 */
export async function lowestImageDpi(pdf: string, lastPage: number, deadline: Deadline): Promise<number | null> {
  return lowestDpiOf(await pdfImageList(pdf, lastPage, deadline));
}

export function lowestDpiOf(list: string): number | null {
  let lowest: number | null = null;
  for (const line of list.split('\n')) {
    const cells = line.trim().split(/\s+/);
    // page num type width height color comp bpc enc interp object ID x-ppi y-ppi size ratio
    if (cells.length < 14 || !/^\d+$/.test(cells[0]) || cells[2] !== 'image') continue;
    const dpi = Math.min(Number(cells[12]), Number(cells[13]));
    if (Number.isFinite(dpi) && dpi > 0) lowest = lowest === null ? dpi : Math.min(lowest, dpi);
  }
  return lowest;
}
