import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Deadline, withTempDir } from '@eoffice/core';
import { needsOcr, normaliseExtractedText } from './extracted-text';
import { pdfTextAndPages, recogniseText, renderPages } from './ocr-tools';
import type * as TextLayerBatch from './text-layer-batch';
import type { TextLayerPart, TextLayerSource } from './text-layer-batch';

export type { TextLayerSource };

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- pdf-lib loads on first use: the API never extracts text */
const textLayerBatch = (): typeof TextLayerBatch => require('./text-layer-batch') as typeof TextLayerBatch;

export interface ExtractedText {
  text: string;
  method: 'text-layer' | 'ocr';
  pageCount: number;
  /** Pages read by OCR; fewer than pageCount when the document is longer than OCR_MAX_PAGES. */
  pagesRead: number;
}

/** The words of a PDF for search: its text layer, or OCR of its first pages when it is only images. */
@Injectable()
export class TextExtractor {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async extract(pdf: string, deadline = new Deadline(this.config.OCR_TIMEOUT_SECONDS * 1000)): Promise<ExtractedText> {
    const { text: layer, pageCount } = await pdfTextAndPages(pdf, deadline);
    if (!needsOcr(layer, pageCount)) return { text: normaliseExtractedText(layer), method: 'text-layer', pageCount, pagesRead: pageCount };
    const pagesRead = Math.min(pageCount, this.config.OCR_MAX_PAGES);
    const text = await withTempDir('ocr', async (dir) => {
      const pagesDir = join(dir, 'pages');
      await mkdir(pagesDir);
      const parts = [];
      const bounds = { maxPixels: this.config.SCAN_MAX_PIXELS, maxMemoryMb: this.config.OCR_MAX_MEMORY_MB };
      for (const page of await renderPages(pdf, pagesDir, pagesRead, deadline, bounds)) parts.push(await recogniseText(page, deadline, bounds));
      return parts.join('\n');
    });
    return { text: normaliseExtractedText(text), method: 'ocr', pageCount, pagesRead };
  }

  /**
   * The text layers of several small PDFs from one pdftotext run (text-layer-batch.ts), by source
   * id. A source that is missing from the answer was not read this way (left out of the batch, or
   * it needs OCR): `extract` reads it on its own, as ever. Nothing when fewer than two could be
   * batched or the run failed: the same work done one by one gives each its own error.
   */
  async extractTextLayers(sources: readonly TextLayerSource[], dir: string, deadline: Deadline): Promise<Map<string, ExtractedText>> {
    const found = new Map<string, ExtractedText>();
    const { mergeForTextLayer, splitTextLayer } = textLayerBatch();
    let parts: TextLayerPart[];
    let layers: Map<string, string> | null;
    try {
      const batch = await mergeForTextLayer(sources);
      parts = batch.parts;
      if (parts.length < 2) return found;
      const path = join(dir, 'text-layers.pdf');
      await writeFile(path, batch.merged, { flag: 'wx' });
      layers = splitTextLayer((await pdfTextAndPages(path, deadline)).text, parts);
    } catch {
      return found; // each is then read on its own, and a fault is reported by the job it belongs to
    }
    for (const { id, pageCount } of parts) {
      const layer = layers?.get(id);
      if (layer === undefined || needsOcr(layer, pageCount)) continue;
      found.set(id, { text: normaliseExtractedText(layer), method: 'text-layer', pageCount, pagesRead: pageCount });
    }
    return found;
  }
}
