import { extname } from 'node:path';
import { MediaType } from '@eoffice/core';

/** What the intake does with one attachment: keep it (typed from its bytes) or refuse it with a flag. */
export type AttachmentVerdict = { keep: true; mimeType: string } | { keep: false; flag: 'attachment_too_large' | 'executable' | 'archive' };

const EXECUTABLE_EXTENSIONS = new Set([
  '.exe', '.com', '.bat', '.cmd', '.scr', '.msi', '.dll', '.js', '.jse', '.vbs', '.vbe', '.wsf', '.ps1', '.jar', '.sh', '.lnk', '.hta', '.cpl',
]);
const ARCHIVE_EXTENSIONS = new Set(['.zip', '.rar', '.7z', '.gz', '.tgz', '.tar', '.bz2', '.xz', '.cab', '.iso']);
/** Office files are zip (OOXML, ODF) or OLE containers: their extension tells them from an archive. */
const ZIPPED_OFFICE: Record<string, string> = {
  '.docx': MediaType.docx,
  '.xlsx': MediaType.xlsx,
  '.odt': MediaType.odt,
  '.ods': MediaType.ods,
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);

/**
 * An e-mail attachment is kept byte for byte unless it is too large, a program, or an archive
 * (which could hide one): those are not stored apart (the .eml keeps the whole message) and the
 * item is flagged for the clerk. The type comes from the bytes first, the declared type last.
 */
export function checkAttachment(bytes: Buffer, fileName: string | null, declaredType: string | null, maxBytes: number): AttachmentVerdict {
  if (bytes.length > maxBytes) return { keep: false, flag: 'attachment_too_large' };
  const extension = extname(fileName ?? '').toLowerCase();
  if (startsWith(bytes, 0x4d, 0x5a) || startsWith(bytes, 0x7f, 0x45, 0x4c, 0x46) || startsWith(bytes, 0x23, 0x21) || EXECUTABLE_EXTENSIONS.has(extension)) {
    return { keep: false, flag: 'executable' };
  }
  if (startsWith(bytes, 0x25, 0x50, 0x44, 0x46, 0x2d)) return { keep: true, mimeType: MediaType.pdf };
  if (startsWith(bytes, 0x89, 0x50, 0x4e, 0x47)) return { keep: true, mimeType: MediaType.png };
  if (startsWith(bytes, 0xff, 0xd8, 0xff)) return { keep: true, mimeType: MediaType.jpeg };
  if (startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) || startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return { keep: true, mimeType: MediaType.tiff };
  if (startsWith(bytes, 0x50, 0x4b, 0x03, 0x04)) {
    return ZIPPED_OFFICE[extension] ? { keep: true, mimeType: ZIPPED_OFFICE[extension] } : { keep: false, flag: 'archive' };
  }
  if (ARCHIVE_EXTENSIONS.has(extension) || startsWith(bytes, 0x52, 0x61, 0x72, 0x21) || startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf) || startsWith(bytes, 0x1f, 0x8b)) {
    return { keep: false, flag: 'archive' };
  }
  if (startsWith(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { keep: true, mimeType: MediaType.ole };
  if (startsWith(bytes, 0x7b, 0x5c, 0x72, 0x74, 0x66)) return { keep: true, mimeType: MediaType.rtf };
  return { keep: true, mimeType: (declaredType || 'application/octet-stream').toLowerCase().slice(0, 200) };
}

/** Headers a filter upstream sets on spam, or a subject it marked. */
export function looksLikeSpam(headers: ReadonlyMap<string, unknown>, subject: string | null): boolean {
  const text = (name: string) => String(headers.get(name) ?? '').trim().toLowerCase();
  if (text('x-spam-flag') === 'yes' || text('x-spam-status').startsWith('yes')) return true;
  return /^\s*(\[spam\]|\*+\s*spam\s*\*+)/i.test(subject ?? '');
}

/** The receiving server said the sender's domain did not check out (SPF, DKIM or DMARC failed): a possible forgery. */
export function senderUnverified(headers: ReadonlyMap<string, unknown>): boolean {
  const results = headers.get('authentication-results');
  const text = (Array.isArray(results) ? results.join(' ') : String(results ?? '')).toLowerCase();
  return /\b(dmarc|spf|dkim)=(fail|softfail)\b/.test(text);
}
