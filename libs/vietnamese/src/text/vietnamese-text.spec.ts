import { cleanVietnameseText } from './clean-text';
import { detectLegacyEncoding } from './vietnamese-text';

describe('Vietnamese text', () => {
  it.each([
    'Cộng hòa xã hội chủ nghĩa Việt Nam',
    'Về việc tổ chức kỳ thi tốt nghiệp THPT năm 2026',
    'Sở Giáo dục và Đào tạo tỉnh Tây Ninh',
    'Số: 05/QĐ-SGDĐT',
    'Report on budget (2026) — café, naïve, São Paulo',
    'UBND tỉnh Điện Biên',
    'Israël, Noël et Zoë à Genève',
  ])('accepts Unicode: %s', (text) => {
    expect(detectLegacyEncoding(text)).toBeNull();
  });

  it.each([
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'TCVN3'],
    ['Së Gi¸o dôc vµ §µo t¹o', 'TCVN3'],
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'VNI'],
    ['Sôû Giaùo duïc vaø Ñaøo taïo', 'VNI'],
    ['Quyeát ñònh', 'VNI'],
    ['Thöôïng khaån', 'VNI'],
    ['Nguyeãn Vaên An', 'VNI'],
  ])('detects legacy text: %s', (text, encoding) => {
    expect(detectLegacyEncoding(text)).toBe(encoding);
  });

  it('normalises to NFC and collapses whitespace', () => {
    const decomposed = '  Về   việc\n tuyển sinh '.normalize('NFD');
    const clean = cleanVietnameseText(decomposed, 'subject');
    expect(clean).toBe('Về việc tuyển sinh');
    expect(clean).toBe(clean.normalize('NFC'));
  });

  it('refuses legacy text with LEGACY_ENCODING naming the field', () => {
    expect(() => cleanVietnameseText('Céng hoµ x· héi', 'subject')).toThrow(
      expect.objectContaining({ code: 'LEGACY_ENCODING', errors: [expect.objectContaining({ field: 'subject' })] }),
    );
  });
});
