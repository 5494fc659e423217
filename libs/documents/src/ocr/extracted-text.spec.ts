import { MAX_EXTRACTED_CHARS, needsOcr, normaliseExtractedText } from './extracted-text';

describe('extracted text', () => {
  it('asks for OCR when pages carry (almost) no letters', () => {
    expect(needsOcr('', 1)).toBe(true);
    expect(needsOcr('\f\f  12 \f', 3)).toBe(true);
    expect(needsOcr('ĐẾN Số: 15', 2)).toBe(true); // a stamp on an otherwise scanned document
    expect(needsOcr('Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026', 1)).toBe(false);
    expect(needsOcr('Về việc tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh năm học 2026', 10)).toBe(true);
  });

  it('flattens whitespace and page breaks, composes to NFC and drops NUL', () => {
    const decomposed = 'Ho\u0323c sinh'.normalize('NFD');
    expect(normaliseExtractedText(`  Kế hoạch\nbồi dưỡng\f\f${decomposed}\u0000giỏi  `)).toBe('Kế hoạch bồi dưỡng Học sinh giỏi');
  });

  it('converts text from legacy TCVN3 fonts to Unicode', () => {
    expect(normaliseExtractedText('Céng hoµ x· héi chñ nghÜa')).toBe('Cộng hoà xã hội chủ nghĩa');
  });

  it('caps the text at a word boundary', () => {
    const text = normaliseExtractedText('giáo viên '.repeat(MAX_EXTRACTED_CHARS / 5));
    expect(text.length).toBeLessThanOrEqual(MAX_EXTRACTED_CHARS);
    expect(text.endsWith('giáo') || text.endsWith('viên')).toBe(true);
  });
});
