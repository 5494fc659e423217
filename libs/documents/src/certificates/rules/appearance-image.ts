import type { CertificateKind } from '../signing-certificate.entity';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const COLOUR_TYPES_WITH_ALPHA = new Set([4, 6]); // grey + alpha, RGB + alpha
const MAX_SIDE_PIXELS = 10_000;

interface PngFacts {
  width: number;
  height: number;
  transparent: boolean;
  /** The pHYs chunk gives pixels per metre, so the seal can be printed at its real size. */
  physicalSize: boolean;
}

/** IHDR, tRNS and pHYs, all of which come before the image data; null when the bytes are no PNG. */
export function readPngFacts(png: Buffer): PngFacts | null {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') return null;
  const facts: PngFacts = {
    width: png.readUInt32BE(16),
    height: png.readUInt32BE(20),
    transparent: COLOUR_TYPES_WITH_ALPHA.has(png[25]),
    physicalSize: false,
  };
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT' || type === 'IEND' || at + 12 + length > png.length) break;
    if (type === 'tRNS') facts.transparent = true;
    if (type === 'pHYs' && length === 9 && png[at + 16] === 1 && png.readUInt32BE(at + 8) > 0 && png.readUInt32BE(at + 12) > 0) {
      facts.physicalSize = true;
    }
    at += 12 + length;
  }
  return facts;
}

/**
 * Decree 30 Phụ lục I: the leader's signature image is a transparent PNG (blue), the seal a
 * transparent PNG (red) shown at its real size, which only a recorded physical size can give.
 * Returns what is wrong, in Vietnamese with English in parentheses, or null.
 */
export function appearanceImageProblem(kind: CertificateKind, png: Buffer): string | null {
  const facts = readPngFacts(png);
  if (!facts) return 'Ảnh phải là tệp PNG (the image must be a PNG file)';
  if (facts.width === 0 || facts.height === 0 || facts.width > MAX_SIDE_PIXELS || facts.height > MAX_SIDE_PIXELS) {
    return `Kích thước ảnh không hợp lệ: ${facts.width}×${facts.height} (image size must be 1–${MAX_SIDE_PIXELS} pixels a side)`;
  }
  if (!facts.transparent) {
    return 'Ảnh chữ ký, con dấu phải là PNG nền trong suốt (the image must be a transparent PNG)';
  }
  if (kind === 'organisation' && !facts.physicalSize) {
    return 'Ảnh con dấu phải ghi kích thước thật (pHYs) để hiển thị đúng cỡ (the seal PNG must record its physical size)';
  }
  return null;
}
