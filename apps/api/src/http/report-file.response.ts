import { StreamableFile } from '@nestjs/common';
import type { ReportFile } from '@eoffice/reports';

/** A rendered report as a download with its own name. */
export function reportFileResponse(file: ReportFile): StreamableFile {
  return new StreamableFile(file.bytes, {
    type: file.contentType,
    length: file.bytes.length,
    disposition: attachmentDisposition(file.fileName),
  });
}

/**
 * `attachment` with an ASCII name for old clients and the Vietnamese name in `filename*`
 * (RFC 6266 / RFC 8187), e.g. "So dang ky van ban den - DEN - 2026.pdf".
 */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\/:*?<>|]/g, '_');
  const encoded = encodeURIComponent(fileName.normalize('NFC')).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
