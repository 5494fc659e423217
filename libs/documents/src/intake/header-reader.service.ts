import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, AppConfig, Deadline, withTempDir } from '@eoffice/core';
import { firstPageWords, lowestImageDpi } from '../ocr';
import { recogniseHeader, RecognisedHeader } from './header-recognition';

/** Reading page 1 is a convenience for the clerk: it never holds an arrival up longer than this. */
const HEADER_TIMEOUT_MS = 120_000;
/** Pages whose pictures are checked for resolution. */
const RESOLUTION_PAGES = 20;

export interface PageOneReading {
  header: RecognisedHeader;
  /** How page 1 was read; `failed` when the PDF could not be read in time (the proposal stays empty). */
  method: 'text-layer' | 'ocr' | 'failed';
  /** Lowest resolution of the scanned pictures in the PDF; null for a born-digital PDF. */
  lowestDpi: number | null;
}

/**
 * Reads a received PDF's page 1 for the proposal: its words (text layer, or OCR with Tesseract
 * `vie` when it is only a picture) through header recognition, and the resolution of its pictures.
 * Never throws: a PDF that cannot be read simply proposes nothing.
 */
@Injectable()
export class HeaderReader {
  private readonly logger = new Logger(HeaderReader.name);

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async read(bytes: Buffer): Promise<PageOneReading> {
    try {
      return await withTempDir('intake-header', async (dir) => {
        const pdf = join(dir, 'received.pdf');
        await writeFile(pdf, bytes);
        const deadline = new Deadline(Math.min(HEADER_TIMEOUT_MS, this.config.OCR_TIMEOUT_SECONDS * 1000));
        const lowestDpi = await lowestImageDpi(pdf, RESOLUTION_PAGES, deadline);
        const words = await firstPageWords(pdf, deadline, { maxPixels: this.config.SCAN_MAX_PIXELS, maxMemoryMb: this.config.OCR_MAX_MEMORY_MB });
        return { header: recogniseHeader(words), method: words.method, lowestDpi };
      });
    } catch (error) {
      this.logger.warn(`page 1 not read for the proposal: ${error instanceof Error ? error.message : String(error)}`);
      return { header: {}, method: 'failed', lowestDpi: null };
    }
  }
}
