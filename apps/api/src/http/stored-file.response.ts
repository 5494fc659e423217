import type { Readable } from 'node:stream';
import { StreamableFile } from '@nestjs/common';
import type { StoredFile } from '@eoffice/core';
import { safeDownloadName } from './download-name';
import { attachmentDisposition } from './report-file.response';

/**
 * A stored file streamed to the client under the name it was stored with (else `fallbackName`),
 * made safe (docs/confidential-documents.md, "Download names"):
 * `inline` for documents a browser shows, `attachment` for downloads.
 */
export function storedFileResponse(
  { file, stream }: { file: StoredFile; stream: Readable },
  fallbackName: string,
  disposition: 'inline' | 'attachment' = 'attachment',
): StreamableFile {
  const name = safeDownloadName(file.originalName, file.mimeType, fallbackName);
  return new StreamableFile(stream, {
    type: file.mimeType,
    length: file.sizeBytes,
    disposition: disposition === 'attachment' ? attachmentDisposition(name) : attachmentDisposition(name).replace(/^attachment/, 'inline'),
  });
}
