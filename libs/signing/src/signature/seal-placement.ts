import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFRawStream, PDFRef } from 'pdf-lib';
import { fitImage, leaderImageBox } from '../appearance/leader-appearance';
import { POINTS_PER_MM, readPngMetadata } from '../appearance/png-metadata';
import { SigningError } from '../errors/signing-error';
import { FormField, widgetOf, widgetRect } from '../form/acroform';
import { listPages, Rect } from '../pdf/page-tree';
import { decodeStreamContents } from '../pdf/stream-decoder';

/** Where the leader's signature image is painted, in page coordinates, and on which page. */
export function locateLeaderImage(context: PDFContext, catalog: PDFDict, leader: FormField): { page: number; image: Rect } {
  const widget = widgetOf(context, leader);
  const [x1, y1, x2, y2] = widgetRect(widget.dict);
  const pages = listPages(context, catalog);
  const page = pageOfWidget(context, pages, widget.ref, widget.dict);
  const pixels = appearanceImageSize(context, widget.dict);
  // Where the appearance paints its image, when it says so plainly (ours do, title lines or not);
  // else our leader layout from the image's size; anything else: assume the image fills the widget.
  const local = paintedImageRect(widget.dict)
    ?? (pixels ? fitImage(leaderImageBox(x2 - x1, y2 - y1), pixels.width, pixels.height) : { x: 0, y: 0, width: x2 - x1, height: y2 - y1 });
  return { page, image: { ...local, x: local.x + x1, y: local.y + y1 } };
}

/**
 * ND 30 Phụ lục I: the seal overlaps about one third of the signature image, on its left. The
 * seal's right edge sits one third into the image, vertically centred on it.
 */
export function sealRect(leaderImage: Rect, sealSize: number): Rect {
  return {
    x: leaderImage.x + leaderImage.width / 3 - sealSize,
    y: leaderImage.y + leaderImage.height / 2 - sealSize / 2,
    width: sealSize,
    height: sealSize,
  };
}

/** Seal diameter in points: explicit, else from the PNG's recorded physical size. */
export function sealSizeInPoints(sealImage: Uint8Array, diameterMm?: number): number {
  if (diameterMm !== undefined) {
    if (!(diameterMm > 10 && diameterMm < 100)) throw new SigningError('INVALID_ARGUMENT', `Implausible seal diameter ${diameterMm} mm`);
    return diameterMm * POINTS_PER_MM;
  }
  const metadata = readPngMetadata(sealImage);
  if (metadata.widthMm === undefined) {
    throw new SigningError('IMAGE_INVALID', 'The seal PNG records no physical size (pHYs); pass sealDiameterMm');
  }
  return metadata.widthMm * POINTS_PER_MM;
}

function pageOfWidget(context: PDFContext, pages: PDFRef[], widgetRef: PDFRef, widget: PDFDict): number {
  const declared = widget.get(PDFName.of('P'));
  const byP = declared instanceof PDFRef ? pages.findIndex((p) => p === declared) : -1;
  if (byP >= 0) return byP;
  const found = pages.findIndex((page) => {
    const annots = (context.lookup(page) as PDFDict).lookup(PDFName.of('Annots'));
    return annots instanceof PDFArray && annots.asArray().some((a) => a === widgetRef);
  });
  if (found < 0) throw new SigningError('PDF_MALFORMED', 'The leader signature widget is on no page');
  return found;
}

/** The rectangle of the first `q w 0 0 h x y cm /Name Do Q` of the normal appearance, as AppearanceBuilder writes an image. */
function paintedImageRect(widget: PDFDict): Rect | undefined {
  const ap = widget.lookup(PDFName.of('AP'));
  const normal = ap instanceof PDFDict ? ap.lookup(PDFName.of('N')) : undefined;
  if (!(normal instanceof PDFRawStream)) return undefined;
  let content: string;
  try {
    content = Buffer.from(decodeStreamContents(normal)).toString('latin1');
  } catch {
    return undefined;
  }
  const match = /q ([\d.]+) 0 0 ([\d.]+) (-?[\d.]+) (-?[\d.]+) cm \/Im\w* Do Q/.exec(content);
  if (!match) return undefined;
  const [width, height, x, y] = match.slice(1, 5).map(Number);
  return [width, height, x, y].every(Number.isFinite) && width > 0 && height > 0 ? { x, y, width, height } : undefined;
}

function appearanceImageSize(context: PDFContext, widget: PDFDict): { width: number; height: number } | undefined {
  const ap = widget.lookup(PDFName.of('AP'));
  const normal = ap instanceof PDFDict ? ap.lookup(PDFName.of('N')) : undefined;
  if (!(normal instanceof PDFRawStream)) return undefined;
  const resources = normal.dict.lookup(PDFName.of('Resources'));
  const xobjects = resources instanceof PDFDict ? resources.lookup(PDFName.of('XObject')) : undefined;
  if (!(xobjects instanceof PDFDict)) return undefined;
  for (const value of xobjects.values()) {
    const image = context.lookup(value);
    if (image instanceof PDFRawStream && image.dict.lookup(PDFName.of('Subtype')) === PDFName.of('Image')) {
      const width = image.dict.lookup(PDFName.of('Width'));
      const height = image.dict.lookup(PDFName.of('Height'));
      if (width instanceof PDFNumber && height instanceof PDFNumber) return { width: width.asNumber(), height: height.asNumber() };
    }
  }
  return undefined;
}
