import { companionName } from './record-index';

describe('names of the files that travel with a filed document', () => {
  const pdf = { mimeType: 'application/pdf', originalName: 'ket-qua.PDF' };
  it('names each by the document, its role and position, and the stored type', () => {
    expect(companionName('0002-van-ban-di.pdf', 'appendix', 1, pdf)).toBe('0002-van-ban-di.phu-luc-01.pdf');
    expect(companionName('0001-van-ban-den.pdf', 'result', 1, pdf)).toBe('0001-van-ban-den.ket-qua.pdf');
    const docx = { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', originalName: 'du thao.docx' };
    expect(companionName('0002-van-ban-di.pdf', 'draft', 3, docx)).toBe('0002-van-ban-di.du-thao-v3.docx');
    expect(companionName('0002-van-ban-di.pdf', 'draft-pdf', 3, pdf)).toBe('0002-van-ban-di.du-thao-v3-pdf.pdf');
  });
  it('takes the extension of the upload for a type it does not know, never a path from the name', () => {
    expect(companionName('0001-van-ban-den.pdf', 'original', 1, { mimeType: 'application/x-signed', originalName: '../../x.P7S' })).toBe('0001-van-ban-den.ban-goc.p7s');
    expect(companionName('0001-van-ban-den.pdf', 'original', 1, { mimeType: 'application/octet-stream', originalName: null })).toBe('0001-van-ban-den.ban-goc.bin');
  });
});
