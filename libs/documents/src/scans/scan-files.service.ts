import { createReadStream } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { Deadline, FileReceiver, FileService, MediaType, ReceivedFile, StoredFile, withTempDir } from '@eoffice/core';
import { pdfPageCount } from '../ocr';

/** pdfinfo reads the page tree only: seconds at most, even for a large scan. */
const PAGE_COUNT_TIMEOUT_MS = 30_000;

const EXTENSIONS: Record<string, string> = {
  [MediaType.pdf]: '.pdf',
  [MediaType.png]: '.png',
  [MediaType.jpeg]: '.jpg',
  [MediaType.tiff]: '.tif',
};

/** Moves scan files between the file store and a job's working directory. */
@Injectable()
export class ScanFiles {
  constructor(
    private readonly files: FileService,
    private readonly receiver: FileReceiver,
  ) {}

  async download(file: Pick<StoredFile, 'storageKey' | 'mimeType'>, dir: string, name: string): Promise<string> {
    const path = join(dir, `${name}${EXTENSIONS[file.mimeType] ?? ''}`);
    await this.files.copyToPath(file, path);
    return path;
  }

  /** Pages of a scan request as sent: a PDF's page count (pdfinfo), one per page image. */
  async pageCount(received: readonly ReceivedFile[]): Promise<number> {
    const pdf = received.find((file) => file.mimeType === MediaType.pdf);
    if (!pdf) return received.length;
    return withTempDir('scan-pages', async (dir) => {
      const path = await this.download(pdf, dir, 'input');
      return pdfPageCount(path, new Deadline(PAGE_COUNT_TIMEOUT_MS));
    });
  }

  /** Stores a PDF the worker made, hashed and checked like any upload, as the person's own file. */
  async storePdf(path: string, uploadedBy: string | null, originalName: string): Promise<StoredFile> {
    // Our own output: bounded by the inputs, which were bounded at upload.
    const received = await this.receiver.receive(createReadStream(path), {
      maxBytes: Number.MAX_SAFE_INTEGER,
      allowedTypes: [MediaType.pdf],
      originalName,
    });
    return this.files.record(received, uploadedBy);
  }
}

/** "Công văn 12.jpg" → "Công văn 12.pdf": the PDF keeps the name the clerk knows. */
export function pdfNameFor(file: StoredFile): string {
  const name = file.originalName ?? 'ban-quet';
  return `${basename(name, extname(name))}.pdf`;
}
