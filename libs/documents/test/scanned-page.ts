import { crc32 } from 'node:zlib';
import { PNG } from 'pngjs';

/** How a flatbed scanner spoils a page: a slight rotation, grain, specks and a grey paper tone. */
export interface ScanDefects {
  skewDegrees: number;
  /** Standard deviation of the grain, in grey levels. */
  noise: number;
  /** Dark specks per million pixels. */
  specks: number;
  /** Seed of the deterministic noise. */
  seed: number;
}

/** A small deterministic generator (mulberry32): the same seed gives the same corpus. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A rendered page (PNG from `pdftoppm -gray`) as a scanner would give it: rotated by the skew
 * (bilinear, paper-white outside), grain and specks added, written as 8-bit grey with its
 * resolution in a pHYs chunk — as a scanner's PNG carries it, and as the scan pipeline reads it.
 */
export function scanLike(png: Buffer, defects: ScanDefects, dpi: number): Buffer {
  const source = PNG.sync.read(png);
  const { width, height } = source;
  const grey = new Float32Array(width * height);
  for (let i = 0; i < width * height; i += 1) grey[i] = source.data[i * 4];
  const random = seededRandom(defects.seed);
  // A table of normal deviates: drawing one per pixel from it is what keeps a 300-dpi page to a second.
  const table = Float32Array.from({ length: 8192 }, () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random()));
  const gauss = () => table[(random() * 8192) | 0];
  const angle = (defects.skewDegrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
  const [cx, cy] = [width / 2, height / 2];
  const out = Buffer.alloc(width * height);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const sx = cos * (x - cx) + sin * (y - cy) + cx;
      const sy = -sin * (x - cx) + cos * (y - cy) + cy;
      const value = bilinear(grey, width, height, sx, sy) * 0.94 + 8 + gauss() * defects.noise;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round(value)));
    }
  }
  const specks = Math.round((width * height * defects.specks) / 1e6);
  for (let i = 0; i < specks; i += 1) {
    const at = Math.floor(random() * width * height);
    out[at] = Math.round(random() * 90);
  }
  return withDpi(PNG.sync.write({ width, height, data: out } as PNG, { colorType: 0, inputColorType: 0, inputHasAlpha: false }), dpi);
}

function bilinear(grey: Float32Array, width: number, height: number, x: number, y: number): number {
  const [x0, y0] = [Math.floor(x), Math.floor(y)];
  if (x0 < 0 || y0 < 0 || x0 + 1 >= width || y0 + 1 >= height) return 255;
  const [fx, fy] = [x - x0, y - y0];
  const at = (xx: number, yy: number) => grey[yy * width + xx];
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

/** Puts (or replaces) the PNG's pHYs chunk: pixels per metre, as scanners write their resolution. */
export function withDpi(png: Buffer, dpi: number): Buffer {
  const chunks: Buffer[] = [png.subarray(0, 8)];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const whole = png.subarray(at, at + 12 + length);
    if (type !== 'pHYs') chunks.push(whole);
    if (type === 'IHDR') chunks.push(physChunk(dpi));
    at += 12 + length;
  }
  return Buffer.concat(chunks);
}

function physChunk(dpi: number): Buffer {
  const perMetre = Math.round(dpi / 0.0254);
  const body = Buffer.alloc(13);
  body.write('pHYs', 0, 'latin1');
  body.writeUInt32BE(perMetre, 4);
  body.writeUInt32BE(perMetre, 8);
  body[12] = 1;
  const chunk = Buffer.alloc(21);
  chunk.writeUInt32BE(9, 0);
  body.copy(chunk, 4);
  chunk.writeUInt32BE(crc32(body), 17);
  return chunk;
}
