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

  /** Appends the operators to the page as one content stream, compressed by Node's zlib (pdf-lib's pako is several times slower). */
  writeTo(doc: PDFDocument, page: PDFPage, fonts: readonly ReportFont[]): void {
    for (const font of fonts) page.node.setFontDictionary(PDFName.of(font.resourceName), font.pdfFont.ref);
    const compressed = deflateSync(Buffer.from(this.ops.join('\n'), 'latin1'));
    page.node.addContentStream(doc.context.register(doc.context.stream(compressed, { Filter: 'FlateDecode' })));
  }
}

function n(value: number): string {
  return String(Math.round(value * 100) / 100);
}
