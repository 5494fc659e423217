/**
 * Cheap checks on the first and last bytes of an upload, made before it is stored: a scan that
 * cannot be read is refused at the door rather than failing a job later, and an image whose
 * header promises a billion pixels never reaches a decoder.
 */

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** A PNG ends with its IEND chunk; anything after it (or nothing) means a cut-off file. */
export function pngIsComplete(tail: Buffer): boolean {
  return tail.length >= PNG_IEND.length && tail.subarray(tail.length - PNG_IEND.length).equals(PNG_IEND);
}

/** A JPEG ends with its EOI marker (FF D9); readers tolerate a little padding after it. */
export function jpegIsComplete(tail: Buffer): boolean {
  return tail.includes(Buffer.from([0xff, 0xd9]));
}

export interface Dimensions {
  width: number;
  height: number;
}

/** Width and height from a PNG's IHDR chunk (always the first, at a fixed place). */
export function pngDimensions(head: Buffer): Dimensions | null {
  if (head.length < 24 || head.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

/** Width and height from a JPEG's first start-of-frame segment, walking the segments in `head`. */
export function jpegDimensions(head: Buffer): Dimensions | null {
  let at = 2; // after SOI
  while (at + 9 < head.length) {
    if (head[at] !== 0xff) return null;
    const marker = head[at + 1];
    if (marker === 0xff) {
      at += 1; // fill byte
      continue;
    }
    const length = head.readUInt16BE(at + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return { height: head.readUInt16BE(at + 5), width: head.readUInt16BE(at + 7) };
    }
    at += 2 + length;
  }
  return null;
}

/**
 * Whether a PDF is encrypted: its trailer names an /Encrypt dictionary. The trailer is in the
 * last kilobyte (classic cross-reference table) or is the dictionary of the cross-reference
 * stream that `startxref` points at (PDF 1.5+); both are given.
 */
export function pdfIsEncrypted(tail: Buffer, xrefSection: Buffer | null): boolean {
  const trailer = tail.toString('latin1');
  const at = trailer.lastIndexOf('trailer');
  if (at >= 0 && /\/Encrypt\b/.test(trailer.slice(at))) return true;
  return xrefSection !== null && /\/Encrypt\b/.test(xrefSection.toString('latin1').split('stream')[0] ?? '');
}

/** The byte offset `startxref` names, if the tail has one. */
export function startXref(tail: Buffer): number | null {
  const text = tail.toString('latin1');
  const at = text.lastIndexOf('startxref');
  const match = at >= 0 ? /^startxref\s+(\d+)/.exec(text.slice(at)) : null;
  return match ? Number(match[1]) : null;
}
