import { detectLegacyEncoding, type LegacyEncoding } from '../vietnamese-text';
import { convertLegacyVietnamese, toUnicode } from './legacy-converter';
import { TCVN3_TO_UNICODE } from './tcvn3-table';
import { VNI_CANONICAL, VNI_TO_UNICODE } from './vni-table';

// Test-only encoder: the tables inverted. Round trips through it prove the tables are
// consistent; the literal strings further down prove they match real legacy text.
function encoderFor(table: ReadonlyMap<string, string>): (text: string) => string {
  const inverse = new Map([...table].map(([legacy, unicode]) => [unicode, legacy]));
  // TCVN3 has no code for most capitals: ABC typists used the lower-case code (see tcvn3-table.ts).
  return (text) =>
    [...text.normalize('NFC')].map((c) => inverse.get(c) ?? inverse.get(c.toLowerCase()) ?? c).join('');
}
const ENCODE: Record<LegacyEncoding, (text: string) => string> = {
  TCVN3: encoderFor(TCVN3_TO_UNICODE),
  VNI: encoderFor(VNI_CANONICAL),
};
/** What TCVN3 can carry: capitals without a VN3 code come back lower-case. */
const TCVN3_LETTERS = new Set(TCVN3_TO_UNICODE.values());
const tcvn3Expected = (text: string) =>
  [...text]
    .map((c) => (!TCVN3_LETTERS.has(c) && TCVN3_LETTERS.has(c.toLowerCase()) ? c.toLowerCase() : c))
    .join('');

const PHRASES = [
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Độc lập - Tự do - Hạnh phúc',
  'Sở Giáo dục và Đào tạo tỉnh Tây Ninh',
  'Về việc tổ chức kỳ thi',
  'Ủy ban nhân dân',
  'Quyết định',
  'Thượng khẩn',
  'Hỏa tốc',
  'Đặng Thị Ưng, Đỗ Văn Ơn, Ăn Đức Ương, Trương Thị Bưởi',
  'Số: 05/QĐ-SGDĐT ngày 12/3/2026 (về việc điều động)',
];

// Every tone (acute, grave, hook, tilde, dot below) on every vowel, lower and upper case.
const ALL_LETTERS = [...'aăâeêioôơuưy'].flatMap((base) =>
  ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'].map((tone) => (base + tone).normalize('NFC')),
);
const ALL_LETTERS_TEXT = [...ALL_LETTERS, 'đ'].join(' ');

describe('legacy Vietnamese tables', () => {
  it('cover exactly the Vietnamese letters each encoding defines', () => {
    expect(TCVN3_TO_UNICODE.size).toBe(74); // 67 lower-case letters + Ă Â Ê Ô Ơ Ư Đ
    expect(VNI_CANONICAL.size).toBe(134); // 67 letters in both cases
    expect(VNI_TO_UNICODE.size).toBe(134 + 2 * 58); // + both mixed-case forms of the 58 two-character keys
    expect(new Set(TCVN3_TO_UNICODE.values()).size).toBe(74);
    expect(new Set(VNI_CANONICAL.values()).size).toBe(134);
    for (const letter of ALL_LETTERS.filter((c) => !/[a-z]/.test(c)).concat('đ')) {
      expect([...TCVN3_TO_UNICODE.values()]).toContain(letter);
      expect([...VNI_CANONICAL.values()]).toContain(letter);
      expect([...VNI_CANONICAL.values()]).toContain(letter.toUpperCase());
    }
  });

  it('map to single precomposed NFC letters from Latin-1 keys', () => {
    for (const [legacy, unicode] of [...TCVN3_TO_UNICODE, ...VNI_TO_UNICODE]) {
      expect([...unicode]).toHaveLength(1);
      expect(unicode.normalize('NFC')).toBe(unicode);
      expect(legacy).toMatch(/^[\u0020-\u00FF]{1,2}$/);
    }
  });
});

