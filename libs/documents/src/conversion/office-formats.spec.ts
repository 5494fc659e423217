import { hasOfficeSignature, officeExtensionOf } from './office-formats';

describe('office formats', () => {
  it('maps detected media types to the extension LibreOffice converts', () => {
    expect(officeExtensionOf('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(officeExtensionOf('application/vnd.oasis.opendocument.text')).toBe('odt');
    expect(officeExtensionOf('application/x-cfb')).toBe('doc');
    expect(officeExtensionOf('application/rtf')).toBe('rtf');
    expect(officeExtensionOf('application/pdf')).toBeNull();
  });

  it('recognises each format by its first bytes and nothing else', () => {
    expect(hasOfficeSignature('docx', Buffer.from('PK\x03\x04rest', 'latin1'))).toBe(true);
    expect(hasOfficeSignature('odt', Buffer.from('PK\x03\x04', 'latin1'))).toBe(true);
    expect(hasOfficeSignature('doc', Buffer.from('d0cf11e0a1b11ae100', 'hex'))).toBe(true);
    expect(hasOfficeSignature('rtf', Buffer.from('{\\rtf1\\ansi', 'latin1'))).toBe(true);
    expect(hasOfficeSignature('docx', Buffer.from('Công văn số 12', 'utf8'))).toBe(false);
    expect(hasOfficeSignature('rtf', Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
    expect(hasOfficeSignature('doc', Buffer.alloc(3))).toBe(false);
  });
});
