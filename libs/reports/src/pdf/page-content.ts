import { deflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFPage } from 'pdf-lib';
import type { ReportFont } from './report-font';

/**
 * The operators of one page's content stream, written as text. pdf-lib's drawText keeps an
 * object per operator until the document is saved; a register of a thousand pages would hold
 * millions of them, so pages are written as compressed streams as soon as they are done.
 */
export class PageContent {
  private readonly ops: string[] = ['0.5 w'];

  text(font: ReportFont, size: number, x: number, baseline: number, line: string): void {
    if (!line) return;
    this.ops.push(`BT /${font.resourceName} ${size} Tf 1 0 0 1 ${n(x)} ${n(baseline)} Tm <${font.glyphCodes(line)}> Tj ET`);
  }

  line(x1: number, y1: number, x2: number, y2: number): void {
    this.ops.push(`${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S`);
  }

  /** A grey-filled rectangle (0 black … 1 white), e.g. behind the header row. */
  shade(x: number, y: number, width: number, height: number, grey: number): void {
    this.ops.push(`${grey} g ${n(x)} ${n(y)} ${n(width)} ${n(height)} re f 0 g`);
  }

  /** A rectangle filled with an RGB colour (components 0–1), e.g. a bar of a chart. */
  fill(x: number, y: number, width: number, height: number, rgb: Rgb): void {
    this.ops.push(`${rgbText(rgb)} rg ${n(x)} ${n(y)} ${n(width)} ${n(height)} re f 0 g`);
  }

  /** Connected segments through `points` in an RGB colour and a line width, e.g. a trend line. */
  polyline(points: readonly [number, number][], rgb: Rgb, width: number): void {
    if (points.length < 2) return;
    const path = points.map(([x, y], i) => `${n(x)} ${n(y)} ${i === 0 ? 'm' : 'l'}`).join(' ');
    this.ops.push(`q ${rgbText(rgb)} RG ${n(width)} w 1 j ${path} S Q`);
  }

  /** A thin grey line (grid lines behind a chart). */
  greyLine(x1: number, y1: number, x2: number, y2: number, grey: number): void {
    this.ops.push(`q ${grey} G ${n(x1)} ${n(y1)} m ${n(x2)} ${n(y2)} l S Q`);
  }

  /** Appends the operators to the page as one content stream, compressed by Node's zlib (pdf-lib's pako is several times slower). */
  writeTo(doc: PDFDocument, page: PDFPage, fonts: readonly ReportFont[]): void {
    for (const font of fonts) page.node.setFontDictionary(PDFName.of(font.resourceName), font.pdfFont.ref);
    const compressed = deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'));
    page.node.addContentStream(doc.context.register(doc.context.stream(compressed, { Filter: 'FlateDecode' })));
  }
}

/** Red, green, blue, each 0–1. */
export type Rgb = readonly [number, number, number];

function rgbText(rgb: Rgb): string {
  return rgb.map((c) => n(c)).join(' ');
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
