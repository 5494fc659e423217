// A realistic large PDF for the signing benchmark: the scanned annex of a decision, one
// grey-scale page image (A4 at 150 dpi, Flate-compressed like a scanner's lossless output) per
// page plus a Vietnamese text layer, with pages added until the file reaches the wanted size.
import fontkit from '@pdf-lib/fontkit';
import { randomFillSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import {
  concatTransformationMatrix, drawObject, PDFDocument, PDFFont, PDFPage, PDFRef, popGraphicsState, pushGraphicsState,
} from 'pdf-lib';

const A4 = { width: 595.28, height: 841.89 };
const SCAN = { width: 1240, height: 1754 };

export const LARGE_PDF_LAYOUT = {
  leaderSignature: { page: 'last' as const, rect: { x: 330, y: 60, width: 160, height: 95 } },
  documentNumber: { page: 0, rect: { x: 60, y: 800, width: 180, height: 20 } },
  issueDateLine: { page: 0, rect: { x: 270, y: 800, width: 280, height: 20 } },
};

/** Builds a PDF of at least `targetBytes` (classic cross-reference table, as LibreOffice writes). */
export async function buildLargePdf(targetBytes: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fontPath = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf', 'DejaVuSerif.ttf');
  const font = await doc.embedFont(readFileSync(fontPath), { subset: true });
  doc.setTitle('Phụ lục kèm theo Quyết định — bản quét');
  // The text layer and the font take ~40 KB; the last page's scan is cut to land on the target.
  let remaining = targetBytes - 40 * 1024;
  for (let page = 0; remaining > 0; page += 1) {
    const fullPage = scannedPageImage(page, SCAN.height);
    const scan = fullPage.data.length <= remaining ? fullPage
      : scannedPageImage(page, Math.max(16, Math.floor((SCAN.height * remaining) / fullPage.data.length)));
    remaining -= scan.data.length;
    addScannedPage(doc, font, page, scan);
  }
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

interface ScannedImage {
  data: Buffer;
  rows: number;
}

function addScannedPage(doc: PDFDocument, font: PDFFont, index: number, scan: ScannedImage): void {
  const page = doc.addPage([A4.width, A4.height]);
  const image = doc.context.register(doc.context.stream(scan.data, {
    Type: 'XObject', Subtype: 'Image', Width: SCAN.width, Height: scan.rows,
    ColorSpace: 'DeviceGray', BitsPerComponent: 8, Filter: 'FlateDecode',
  }));
  drawImage(page, image, (A4.height * scan.rows) / SCAN.height);
  const lines = [`Trang ${index + 1} — Danh sách học sinh đạt giải kỳ thi chọn học sinh giỏi cấp tỉnh`,
    'Sở Giáo dục và Đào tạo tỉnh Tây Ninh — Độc lập - Tự do - Hạnh phúc'];
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 40 - i * 12, size: 8, font }));
}

function drawImage(page: PDFPage, image: PDFRef, height: number): void {
  const name = page.node.newXObject('Scan', image);
  const top = A4.height - height;
  page.pushOperators(pushGraphicsState(), concatTransformationMatrix(A4.width, 0, 0, height, 0, top), drawObject(name), popGraphicsState());
}

/** Paper-white background, dark text-like bands and sensor noise: compresses like a real scan (~35 %). */
function scannedPageImage(seed: number, rows: number): ScannedImage {
  const pixels = Buffer.alloc(SCAN.width * rows);
  randomFillSync(pixels);
  for (let row = 0; row < rows; row += 1) {
    const inTextLine = row % 40 > 24 && row > 150 && row < SCAN.height - 150;
    const base = row * SCAN.width;
    for (let column = 0; column < SCAN.width; column += 1) {
      const noise = pixels[base + column] & 0x07;
      const ink = inTextLine && column > 140 && column < 1100 && ((column * 7 + row + seed) % 13) < 6;
      pixels[base + column] = ink ? 30 + noise : 220 + (noise >> 1);
    }
  }
  return { data: deflateSync(pixels, { level: 1 }), rows };
}
