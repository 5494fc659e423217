import { SigningError } from '../errors/signing-error';

export interface PngMetadata {
  width: number;
  height: number;
  /** Physical size from the pHYs chunk, when the image records one. */
  widthMm?: number;
  heightMm?: number;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Reads IHDR and pHYs: the seal must be drawn at its real size (ND 30 Phụ lục I). */
export function readPngMetadata(png: Uint8Array): PngMetadata {
  const bytes = Buffer.from(png);
  if (bytes.length < 33 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new SigningError('IMAGE_INVALID', 'The image is not a PNG file');
  }
  const metadata: PngMetadata = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    if (type === 'pHYs' && length === 9 && bytes[at + 16] === 1) {
      const perMetreX = bytes.readUInt32BE(at + 8);
      const perMetreY = bytes.readUInt32BE(at + 12);
      if (perMetreX > 0 && perMetreY > 0) {
        metadata.widthMm = (metadata.width / perMetreX) * 1000;
        metadata.heightMm = (metadata.height / perMetreY) * 1000;
      }
    }
    if (type === 'IDAT' || type === 'IEND') break; // pHYs must precede the image data
    at += 12 + length;
  }
  return metadata;
}

export const POINTS_PER_MM = 72 / 25.4;