describe('convertLegacyVietnamese on literal legacy text', () => {
  it.each([
    // vietnamese-text.spec.ts (the strings the detector was built on)
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam'],
    ['Së Gi¸o dôc vµ §µo t¹o', 'Sở Giáo dục và Đào tạo'],
    // duydev/vietnamese-conversion example/basic-usage.js
    ['TiÕng ViÖt rÊt hay', 'Tiếng Việt rất hay'],
    // Ductrung03/DuBaoMatRung server/test.js (Lào Cai place names; ư is an invisible U+00AD)
    ['B¶o Th¾ng', 'Bảo Thắng'],
    ['M\u00ADêng Kh\u00AD¬ng', 'Mường Khương'],
    ['B¸t X¸t', 'Bát Xát'],
    // backupvietsoft/HRM ConvertVNI/XtraForm1.cs
    ['Ninh B×nh', 'Ninh Bình'],
  ])('TCVN3 %s', (legacy, unicode) => {
    expect(convertLegacyVietnamese(legacy, 'TCVN3')).toBe(unicode);
  });

  it.each([
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam'],
    ['Sôû Giaùo duïc vaø Ñaøo taïo', 'Sở Giáo dục và Đào tạo'],
    // duydev/vietnamese-conversion README.md and example/basic-usage.js
    ['Xin chaøo caùc baïn', 'Xin chào các bạn'],
    ['Tieáng Vieät raát hay', 'Tiếng Việt rất hay'],
  ])('VNI %s', (legacy, unicode) => {
    expect(convertLegacyVietnamese(legacy, 'VNI')).toBe(unicode);
  });

  it('decodes every tone on every vowel (hand-written legacy forms)', () => {
    // TCVN3 orders tones grave, hook, tilde, acute, dot below.
    expect(convertLegacyVietnamese('µ¶·¸¹ »¼½¾Æ ÇÈÉÊË ÌÎÏÐÑ ÒÓÔÕÖ ×ØÜÝÞ', 'TCVN3')).toBe(
      'àảãáạ ằẳẵắặ ầẩẫấậ èẻẽéẹ ềểễếệ ìỉĩíị',
    );
    expect(convertLegacyVietnamese('ßáâãä åæçèé êëìíî ïñòóô õö÷øù úûüýþ', 'TCVN3')).toBe(
      'òỏõóọ ồổỗốộ ờởỡớợ ùủũúụ ừửữứự ỳỷỹýỵ',
    );
    expect(convertLegacyVietnamese('¨©ª«¬\u00AD® ¡¢£¤¥¦§', 'TCVN3')).toBe('ăâêôơưđ ĂÂÊÔƠƯĐ');
    // VNI orders tones acute, grave, hook, tilde, dot below (keys 1–5).
    const vni = (legacy: string) => convertLegacyVietnamese(legacy, 'VNI');
    expect(vni('aùaøaûaõaï aáaàaåaãaä aéaèaúaüaë eùeøeûeõeï eáeàeåeãeä íìæóò')).toBe(
      'áàảãạ ấầẩẫậ ắằẳẵặ éèẻẽẹ ếềểễệ íìỉĩị',
    );
    expect(vni('oùoøoûoõoï oáoàoåoãoä ôùôøôûôõôï uùuøuûuõuï öùöøöûöõöï yùyøyûyõî')).toBe(
      'óòỏõọ ốồổỗộ ớờởỡợ úùủũụ ứừửữự ýỳỷỹỵ',
    );
    expect(vni('aâ aê eâ oâ ô ö ñ AÂ AÊ EÂ OÂ Ô Ö Ñ')).toBe('â ă ê ô ơ ư đ Â Ă Ê Ô Ơ Ư Đ');
    expect(vni('AÙAØAÛAÕAÏ ÔÙÔØÔÛÔÕÔÏ ÍÌÆÓÒ YÙYØYÛYÕÎ')).toBe('ÁÀẢÃẠ ỚỜỞỠỢ ÍÌỈĨỊ ÝỲỶỸỴ');
  });
});

