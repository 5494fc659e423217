import fontkit from '@pdf-lib/fontkit';
import { CustomFontSubsetEmbedder, PDFContext, PDFRef } from 'pdf-lib';
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

type ParsedFont = ReturnType<typeof fontkit.create>;

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
      font = fontkit.create(bytes);
      parsedFonts.set(bytes, font);
    }
    return font;
  },
};

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

export function textWidth(font: AppearanceFont, text: string, size: number): number {
  return font.embedder.widthOfTextAtSize(text.normalize('NFC'), size);
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
