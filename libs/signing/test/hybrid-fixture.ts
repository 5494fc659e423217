import { deflateSync } from 'node:zlib';
import { DraftLayout } from '../src/form/draft-preparer';

/**
 * A hand-made hybrid-reference file (ISO 32000-1 §7.5.8.4): a classic xref table for PDF 1.4
 * readers plus an /XRefStm stream listing the font and the Info dictionary, which live in an
 * object stream that only PDF 1.5 readers see.
 */
export function buildHybridPdf(): Buffer {
  const parts: Buffer[] = [];
  const offsets: Record<number, number> = {};
  let length = 0;
  const push = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    parts.push(bytes);
    length += bytes.length;
  };
  const object = (number: number, body: Buffer | string): void => {
    offsets[number] = length;
    push(`${number} 0 obj\n`);
    push(body);
    push('\nendobj\n');
  };
  push('%PDF-1.5\n%\xe2\xe3\xcf\xd3\n');
  object(1, '<< /Type /Catalog /Pages 2 0 R >>');
  object(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  object(3, '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>');
  const content = [
    'BT /F1 12 Tf 60 790 Td (PEOPLE\'S COMMITTEE OF TAY NINH) Tj ET',
    'BT /F1 16 Tf 200 690 Td (DECISION \\(hybrid-reference file\\)) Tj ET',
    'BT /F1 12 Tf 85 640 Td (Article 1. This file mixes an xref table and an xref stream.) Tj ET',
    'BT /F1 13 Tf 370 530 Td (DIRECTOR) Tj ET',
  ].join('\n');
  object(4, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  const font = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  const info = '<< /Title (Hybrid reference test) /Producer (eOffice signing tests) >>';
  const header = `5 0 7 ${font.length + 1} `;
  const packed = deflateSync(Buffer.from(`${header}${font}\n${info}`, 'latin1'));
  object(6, Buffer.concat([
    Buffer.from(`<< /Type /ObjStm /N 2 /First ${header.length} /Filter /FlateDecode /Length ${packed.length} >>\nstream\n`, 'latin1'),
    packed,
    Buffer.from('\nendstream', 'latin1'),
  ]));
  const rows = Buffer.from([2, 0, 0, 0, 6, 0, 0, 2, 0, 0, 0, 6, 0, 1]); // objects 5 and 7: in stream 6
  object(8, Buffer.concat([
    Buffer.from(`<< /Type /XRef /Size 9 /W [1 4 2] /Index [5 1 7 1] /Length ${rows.length} >>\nstream\n`, 'latin1'),
    rows,
    Buffer.from('\nendstream', 'latin1'),
  ]));
  const xrefOffset = length;
  const entry = (n: number): string => `${String(offsets[n]).padStart(10, '0')} 00000 n \n`;
  // Objects 5 and 7 are left out of the table (poppler, like PDF 1.4 readers, stops at a free
  // entry), so only the XRefStm lists them.
  push(`xref\n0 5\n0000000000 65535 f \n${entry(1)}${entry(2)}${entry(3)}${entry(4)}6 1\n${entry(6)}8 1\n${entry(8)}`);
  push(`trailer\n<< /Size 9 /Root 1 0 R /Info 7 0 R /XRefStm ${offsets[8]} >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
  return Buffer.concat(parts);
}

export const HYBRID_LAYOUT: DraftLayout = {
  leaderSignature: { page: 'last', rect: { x: 330, y: 410, width: 160, height: 95 } },
  documentNumber: { page: 0, rect: { x: 60, y: 740, width: 180, height: 20 } },
  issueDateLine: { page: 0, rect: { x: 270, y: 740, width: 280, height: 20 } },
};

/** A classic-xref PDF whose trailer /Size (40) is above its highest object number (4). */
export function buildPdfWithSizeGap(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 300] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets = objects.map((text, i) => {
    const offset = body.length;
    body += `${i + 1} 0 obj\n${text}\nendobj\n`;
    return offset;
  });
  const xref = body.length;
  body += `xref\n0 5\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size 40 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