describe('convertLegacyVietnamese round trips', () => {
  describe.each<LegacyEncoding>(['TCVN3', 'VNI'])('%s', (encoding) => {
    const expected = (text: string) => (encoding === 'TCVN3' ? tcvn3Expected(text) : text);

    it.each(PHRASES)('%s', (phrase) => {
      const legacy = ENCODE[encoding](phrase);
      expect(legacy).not.toBe(phrase); // the phrase really was encoded
      const converted = convertLegacyVietnamese(legacy, encoding);
      expect(converted).toBe(expected(phrase));
      expect(converted.normalize('NFC')).toBe(converted);
      expect(detectLegacyEncoding(converted)).toBeNull();
    });

    it('every letter with every tone, lower and upper case', () => {
      for (const text of [ALL_LETTERS_TEXT, ALL_LETTERS_TEXT.toUpperCase()]) {
        expect(convertLegacyVietnamese(ENCODE[encoding](text), encoding)).toBe(expected(text));
      }
    });
  });

  it('lower-cases TCVN3 capitals that only .VnTimeH could show', () => {
    expect(ENCODE.TCVN3('Ủy ban')).toBe('ñy ban');
    expect(convertLegacyVietnamese('ñy ban nh©n d©n', 'TCVN3')).toBe('ủy ban nhân dân');
    expect(convertLegacyVietnamese('§¹i héi', 'TCVN3')).toBe('Đại hội'); // Đ has its own code
  });

  it('matches the longest VNI key first', () => {
    expect(convertLegacyVietnamese('thôøi ngöôøi thuôû', 'VNI')).toBe('thời người thuở');
    expect(convertLegacyVietnamese('ôù', 'VNI')).toBe('ớ'); // not ơ + ù
  });

  it('takes the case of the VNI base letter when base and mark disagree', () => {
    expect(convertLegacyVietnamese('ÑAÏI HOÏC', 'VNI')).toBe('ĐẠI HỌC');
    expect(convertLegacyVietnamese('Aùo Ñoûa', 'VNI')).toBe('Áo Đỏa');
    expect(convertLegacyVietnamese('aÙo', 'VNI')).toBe('áo');
  });

  it('recovers legacy text that was decomposed (NFD) on the way in', () => {
    const vni = 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'.normalize('NFD');
    expect(vni).not.toBe(vni.normalize('NFC'));
    expect(convertLegacyVietnamese(vni, 'VNI')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
  });

  it('leaves ASCII, digits and punctuation alone', () => {
    const text = 'UBND 2026 - No. 05/QD (a+b) "x" @ #1';
    expect(convertLegacyVietnamese(text, 'TCVN3')).toBe(text);
    expect(convertLegacyVietnamese(text, 'VNI')).toBe(text);
  });
});

describe('toUnicode', () => {
  it.each([
    ['Céng hoµ x· héi chñ nghÜa ViÖt Nam', 'Cộng hoà xã hội chủ nghĩa Việt Nam', 'TCVN3'],
    ['Së Gi¸o dôc vµ §µo t¹o tØnh T©y Ninh', 'Sở Giáo dục và Đào tạo tỉnh Tây Ninh', 'TCVN3'],
    ['Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam', 'Cộng hòa xã hội chủ nghĩa Việt Nam', 'VNI'],
    ['Ñoäc laäp - Töï do - Haïnh phuùc', 'Độc lập - Tự do - Hạnh phúc', 'VNI'],
  ])('converts %s', (legacy, unicode, encoding) => {
    const result = toUnicode(legacy);
    expect(result).toEqual({ text: unicode, convertedFrom: encoding });
    expect(detectLegacyEncoding(result.text)).toBeNull();
    expect(result.text.normalize('NFC')).toBe(result.text);
  });

  const unicode = [...PHRASES, 'Report on budget — café, naïve, São Paulo', ''];
  it.each(unicode)('leaves Unicode alone: %s', (text) => {
    expect(toUnicode(text)).toEqual({ text, convertedFrom: null });
  });

  it('returns Unicode input as NFC', () => {
    const decomposed = 'Về việc tổ chức kỳ thi'.normalize('NFD');
    expect(toUnicode(decomposed)).toEqual({ text: 'Về việc tổ chức kỳ thi', convertedFrom: null });
  });
});
