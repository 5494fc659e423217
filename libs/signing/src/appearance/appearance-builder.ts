import type Fontkit from '@pdf-lib/fontkit';
import { CustomFontSubsetEmbedder, PDFContext, PDFRef } from 'pdf-lib';
import { loadFontkit } from './fontkit-loader';
import { loadPngImage, PngImage } from './png-image';

export type Colour = readonly [number, number, number];

export interface AppearanceFont {
  name: string;
  embedder: CustomFontSubsetEmbedder;
  ref: PDFRef;
}

export interface AppearanceImage {
  name: string;
  embedder: PngImage;
  ref: PDFRef;
  width: number;
  height: number;
}

const fmt = (n: number): string => (Math.round(n * 1000) / 1000).toString();

type ParsedFont = ReturnType<typeof Fontkit.create>;


/**
 * fontkit parses a font's tables lazily and keeps them on the font object; parsing DejaVu again
 * for every signature cost ~20 ms a font. Keyed by the font file's bytes (the defaults are read
 * once; an agency's own files live as long as the caller keeps them).
 */
const parsedFonts = new WeakMap<Uint8Array, ParsedFont>();
const cachingFontkit = {
  create(bytes: Uint8Array): ParsedFont {
    let font = parsedFonts.get(bytes);
    if (!font) {
      font = loadFontkit().create(bytes);
      keepCodePointsPerText(font);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

interface GlyphCache {
  getGlyph(id: number, codePoints?: number[]): { codePoints: number[] } | null;
}

/**
 * fontkit keeps one glyph object per glyph id with the code points of the text that first asked
 * for it (`ứ` when a ccmp lookup split it into `u` and marks). With the parsed font shared, a later
 * plain `u` got that glyph, and the ToUnicode map pdf-lib derives from `codePoints` lost it:
 * pdftotext read "T Q." for "TUQ.". A glyph asked for with other code points is a view of the
 * cached one carrying its own.
 */
function keepCodePointsPerText(font: ParsedFont): void {
  const cache = font as unknown as GlyphCache;
  const getGlyph = cache.getGlyph.bind(font);
  cache.getGlyph = (id, codePoints = []) => {
    const glyph = getGlyph(id, codePoints);
    if (!glyph || sameCodePoints(glyph.codePoints, codePoints)) return glyph;
    return Object.assign(Object.create(glyph) as { codePoints: number[] }, { codePoints });
  };
}

const sameCodePoints = (a: number[] | undefined, b: number[]) => (a ?? []).length === b.length && b.every((c, i) => a?.[i] === c);

/**
 * fontkit writes a subset through a stream whose events wait on timers: a few milliseconds of
 * work and as many of waiting, per font, per signature. The same signer, agency and date line need
 * the same glyphs again and again, so a subset's bytes are kept by the glyphs it holds, in order.
 * Digits and the punctuation of numbers, dates and times go into every subset first, in a fixed
 * order, so that a new number or signing time does not make a new subset.
 */
const COMMON_GLYPHS = '0123456789 :+-/.,';
const MAX_SUBSETS_PER_FONT = 256;
const serialisedSubsets = new WeakMap<Uint8Array, Map<string, Uint8Array>>();

interface SubsetInternals {
  /** fontkit's Subset: original glyph ids in subset order. */
  subset: { glyphs: number[] };
  serializeFont(): Promise<Uint8Array>;
}

function reuseSerialisedSubsets(embedder: CustomFontSubsetEmbedder, fontBytes: Uint8Array): void {
  const internals = embedder as unknown as SubsetInternals;
  const serialise = internals.serializeFont.bind(embedder);
  internals.serializeFont = async () => {
    let subsets = serialisedSubsets.get(fontBytes);
    if (!subsets) serialisedSubsets.set(fontBytes, (subsets = new Map()));
    const key = internals.subset.glyphs.join(',');
    let bytes = subsets.get(key);
    if (!bytes) {
      bytes = await serialise();
      if (subsets.size >= MAX_SUBSETS_PER_FONT) subsets.delete(subsets.keys().next().value as string);
      subsets.set(key, bytes);
    }
    return bytes;
  };
  embedder.encodeText(COMMON_GLYPHS);
}

/**
 * Builds a form XObject for a widget's normal appearance (/AP /N) out of text and PNG images.
 * Fonts are subset to the glyphs actually drawn, so they must all be drawn before `build()`.
 */
export class AppearanceBuilder {
  private readonly operators: string[] = [];
  private readonly fonts: AppearanceFont[] = [];
  private readonly images: AppearanceImage[] = [];

  constructor(private readonly context: PDFContext) {}

  async font(bytes: Uint8Array): Promise<AppearanceFont> {
    const embedder = await CustomFontSubsetEmbedder.for(cachingFontkit, bytes);
    reuseSerialisedSubsets(embedder, bytes);
    const font = { name: `F${this.fonts.length + 1}`, embedder, ref: this.context.nextRef() };
    this.fonts.push(font);
    return font;
  }

  async image(png: Uint8Array): Promise<AppearanceImage> {
    const embedder = await loadPngImage(png);
    const image = { name: `Im${this.images.length + 1}`, embedder, ref: this.context.nextRef(), width: embedder.width, height: embedder.height };
    this.images.push(image);
    return image;
  }

  drawImage(image: AppearanceImage, x: number, y: number, width: number, height: number): void {
    this.operators.push(`q ${fmt(width)} 0 0 ${fmt(height)} ${fmt(x)} ${fmt(y)} cm /${image.name} Do Q`);
  }

  /** Filled rectangles in one colour (the QR code's dark modules). */
  fillRects(rects: Array<[number, number, number, number]>, colour: Colour = [0, 0, 0]): void {
    if (rects.length === 0) return;
    this.operators.push(`${colour.map(fmt).join(' ')} rg ${rects.map((r) => `${r.map(fmt).join(' ')} re`).join(' ')} f`);
  }

  drawText(font: AppearanceFont, text: string, x: number, y: number, size: number, colour: Colour = [0, 0, 0]): void {
    const encoded = font.embedder.encodeText(text.normalize('NFC')).toString();
    this.operators.push(
      `BT /${font.name} ${fmt(size)} Tf ${colour.map(fmt).join(' ')} rg ${fmt(x)} ${fmt(y)} Td ${encoded} Tj ET`,
    );
  }

  /** Embeds the fonts and images and registers the appearance stream, whose box is width × height. */
  async build(width: number, height: number): Promise<PDFRef> {
    for (const font of this.fonts) await font.embedder.embedIntoContext(this.context, font.ref);
    for (const image of this.images) await image.embedder.embedIntoContext(this.context, image.ref);
    const resources: Record<string, Record<string, PDFRef>> = {};
    if (this.fonts.length) resources.Font = Object.fromEntries(this.fonts.map((f) => [f.name, f.ref]));
    if (this.images.length) resources.XObject = Object.fromEntries(this.images.map((i) => [i.name, i.ref]));
    const stream = this.context.flateStream(this.operators.join('\n'), {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: [0, 0, width, height],
      Resources: resources,
    });
    return this.context.register(stream);
  }
}

/**
 * Widths need fontkit's full layout (shaping, kerning: ~0.1 ms a call), and fitting and wrapping
 * measure the same names and words for every document; a width is linear in the size, so the
 * width at size 1 is kept per parsed font and text.
 */
const MAX_WIDTHS_PER_FONT = 4096;
const unitWidths = new WeakMap<object, Map<string, number>>();

export function textWidth(font: AppearanceFont, text: string, size: number): number {
  let widths = unitWidths.get(font.embedder.font);
  if (!widths) unitWidths.set(font.embedder.font, (widths = new Map()));
  const normalised = text.normalize('NFC');
  let width = widths.get(normalised);
  if (width === undefined) {
    width = font.embedder.widthOfTextAtSize(normalised, 1);
    if (widths.size >= MAX_WIDTHS_PER_FONT) widths.clear();
    widths.set(normalised, width);
  }
  return width * size;
}

/** The largest size ≤ `preferred` (and ≥ `minimum`) at which `text` fits in `maxWidth`. */
export function fitFontSize(font: AppearanceFont, text: string, maxWidth: number, preferred: number, minimum = 5): number {
  const width = textWidth(font, text, preferred);
  return width <= maxWidth ? preferred : Math.max(minimum, (preferred * maxWidth) / width);
}

/** Greedy word wrap at a fixed size. */
export function wrapText(font: AppearanceFont, text: string, maxWidth: number, size: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.normalize('NFC').split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && textWidth(font, candidate, size) > maxWidth) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}
