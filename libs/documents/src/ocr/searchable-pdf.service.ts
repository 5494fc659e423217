import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig, AppError, Deadline } from '@eoffice/core';
import { needsOcr } from './extracted-text';
import {
  concatenatePdfs,
  imagesToPdf,
  OCR_RENDER_DPI,
  OcrBounds,
  overlayPdf,
  pdfPageCount,
  pdfTextAndPages,
  renderPages,
  textLayerPdf,
} from './ocr-tools';

export interface SearchablePdf {
  path: string;
  pageCount: number;
  /** False when the PDF already had a text layer and is returned untouched. */
  ocr: boolean;
}

/**
 * Scans to a searchable PDF (số hóa): every page keeps the scanned image as it was received and
 * gets an invisible text layer from OCR, so the words can be found and copied. A PDF that already
 * has text is left as it is.
 */
@Injectable()
export class SearchablePdfMaker {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** Page images (PNG, JPEG, TIFF with one or more pages), in order, into one PDF in `dir`. */
  async fromImages(images: string[], dir: string, deadline: Deadline): Promise<SearchablePdf> {
    const pictures = await imagesToPdf(images, join(dir, 'pictures.pdf'), deadline);
    const pageCount = await pdfPageCount(pictures, deadline);
    this.assertPageCap(pageCount);
    const layers = [];
    for (const [index, image] of images.entries()) layers.push(await textLayerPdf(image, join(dir, `text-${index}`), deadline, this.bounds()));
    const text = await concatenatePdfs(layers, join(dir, 'text.pdf'), deadline);
    return { path: await this.overlay(pictures, text, pageCount, join(dir, 'searchable.pdf'), deadline), pageCount, ocr: true };
  }

  /** A PDF: returned as is when it has text; otherwise its pages are OCR'd and a text layer laid over them. */
  async fromPdf(pdf: string, dir: string, deadline: Deadline): Promise<SearchablePdf> {
    const { text: layer, pageCount } = await pdfTextAndPages(pdf, deadline);
    if (!needsOcr(layer, pageCount)) return { path: pdf, pageCount, ocr: false };
    this.assertPageCap(pageCount);
    const pagesDir = join(dir, 'pages');
    await mkdir(pagesDir);
    const layers = [];
    for (const page of await renderPages(pdf, pagesDir, pageCount, deadline, this.bounds())) {
      layers.push(await textLayerPdf(page, page.replace(/\.png$/, ''), deadline, this.bounds(), OCR_RENDER_DPI));
    }
    const text = await concatenatePdfs(layers, join(dir, 'text.pdf'), deadline);
    return { path: await this.overlay(pdf, text, pageCount, join(dir, 'searchable.pdf'), deadline), pageCount, ocr: true };
  }

  private async overlay(base: string, text: string, pageCount: number, out: string, deadline: Deadline): Promise<string> {
    // One text page per picture page, or the words would land on the wrong page.
    if ((await pdfPageCount(text, deadline)) !== pageCount) throw new Error(`OCR gave a different page count than ${pageCount}`);
    return overlayPdf(base, text, out, deadline);
  }

  private bounds(): OcrBounds {
    return { maxPixels: this.config.SCAN_MAX_PIXELS, maxMemoryMb: this.config.OCR_MAX_MEMORY_MB };
  }

  private assertPageCap(pageCount: number): void {
    if (pageCount > this.config.OCR_MAX_PAGES) {
      throw new AppError(
        422,
        'TOO_MANY_PAGES',
        `Bản quét có ${pageCount} trang, vượt quá ${this.config.OCR_MAX_PAGES} trang được nhận dạng (too many pages for OCR)`,
      );
    }
  }
}
