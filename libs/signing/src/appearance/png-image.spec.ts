import { readFileSync } from 'node:fs';
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { PDFContext, PDFName, PDFRawStream, PDFRef, PngEmbedder } from 'pdf-lib';
import { createDemoSealPng, createDemoSignaturePng } from '../demo/demo-images';
import { buildAppendixSource } from '../../test/draft-fixtures';
import { requireTool } from '../../test/external-tools';
import { renderPage } from '../../test/rendered-page';
import { loadPngImage } from './png-image';

interface EmbeddedPlanes {
  dict: Record<string, string>;
  colour: Buffer;
  alpha?: Buffer;
}

/** Embeds with `embed` into a fresh context and returns the decoded image and mask samples. */
async function embedded(embed: (context: PDFContext, ref: PDFRef) => Promise<unknown>): Promise<EmbeddedPlanes> {
  const context = PDFContext.create();
  const ref = context.nextRef();
  await embed(context, ref);
  const image = context.lookup(ref) as PDFRawStream;
  const mask = image.dict.lookup(PDFName.of('SMask')) as PDFRawStream | undefined;
  const dict = Object.fromEntries(['Width', 'Height', 'ColorSpace', 'BitsPerComponent'].map((key) => [key, String(image.dict.get(PDFName.of(key)))]));
  return { dict, colour: inflateSync(image.contents), alpha: mask && inflateSync(mask.contents) };
}

/** A 2 × 1 palette PNG (colour type 3), which the fast path leaves to pdf-lib. */
function palettePng(): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.from([0, 0, 0, 2, 0, 0, 0, 1, 8, 3, 0, 0, 0]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('PLTE', Buffer.from([255, 0, 0, 0, 0, 255])),
    chunk('IDAT', deflateSync(Buffer.from([0, 0, 1]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('loadPngImage', () => {
  beforeAll(() => requireTool('pdftoppm'));

  it.each([
    ['the demo seal (RGBA, transparent)', async () => createDemoSealPng()],
    ['the demo signature (RGBA, transparent)', async () => createDemoSignaturePng()],
    // libpng (through pdftoppm) picks a row filter per row: None, Sub, Up and Paeth all occur.
    ['a page rendered by pdftoppm (RGB, adaptive row filters, opaque)', async () => readFileSync(renderPage(await buildAppendixSource(), 1, 'png-image').pngPath)],
    ['a palette PNG (left to pdf-lib)', async () => palettePng()],
  ])('gives the same image and mask samples as pdf-lib for %s', async (_label, build) => {
    const png = await build();
    const ours = await embedded(async (context, ref) => (await loadPngImage(png)).embedIntoContext(context, ref));
    const pdfLib = await embedded(async (context, ref) => (await PngEmbedder.for(png)).embedIntoContext(context, ref));
    expect(ours.dict).toEqual(pdfLib.dict);
    expect(ours.colour.equals(pdfLib.colour)).toBe(true);
    expect(ours.alpha === undefined).toBe(pdfLib.alpha === undefined);
    if (ours.alpha && pdfLib.alpha) expect(ours.alpha.equals(pdfLib.alpha)).toBe(true);
  });

  it('embeds a second copy of the same PNG identically (its planes are kept by content)', async () => {
    const seal = createDemoSealPng();
    const first = await embedded(async (context, ref) => (await loadPngImage(seal)).embedIntoContext(context, ref));
    const again = await embedded(async (context, ref) => (await loadPngImage(Buffer.from(seal))).embedIntoContext(context, ref));
    expect(again.colour.equals(first.colour)).toBe(true);
  });

  it('refuses what is not a PNG with IMAGE_INVALID', async () => {
    await expect(loadPngImage(Buffer.from('GIF89a not a png at all, really'))).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
    const truncated = createDemoSealPng().subarray(0, 200);
    await expect(loadPngImage(truncated)).rejects.toMatchObject({ code: 'IMAGE_INVALID' });
  });
});
