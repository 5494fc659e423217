import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { reversePngPredictor } from '../src/pdf/stream-decoder';
import { runTool, tempFile } from './external-tools';

export interface RenderedPage {
  width: number;
  height: number;
  /** RGB, 3 bytes per pixel, top row first */
  pixels: Uint8Array;
  pngPath: string;
}

/** Renders one page with `pdftoppm -png` at 72 dpi, so one pixel is one PDF point. */
export function renderPage(pdf: Uint8Array, pageNumber: number, name: string): RenderedPage {
  const input = tempFile(`${name}.pdf`, pdf);
  const prefix = tempFile(name);
  const result = runTool('pdftoppm', ['-png', '-r', '72', '-f', String(pageNumber), '-l', String(pageNumber), '-singlefile', input, prefix]);
  if (result.status !== 0) throw new Error(`pdftoppm failed: ${result.stderr}`);
  const pngPath = `${prefix}.png`;
  return { ...decodeRgbPng(readFileSync(pngPath)), pngPath };
}

/** Decodes the 8-bit RGB, non-interlaced PNGs pdftoppm writes. */
function decodeRgbPng(png: Buffer): Omit<RenderedPage, 'pngPath'> {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (png[24] !== 8 || png[25] !== 2 || png[28] !== 0) throw new Error('expected an 8-bit RGB non-interlaced PNG');
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  return { width, height, pixels: reversePngPredictor(inflateSync(Buffer.concat(idat)), 3, 8, width) };
}

export type Colour = 'red' | 'blue';

/** Counts clearly red or clearly blue pixels in a rectangle given in PDF coordinates. */
export function countColour(page: RenderedPage, rect: { x: number; y: number; width: number; height: number }, colour: Colour): number {
  let count = 0;
  const top = Math.floor(page.height - (rect.y + rect.height));
  for (let row = Math.max(0, top); row < Math.min(page.height, top + Math.ceil(rect.height)); row += 1) {
    for (let column = Math.max(0, Math.floor(rect.x)); column < Math.min(page.width, Math.ceil(rect.x + rect.width)); column += 1) {
      const at = (row * page.width + column) * 3;
      const [r, g, b] = [page.pixels[at], page.pixels[at + 1], page.pixels[at + 2]];
      if (colour === 'red' && r > 150 && g < 110 && b < 110) count += 1;
      if (colour === 'blue' && b > 120 && r < 110 && g < 130) count += 1;
    }
  }
  return count;
}
