import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFFont, PDFPage, rgb } from 'pdf-lib';
import { defaultFontFile } from '../src/appearance/font-files';
import { DraftLayout } from '../src/form/draft-preparer';

/**
 * A two-page decision (Quyết định) laid out like ND 30 Phụ lục I, with boxes 3 (số), 4 (date)
 * and 7c (signature) left blank for the fields `prepareDraft` adds. Without `printedSigningBlock`,
 * boxes 7a/7b are blank too: the signature appearance then carries the only signing notation.
 */
export async function buildDecisionSource(useObjectStreams: boolean, printedSigningBlock = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(defaultFontFile('regular'), { subset: true });
  const bold = await doc.embedFont(defaultFontFile('bold'), { subset: true });
  const first = doc.addPage([595.28, 841.89]);
  centred(first, 'UBND TỈNH TÂY NINH', 150, 790, regular, 12);
  centred(first, 'SỞ GIÁO DỤC VÀ ĐÀO TẠO', 150, 775, bold, 12);
  centred(first, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 410, 790, bold, 12);
  centred(first, 'Độc lập - Tự do - Hạnh phúc', 410, 775, bold, 13);
  centred(first, 'QUYẾT ĐỊNH', 297, 690, bold, 14);
  centred(first, 'Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh', 297, 672, bold, 13);
  paragraph(first, regular, 630, 'Điều 1. Công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026–2027 đối với 125 học sinh có tên trong danh sách kèm theo.');
  paragraph(first, regular, 570, 'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Đơn vị tổ chức thi chịu trách nhiệm công bố kết quả.');
  const last = doc.addPage([595.28, 841.89]);
  paragraph(last, regular, 780, 'Điều 3. Chánh Văn phòng, Trưởng phòng Giáo dục trung học và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.');
  last.drawText('Nơi nhận:', { x: 60, y: 530, size: 12, font: bold });
  ['- Như Điều 3;', '- Lưu: VT, GDTrH.'].forEach((line, i) => last.drawText(line, { x: 60, y: 515 - i * 13, size: 11, font: regular }));
  if (printedSigningBlock) {
    centred(last, 'KT. GIÁM ĐỐC', 410, 530, bold, 13);
    centred(last, 'PHÓ GIÁM ĐỐC', 410, 515, bold, 13);
  }
  // Box 7b (the name) is left to the signature appearance, which prints it under the image.
  return doc.save({ useObjectStreams });
}

export const DECISION_LAYOUT: DraftLayout = {
  leaderSignature: { page: 'last', rect: { x: 330, y: 410, width: 160, height: 95 } },
  documentNumber: { page: 0, rect: { x: 60, y: 740, width: 180, height: 20 } },
  issueDateLine: { page: 0, rect: { x: 270, y: 740, width: 280, height: 20 } },
};

/** A one-page appendix (phụ lục) in a separate file. */
export async function buildAppendixSource(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(defaultFontFile('regular'), { subset: true });
  const bold = await doc.embedFont(defaultFontFile('bold'), { subset: true });
  const page = doc.addPage([595.28, 841.89]);
  centred(page, 'Phụ lục', 297, 760, bold, 14);
  centred(page, 'DANH SÁCH HỌC SINH ĐẠT GIẢI', 297, 742, bold, 13);
  ['1. Trần Thị Ánh — Ngữ văn — Giải Nhất', '2. Lê Đức Thắng — Toán — Giải Nhì'].forEach((line, i) =>
    page.drawText(line, { x: 70, y: 700 - i * 18, size: 12, font: regular }));
  return doc.save({ useObjectStreams: false });
}

function centred(page: PDFPage, text: string, centreX: number, y: number, font: PDFFont, size: number): void {
  page.drawText(text, { x: centreX - font.widthOfTextAtSize(text, size) / 2, y, size, font, color: rgb(0, 0, 0) });
}

function paragraph(page: PDFPage, font: PDFFont, top: number, text: string): void {
  const words = text.split(' ');
  let line = '';
  let y = top;
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, 13) > 460) {
      page.drawText(line, { x: 85, y, size: 13, font });
      y -= 18;
      line = word;
    } else {
      line = candidate;
    }
  }
  page.drawText(line, { x: 85, y, size: 13, font });
}
