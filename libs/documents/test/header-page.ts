import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';

/** One document's page 1 as Decree 30 Phụ lục I lays it out; what the recogniser should read back. */
export interface HeaderSpec {
  parentAuthority: string | null;
  /** The issuing authority as printed, one entry per line (bold). */
  issuerLines: string[];
  numberSymbol: string;
  place: string;
  /** ISO date. */
  date: string;
  /** Null for a công văn: no type line, its "V/v …" goes under the number. */
  documentType: string | null;
  subject: string;
  urgency: 'KHẨN' | 'THƯỢNG KHẨN' | 'HỎA TỐC' | null;
  confidentiality: 'MẬT' | 'TỐI MẬT' | 'TUYỆT MẬT' | null;
  recipients: string | null;
  body: string[];
  signer: { position: string[]; name: string } | null;
}

const A4: [number, number] = [595.28, 841.89];
const LEFT_MARGIN = 85; // 30 mm
const RIGHT_EDGE = 538; // 20 mm from the right
const LEFT_CELL = { centre: 178, width: 190 };
const RIGHT_CELL = { centre: 418, width: 245 };
const TEXT_CENTRE = (LEFT_MARGIN + RIGHT_EDGE) / 2;

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
  boldItalic: PDFFont;
}

function fontBytes(file: string): Uint8Array {
  return readFileSync(join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf', file));
}

/** The page as a text PDF (DejaVu Serif standing in for Times New Roman, as the product's own PDFs do). */
export async function renderHeaderPdf(spec: HeaderSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const fonts: Fonts = {
    regular: await doc.embedFont(fontBytes('DejaVuSerif.ttf'), { subset: true }),
    bold: await doc.embedFont(fontBytes('DejaVuSerif-Bold.ttf'), { subset: true }),
    italic: await doc.embedFont(fontBytes('DejaVuSerif-Italic.ttf'), { subset: true }),
    boldItalic: await doc.embedFont(fontBytes('DejaVuSerif-BoldItalic.ttf'), { subset: true }),
  };
  const page = doc.addPage(A4);
  let left = 785;
  if (spec.parentAuthority) left = centredFit(page, spec.parentAuthority, LEFT_CELL, left, fonts.regular, 12) - 15;
  for (const line of spec.issuerLines) left = centredFit(page, line, LEFT_CELL, left, fonts.bold, 12) - 15;
  rule(page, LEFT_CELL.centre, left + 10, 50);
  let right = centredFit(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT_CELL, 785, fonts.bold, 11.5) - 15;
  right = centredFit(page, 'Độc lập - Tự do - Hạnh phúc', RIGHT_CELL, right, fonts.bold, 12.5);
  rule(page, RIGHT_CELL.centre, right - 5, 150);
  const numberY = Math.min(left, right - 15) - 12;
  centredFit(page, `Số: ${spec.numberSymbol}`, LEFT_CELL, numberY, fonts.regular, 12.5);
  const [year, month, day] = spec.date.split('-');
  centredFit(page, `${spec.place}, ngày ${day} tháng ${month} năm ${year}`, RIGHT_CELL, numberY, fonts.italic, 12.5);
  let y = numberY - 18;
  if (!spec.documentType) {
    for (const line of wrap(spec.subject, fonts.regular, 11.5, LEFT_CELL.width)) y = centredFit(page, line, LEFT_CELL, y, fonts.regular, 11.5) - 13;
  }
  y = marks(page, spec, fonts.bold, y - 6);
  if (spec.documentType) {
    y = Math.min(y, numberY - 40);
    centredFit(page, spec.documentType.toLocaleUpperCase('vi'), { centre: TEXT_CENTRE, width: 450 }, y, fonts.bold, 14);
    y -= 18;
    for (const line of wrap(spec.subject, fonts.bold, 13, 400)) y = centredFit(page, line, { centre: TEXT_CENTRE, width: 450 }, y, fonts.bold, 13) - 16;
    rule(page, TEXT_CENTRE, y + 10, 120);
    y -= 14;
  } else y = Math.min(y, numberY - 60);
  if (spec.recipients) {
    centredFit(page, `Kính gửi: ${spec.recipients}`, { centre: TEXT_CENTRE, width: 450 }, y, fonts.regular, 13);
    y -= 26;
  }
  for (const paragraph of spec.body) y = paragraphAt(page, paragraph, fonts.regular, y) - 6;
  if (spec.signer) signerBlock(page, spec.signer, fonts, y - 10);
  return doc.save({ useObjectStreams: false });
}

function marks(page: PDFPage, spec: HeaderSpec, font: PDFFont, y: number): number {
  for (const mark of [spec.urgency, spec.confidentiality]) {
    if (!mark) continue;
    const width = font.widthOfTextAtSize(mark, 13);
    page.drawRectangle({ x: LEFT_CELL.centre - width / 2 - 6, y: y - 5, width: width + 12, height: 20, borderWidth: 1, borderColor: rgb(0, 0, 0) });
    page.drawText(mark, { x: LEFT_CELL.centre - width / 2, y, size: 13, font, color: rgb(0, 0, 0) });
    y -= 28;
  }
  return y;
}

function signerBlock(page: PDFPage, signer: NonNullable<HeaderSpec['signer']>, fonts: Fonts, top: number): void {
  page.drawText('Nơi nhận:', { x: LEFT_MARGIN, y: top, size: 11.5, font: fonts.boldItalic });
  ['- Như trên;', '- Lưu: VT.'].forEach((line, i) => page.drawText(line, { x: LEFT_MARGIN, y: top - 14 - i * 13, size: 10.5, font: fonts.regular }));
  let y = top;
  for (const line of signer.position) y = centredFit(page, line, RIGHT_CELL, y, fonts.bold, 12.5) - 15;
  centredFit(page, signer.name, RIGHT_CELL, y - 60, fonts.bold, 12.5);
}

/** Draws a line centred in its cell, smaller when it would not fit; answers its baseline. */
function centredFit(page: PDFPage, text: string, cell: { centre: number; width: number }, y: number, font: PDFFont, size: number): number {
  let fitted = size;
  while (fitted > 8 && font.widthOfTextAtSize(text, fitted) > cell.width) fitted -= 0.5;
  page.drawText(text, { x: cell.centre - font.widthOfTextAtSize(text, fitted) / 2, y, size: fitted, font, color: rgb(0, 0, 0) });
  return y;
}

function rule(page: PDFPage, centre: number, y: number, width: number): void {
  page.drawLine({ start: { x: centre - width / 2, y }, end: { x: centre + width / 2, y }, thickness: 0.6, color: rgb(0, 0, 0) });
}

export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function paragraphAt(page: PDFPage, text: string, font: PDFFont, top: number): number {
  let y = top;
  for (const [index, line] of wrap(text, font, 12.5, RIGHT_EDGE - LEFT_MARGIN - 28).entries()) {
    page.drawText(line, { x: LEFT_MARGIN + (index === 0 ? 28 : 0), y, size: 12.5, font, color: rgb(0, 0, 0) });
    y -= 17;
  }
  return y;
}
