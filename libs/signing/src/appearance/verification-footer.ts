import { PDFName, PDFString } from 'pdf-lib';
import { appendToArray } from '../form/acroform';
import type * as QrCode from 'qrcode';
import { listPages, resolvePageIndex } from '../pdf/page-tree';
import { PdfUpdate } from '../pdf/pdf-update';
import { AppearanceBuilder, fitFontSize } from './appearance-builder';
import { FontFiles, fontFile } from './font-files';

export interface VerificationLink {
  /** The short public link, e.g. https://vanban.example.gov.vn/verify/Q3x…; also encoded in the QR code. */
  url: string;
  /** Text above the link; default "Tra cứu, xác thực văn bản:". */
  label?: string;
  /** Page index (0-based) or 'last'; default the first page. */
  page?: number | 'last';
}

const QR_SIZE = 56;
const MARGIN = 4;
const TEXT_WIDTH = 220;
const LABEL = 'Tra cứu, xác thực văn bản:';

/** The QR code's modules as rectangles in a square of `size` points (2 modules of quiet zone inside it). */
export function qrRects(url: string, size: number): Array<[number, number, number, number]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- qrcode loads only when a link is printed
  const { create } = require('qrcode') as typeof QrCode;
  const modules = create(url, { errorCorrectionLevel: 'M' }).modules;
  const cell = size / (modules.size + 4);
  const rects: Array<[number, number, number, number]> = [];
  for (let row = 0; row < modules.size; row += 1) {
    for (let column = 0; column < modules.size; column += 1) {
      if (modules.get(row, column)) rects.push([(column + 2) * cell, size - (row + 3) * cell, cell, cell]);
    }
  }
  return rects;
}

/**
 * A footer with the verification link and its QR code at the bottom left of a page, as a locked,
 * printable stamp annotation in the revision that carries the agency's signature: the signature
 * covers it, and a verifier counts it as an annotation added with the signature.
 */
export async function addVerificationFooter(update: PdfUpdate, link: VerificationLink, fonts?: Partial<FontFiles>): Promise<void> {
  const builder = new AppearanceBuilder(update.context);
  const font = await builder.font(fontFile('regular', fonts));
  const label = link.label ?? LABEL;
  const width = QR_SIZE + MARGIN + TEXT_WIDTH;
  builder.fillRects(qrRects(link.url, QR_SIZE));
  builder.drawText(font, label, QR_SIZE + MARGIN, QR_SIZE / 2 + 4, fitFontSize(font, label, TEXT_WIDTH, 8));
  builder.drawText(font, link.url, QR_SIZE + MARGIN, QR_SIZE / 2 - 8, fitFontSize(font, link.url, TEXT_WIDTH, 8), [0, 0, 0.6]);
  const appearance = await builder.build(width, QR_SIZE);
  const pages = listPages(update.context, update.catalog);
  const page = resolvePageIndex(pages, link.page ?? 0);
  const x = 42;
  const y = 8;
  const annotation = update.context.obj({
    Type: 'Annot',
    Subtype: 'Stamp',
    Name: 'Verification',
    F: 4 | 64 | 128, // print, read-only, locked
    Rect: [x, y, x + width, y + QR_SIZE],
    P: page,
    AP: { N: appearance },
  });
  annotation.set(PDFName.of('Contents'), PDFString.of(link.url));
  const ref = update.register(annotation);
  appendToArray(update, update.dict(page), page, 'Annots', ref);
}
