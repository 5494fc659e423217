import { createHash } from 'node:crypto';
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFContext, PDFRef, PngEmbedder } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';
import { reversePngPredictor } from '../pdf/stream-decoder';

/** A PNG ready to become an image XObject (with an /SMask for its transparency). */
export interface PngImage {
  width: number;
  height: number;
  embedIntoContext(context: PDFContext, ref: PDFRef): Promise<unknown>;
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Colour type → samples per pixel, for the 8-bit types read here (grey, RGB, grey + alpha, RGBA). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

/** The image data of a PNG, decoded and compressed again as PDF image streams want it. */
interface CompressedPlanes {
  width: number;
  height: number;
  colourSpace: 'DeviceRGB' | 'DeviceGray';
  /** Flate-compressed colour samples. */
  colour: Buffer;
  /** Flate-compressed alpha samples, when some pixel is not opaque. */
  alpha?: Buffer;
}

/**
 * The same signature and seal images come back with every document an agency signs; their
 * planes are kept by content (SHA-256), a few at a time.
 */
const recentPlanes = new Map<string, CompressedPlanes>();
const RECENT_LIMIT = 16;

/**
 * Signature and seal images are transparent 8-bit PNGs. pdf-lib decodes and re-compresses them in
 * JavaScript (UPNG, pako: ~40 ms for a seal); node's zlib does the same work in ~10 ms, and a
 * repeated image costs nothing. Palette, 16-bit and interlaced PNGs still go through pdf-lib.
 */
export async function loadPngImage(png: Uint8Array): Promise<PngImage> {
  try {
    const planes = compressedPlanes(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
    return planes ? planesImage(planes) : await PngEmbedder.for(png);
  } catch (error) {
    throw new SigningError('IMAGE_INVALID', `Cannot read the PNG image: ${(error as Error).message}`, { cause: error });
  }
}

function compressedPlanes(png: Buffer): CompressedPlanes | undefined {
  const key = createHash('sha256').update(png).digest('hex');
  const known = recentPlanes.get(key);
  if (known) return known;
  const planes = decodeSimplePng(png);
  if (!planes) return undefined;
  if (recentPlanes.size >= RECENT_LIMIT) recentPlanes.delete(recentPlanes.keys().next().value as string);
  recentPlanes.set(key, planes);
  return planes;
}

function decodeSimplePng(png: Buffer): CompressedPlanes | undefined {
  if (png.length < 33 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG file');
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const [bitDepth, colourType, , , interlace] = png.subarray(24, 29);
  const channels = CHANNELS[colourType];
  if (bitDepth !== 8 || !channels || interlace !== 0) return undefined;
  const pixels = reversePngPredictor(inflateSync(imageData(png)), channels, 8, width);
  if (pixels.length !== width * height * channels) throw new Error('truncated image data');
  const hasAlpha = colourType === 4 || colourType === 6;
  const { colour, alpha } = hasAlpha ? splitAlpha(pixels, channels - 1) : { colour: pixels, alpha: undefined };
  return {
    width,
    height,
    colourSpace: channels >= 3 ? 'DeviceRGB' : 'DeviceGray',
    colour: deflateSync(colour),
    alpha: alpha && !alpha.every((value) => value === 255) ? deflateSync(alpha) : undefined,
  };
}

function planesImage(planes: CompressedPlanes): PngImage {
  const { width, height } = planes;
  return {
    width,
    height,
    embedIntoContext: async (context, ref) => {
      const image = (data: Buffer, space: string, extra: Record<string, PDFRef> = {}) => context.stream(data, {
        Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: space, BitsPerComponent: 8, Filter: 'FlateDecode', ...extra,
      });
      const mask = planes.alpha ? context.register(image(planes.alpha, 'DeviceGray')) : undefined;
      context.assign(ref, image(planes.colour, planes.colourSpace, mask ? { SMask: mask } : {}));
      return ref;
    },
  };
}

function imageData(png: Buffer): Buffer {
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (parts.length === 0) throw new Error('no image data');
  return Buffer.concat(parts);
}

function splitAlpha(pixels: Uint8Array, colourChannels: number): { colour: Uint8Array; alpha: Uint8Array } {
  const count = pixels.length / (colourChannels + 1);
  const colour = new Uint8Array(count * colourChannels);
  const alpha = new Uint8Array(count);
  for (let pixel = 0, at = 0; pixel < count; pixel += 1) {
    for (let c = 0; c < colourChannels; c += 1) colour[pixel * colourChannels + c] = pixels[at++];
    alpha[pixel] = pixels[at++];
  }
  return { colour, alpha };
}
