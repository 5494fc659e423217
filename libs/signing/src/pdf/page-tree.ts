import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFRef } from 'pdf-lib';
import { SigningError } from '../errors/signing-error';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Page leaves in document order. */
export function listPages(context: PDFContext, catalog: PDFDict): PDFRef[] {
  const pages: PDFRef[] = [];
  const visit = (node: PDFRef, depth: number): void => {
    if (depth > 64) throw new SigningError('PDF_MALFORMED', 'Page tree too deep or cyclic');
    const dict = context.lookup(node);
    if (!(dict instanceof PDFDict)) throw new SigningError('PDF_MALFORMED', `Page tree node ${node} is not a dictionary`);
    const kids = dict.lookup(PDFName.of('Kids'));
    if (kids instanceof PDFArray) {
      kids.asArray().forEach((kid) => {
        if (kid instanceof PDFRef) visit(kid, depth + 1);
      });
    } else {
      pages.push(node);
    }
  };
  const root = catalog.get(PDFName.of('Pages'));
  if (!(root instanceof PDFRef)) throw new SigningError('PDF_MALFORMED', 'Catalog has no /Pages reference');
  visit(root, 0);
  if (pages.length === 0) throw new SigningError('PDF_MALFORMED', 'The PDF has no pages');
  return pages;
}

/** The visible page area: /CropBox, else /MediaBox, inherited through /Parent. */
export function pageBox(context: PDFContext, page: PDFRef): Rect {
  for (const key of ['CropBox', 'MediaBox']) {
    const box = inherited(context, page, key);
    if (box instanceof PDFArray && box.size() === 4) {
      const [x1, y1, x2, y2] = box.asArray().map((n) => (context.lookup(n) as PDFNumber).asNumber());
      return { x: Math.min(x1, x2), y: Math.min(y1, y2), width: Math.abs(x2 - x1), height: Math.abs(y2 - y1) };
    }
  }
  throw new SigningError('PDF_MALFORMED', `Page ${page} has no MediaBox`);
}

function inherited(context: PDFContext, node: PDFRef, key: string): unknown {
  let current: PDFDict | undefined = context.lookup(node) as PDFDict;
  for (let depth = 0; current && depth < 64; depth += 1) {
    const value = current.lookup(PDFName.of(key));
    if (value) return value;
    const parent: unknown = current.lookup(PDFName.of('Parent'));
    current = parent instanceof PDFDict ? parent : undefined;
  }
  return undefined;
}

export function resolvePageIndex(pages: PDFRef[], page: number | 'last' | undefined): PDFRef {
  const index = page === undefined || page === 'last' ? pages.length - 1 : page;
  const ref = pages[index];
  if (!ref) throw new SigningError('INVALID_ARGUMENT', `Page index ${index} out of range (the PDF has ${pages.length} pages)`);
  return ref;
}
