import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DraftLayout } from '../src/form/draft-preparer';
import { runTool, tempFile } from './external-tools';

/** Words the PDF must still carry after signing: pdftotext finds them only if LibreOffice embedded the text. */
export const LIBREOFFICE_DECISION_PHRASES = ['QUYẾT ĐỊNH', 'Điều 1. Công nhận kết quả kỳ thi chọn học sinh giỏi', 'Phó Giám đốc'];

const ODF = {
  office: 'urn:oasis:names:tc:opendocument:xmlns:office:1.0',
  style: 'urn:oasis:names:tc:opendocument:xmlns:style:1.0',
  text: 'urn:oasis:names:tc:opendocument:xmlns:text:1.0',
  fo: 'urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0',
  svg: 'urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0',
};

/**
 * A two-page decision written as an OpenDocument text (the flat, single-file .fodt form of .odt)
 * with Vietnamese text, A4 and ND 30 margins, so that LibreOffice lays it out and embeds the fonts.
 */
function decisionFodt(): string {
  const paragraph = (text: string, style = 'Body'): string => `<text:p text:style-name="${style}">${text}</text:p>`;
  const body = [
    paragraph('UBND TỈNH TÂY NINH', 'Centre'),
    paragraph('SỞ GIÁO DỤC VÀ ĐÀO TẠO', 'CentreBold'),
    paragraph('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'CentreBold'),
    paragraph('Độc lập - Tự do - Hạnh phúc', 'CentreBold'),
    paragraph(''), paragraph(''), paragraph(''),
    paragraph('QUYẾT ĐỊNH', 'CentreBold'),
    paragraph('Về việc công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh', 'CentreBold'),
    paragraph('Điều 1. Công nhận kết quả kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026–2027 đối với 125 học sinh có tên trong danh sách kèm theo.'),
    paragraph('Điều 2. Quyết định này có hiệu lực kể từ ngày ký.', 'BreakAfter'),
    paragraph('Điều 3. Chánh Văn phòng, Trưởng phòng Giáo dục trung học và Thủ trưởng các đơn vị có liên quan chịu trách nhiệm thi hành Quyết định này./.'),
    paragraph('KT. GIÁM ĐỐC', 'RightBold'),
    paragraph('Phó Giám đốc', 'RightBold'),
  ].join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document ${Object.entries(ODF).map(([prefix, uri]) => `xmlns:${prefix}="${uri}"`).join(' ')} office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="DejaVu Serif" fo:font-size="13pt" fo:language="vi" fo:country="VN"/></style:default-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="20mm" fo:margin-bottom="20mm" fo:margin-left="30mm" fo:margin-right="15mm"/></style:page-layout>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:margin-bottom="6pt"/></style:style>
<style:style style:name="BreakAfter" style:family="paragraph"><style:paragraph-properties fo:break-after="page"/></style:style>
<style:style style:name="Centre" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/></style:style>
<style:style style:name="CentreBold" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="RightBold" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="20mm"/><style:text-properties fo:font-weight="bold"/></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4"/></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`;
}

/**
 * Converts the decision with `soffice --headless --convert-to pdf`, as the worker converts
 * officers' drafts, with a profile directory of its own (a second soffice sharing a profile
 * would hand the job to the first and exit).
 */
export function buildLibreOfficeDecision(): Buffer {
  const dir = tempFile(`libreoffice-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(dir);
  const source = join(dir, 'quyet-dinh.fodt');
  writeFileSync(source, decisionFodt());
  const profile = join(tmpdir(), `eoffice-soffice-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const result = runTool('soffice', [
      `-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, source,
    ], { timeoutMs: 120_000 });
    if (result.status !== 0) throw new Error(`soffice failed (${result.status}): ${result.stdout}${result.stderr}`);
    return readFileSync(join(dir, 'quyet-dinh.pdf'));
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Boxes 3 and 4 in the blank lines under the headings of page 1; box 7c above the signer's title. */
export const LIBREOFFICE_LAYOUT: DraftLayout = {
  leaderSignature: { page: 'last', rect: { x: 350, y: 520, width: 160, height: 95 } },
  documentNumber: { page: 0, rect: { x: 85, y: 690, width: 200, height: 20 } },
  issueDateLine: { page: 0, rect: { x: 290, y: 690, width: 260, height: 20 } },
};
