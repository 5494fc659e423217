import { PDFDocument } from 'pdf-lib';
import { verifyPdfSignatures } from '@eoffice/signing';
import { plainlyUnsigned, unsignedReport } from './archival-evidence.service';

async function plainPdf(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage([200, 200]).drawText('Văn bản scan'.normalize('NFD').replace(/[^\x20-\x7e]/g, ''));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe('plainlyUnsigned (the hand-over package skips the object parse of an unsigned PDF)', () => {
  it('recognises a one-revision PDF without a signature, whose full check gives the same report', async () => {
    const pdf = await plainPdf();
    expect(plainlyUnsigned(pdf)).toBe(true);
    expect(verifyPdfSignatures(pdf)).toEqual(unsignedReport());
  });

  it('leaves to the full check a PDF with a byte range, an encryption dictionary or a later revision', async () => {
    const pdf = await plainPdf();
    expect(plainlyUnsigned(Buffer.concat([pdf, Buffer.from('\n% /ByteRange [0 1 2 3]\n')]))).toBe(false);
    expect(plainlyUnsigned(Buffer.from(pdf.toString('latin1').replace('/Root', '/Encrypt 9 0 R /Root'), 'latin1'))).toBe(false);
    expect(plainlyUnsigned(Buffer.concat([pdf, Buffer.from('\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< >>\nstartxref\n0\n%%EOF\n')]))).toBe(false);
    expect(plainlyUnsigned(Buffer.from('not a pdf'))).toBe(false);
  });
});
