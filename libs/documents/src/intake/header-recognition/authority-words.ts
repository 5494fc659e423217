import { editDistance, letterKey } from './text-folding';

/**
 * The vocabulary of authority names (Decree 30 Phụ lục I: the authority as named in its founding
 * act): kinds of bodies, their fields and the provinces. OCR of bold capitals most often gets a
 * tone mark wrong (SƠ for SỞ, TĨNH for TỈNH); a run of words that reads as one of these phrases,
 * marks aside and a letter or two off on long ones, is written as the phrase.
 */
const KINDS = [
  'ỦY BAN NHÂN DÂN', 'HỘI ĐỒNG NHÂN DÂN', 'SỞ', 'BỘ', 'PHÒNG', 'BAN', 'CỤC', 'TỔNG CỤC', 'CHI CỤC', 'VỤ', 'VIỆN', 'TRƯỜNG', 'ĐẠI HỌC',
  'HỌC VIỆN', 'BỆNH VIỆN', 'TRUNG TÂM', 'VĂN PHÒNG', 'THANH TRA', 'KHO BẠC NHÀ NƯỚC', 'CÔNG AN', 'BẢO HIỂM XÃ HỘI', 'CHÍNH PHỦ',
  'QUỐC HỘI', 'TỈNH', 'HUYỆN', 'THÀNH PHỐ', 'THỊ XÃ', 'QUẬN', 'PHƯỜNG', 'XÃ', 'THỊ TRẤN', 'TRUNG HỌC PHỔ THÔNG', 'TRUNG HỌC CƠ SỞ',
  'TIỂU HỌC', 'MẦM NON', 'SƯ PHẠM', 'KỸ THUẬT', 'CAO ĐẲNG', 'UBND', 'HĐND',
];
const FIELDS = [
  'GIÁO DỤC VÀ ĐÀO TẠO', 'TÀI CHÍNH', 'NỘI VỤ', 'Y TẾ', 'TƯ PHÁP', 'KẾ HOẠCH VÀ ĐẦU TƯ', 'TÀI NGUYÊN VÀ MÔI TRƯỜNG', 'GIAO THÔNG VẬN TẢI',
  'THÔNG TIN VÀ TRUYỀN THÔNG', 'LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'VĂN HÓA, THỂ THAO VÀ DU LỊCH', 'CÔNG THƯƠNG', 'XÂY DỰNG',
  'NÔNG NGHIỆP VÀ PHÁT TRIỂN NÔNG THÔN', 'KHOA HỌC VÀ CÔNG NGHỆ', 'NGOẠI VỤ', 'DÂN TỘC', 'TÔN GIÁO', 'THI ĐUA - KHEN THƯỞNG',
  'QUỐC PHÒNG', 'CÔNG AN', 'NGOẠI GIAO', 'TỔ CHỨC CÁN BỘ', 'KẾ HOẠCH - TÀI CHÍNH', 'HÀNH CHÍNH', 'QUẢN LÝ',
];
/** The 63 provinces and cities (before the 2025 mergers, as most archives still write them). */
const PROVINCES = [
  'HÀ NỘI', 'HỒ CHÍ MINH', 'HẢI PHÒNG', 'ĐÀ NẴNG', 'CẦN THƠ', 'AN GIANG', 'BÀ RỊA - VŨNG TÀU', 'BẮC GIANG', 'BẮC KẠN', 'BẠC LIÊU',
  'BẮC NINH', 'BẾN TRE', 'BÌNH ĐỊNH', 'BÌNH DƯƠNG', 'BÌNH PHƯỚC', 'BÌNH THUẬN', 'CÀ MAU', 'CAO BẰNG', 'ĐẮK LẮK', 'ĐẮK NÔNG',
  'ĐIỆN BIÊN', 'ĐỒNG NAI', 'ĐỒNG THÁP', 'GIA LAI', 'HÀ GIANG', 'HÀ NAM', 'HÀ TĨNH', 'HẢI DƯƠNG', 'HẬU GIANG', 'HÒA BÌNH', 'HƯNG YÊN',
  'KHÁNH HÒA', 'KIÊN GIANG', 'KON TUM', 'LAI CHÂU', 'LÂM ĐỒNG', 'LẠNG SƠN', 'LÀO CAI', 'LONG AN', 'NAM ĐỊNH', 'NGHỆ AN', 'NINH BÌNH',
  'NINH THUẬN', 'PHÚ THỌ', 'PHÚ YÊN', 'QUẢNG BÌNH', 'QUẢNG NAM', 'QUẢNG NGÃI', 'QUẢNG NINH', 'QUẢNG TRỊ', 'SÓC TRĂNG', 'SƠN LA',
  'TÂY NINH', 'THÁI BÌNH', 'THÁI NGUYÊN', 'THANH HÓA', 'THỪA THIÊN HUẾ', 'TIỀN GIANG', 'TRÀ VINH', 'TUYÊN QUANG', 'VĨNH LONG',
  'VĨNH PHÚC', 'YÊN BÁI',
];

/** Marks aside, and a vowel OCR doubled under a stacked mark ("PHAÁP") taken once. */
const key = (text: string) => letterKey(text).replace(/([aeiouy])\1/g, '$1');
/** Misread letters allowed: none on short phrases (PHÒNG must not become PHƯỜNG), one or two on long ones. */
const allowed = (phraseKey: string) => (phraseKey.replace(/ /g, '').length < 8 ? 0 : phraseKey.length <= 16 ? 1 : 2);

const PHRASES = [...KINDS, ...FIELDS, ...PROVINCES]
  .map((phrase) => ({ words: phrase.split(' '), key: key(phrase) }))
  .sort((a, b) => b.words.length - a.words.length || b.key.length - a.key.length);

/** An authority's line(s) with misread words put right where they read as a known phrase. */
export function correctAuthority(text: string): string {
  const tokens = text.split(' ').filter(Boolean);
  const fixed = tokens.map(() => false);
  const out: (string[] | null)[] = tokens.map((token) => [token]);
  // Exact readings first, so that a phrase that is there is not taken for a near one.
  for (const fuzzy of [false, true]) {
    for (const phrase of PHRASES) replace(phrase, fuzzy ? allowed(phrase.key) : 0);
  }
  return out.filter((words): words is string[] => words !== null).flat().join(' ');

  function replace(phrase: (typeof PHRASES)[number], limit: number): void {
    const size = phrase.words.length;
    for (let start = 0; start + size <= tokens.length; start += 1) {
      if (fixed.slice(start, start + size).some(Boolean)) continue;
      const read = key(tokens.slice(start, start + size).join(' '));
      if (read[0] !== phrase.key[0] || editDistance(read, phrase.key, limit) > limit) continue;
      out[start] = phrase.words;
      for (let i = start; i < start + size; i += 1) {
        fixed[i] = true;
        if (i > start) out[i] = null;
      }
    }
  }
}
