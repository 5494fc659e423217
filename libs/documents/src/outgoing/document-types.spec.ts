import { formatNumberSymbol } from '@eoffice/signing';
import { DOCUMENT_TYPES, findDocumentType, notationFor } from './document-types';

describe('Decree 30 document types and notation', () => {
  it('finds a type by name or abbreviation, in any case and Unicode form', () => {
    expect(findDocumentType('Quyết định').abbreviation).toBe('QĐ');
    expect(findDocumentType('qđ').name).toBe('Quyết định');
    expect(findDocumentType('Quyết định'.normalize('NFD')).abbreviation).toBe('QĐ');
    expect(findDocumentType('QyĐ').name).toBe('Quy định');
  });

  it('has no CV code for công văn', () => {
    expect(findDocumentType('Công văn').abbreviation).toBeNull();
    expect(() => findDocumentType('CV')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it('builds the notation of a typed document and of a công văn', () => {
    expect(formatNumberSymbol(5, notationFor(findDocumentType('QĐ'), 'SGDĐT', 'VP'))).toBe('05/QĐ-SGDĐT');
    expect(formatNumberSymbol(12, notationFor(findDocumentType('Công văn'), 'SGDĐT', 'GDTrH'))).toBe('12/SGDĐT-GDTrH');
    expect(formatNumberSymbol(12, notationFor(findDocumentType('QĐ'), 'SGDĐT', 'VP', 'secret'))).toBe('12/QĐ-SGDĐT-M');
    expect(formatNumberSymbol(3, notationFor(findDocumentType('Công văn'), 'SGDĐT', 'VP', 'confidential'))).toBe('03/SGDĐT-VP-M');
  });

  it('keeps abbreviations unique', () => {
    const codes = DOCUMENT_TYPES.map((t) => t.abbreviation).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
