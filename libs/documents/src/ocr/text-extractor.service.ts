import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Deadline, withTempDir } from '@eoffice/core';
import { needsOcr, normaliseExtractedText } from './extracted-text';
import { pdfTextAndPages, recogniseText, renderPages } from './ocr-tools';

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
}
