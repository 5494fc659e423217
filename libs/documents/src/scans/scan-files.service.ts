import { createReadStream } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { Injectable } from '@nestjs/common';
import { FileReceiver, FileService, MediaType, StoredFile } from '@eoffice/core';

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

  async download(file: StoredFile, dir: string, name: string): Promise<string> {
    const path = join(dir, `${name}${EXTENSIONS[file.mimeType] ?? ''}`);
    await this.files.copyToPath(file, path);
    return path;
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
