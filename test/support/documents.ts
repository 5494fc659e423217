import { PDFDocument, StandardFonts } from 'pdf-lib';
import { Client } from './http';

/** A real one-page PDF, as a scanner or a word processor would hand it over. */
export async function makePdf(text: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  // Helvetica has no Vietnamese letters: the scan's text content does not matter here.
  const ascii = text.normalize('NFD').replace(/[^\x20-\x7e]/g, '');
  page.drawText(ascii, { x: 72, y: 760, size: 12, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

export function filePart(form: FormData, field: string, data: Buffer, filename: string, type = 'application/pdf'): FormData {
  form.append(field, new Blob([new Uint8Array(data)], { type }), filename);
  return form;
}

export interface IncomingMetadata {
  sourceNumberSymbol: string;
  sourceDate: string;
  issuingAuthority: string;
  documentType: string;
  subject: string;
  urgency: string;
  confidentiality: string;
  receivedVia: string;
  [key: string]: unknown;
}

export function incomingMetadata(overrides: Partial<IncomingMetadata> = {}): IncomingMetadata {
  return {
    sourceNumberSymbol: '125/UBND-VX',
    sourceDate: '2026-11-20',
    issuingAuthority: 'UBND tỉnh Tây Ninh',
    documentType: 'Công văn',
    subject: 'Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh',
    urgency: 'normal',
    confidentiality: 'normal',
    receivedVia: 'paper',
    ...overrides,
  };
}

export async function registerIncoming(
  clerk: Client,
  overrides: Partial<IncomingMetadata> = {},
  headers: Record<string, string> = {},
) {
  const form = new FormData();
  form.append('metadata', JSON.stringify(incomingMetadata(overrides)));
  filePart(form, 'scan', await makePdf(`scan ${String(overrides.subject ?? '')}`), 'scan.pdf');
  return clerk.post('/api/v1/incoming', form, headers);
}

/** Kết thúc: the lead closes with a result note and a result file. */
export async function closeWithResult(client: Client, id: string, note = 'Đã xử lý xong') {
  const form = new FormData();
  form.append('result', JSON.stringify({ note }));
  filePart(form, 'file', await makePdf(`ket qua ${id}`), 'ket-qua.pdf');
  return client.post(`/api/v1/incoming/${id}/close`, form);
}
