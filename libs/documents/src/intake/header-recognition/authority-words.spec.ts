import { correctAuthority } from './authority-words';
import { splitAuthority } from './authority-lines';

describe('authority names', () => {
  it.each([
    ['SƠ TÀI CHÍNH', 'SỞ TÀI CHÍNH'],
    ['ỦY, BAN NHÂN DÂN TĨNH BÁC GIANG', 'ỦY BAN NHÂN DÂN TỈNH BẮC GIANG'],
    ['SỞ TƯ PHAÁP', 'SỞ TƯ PHÁP'],
    ['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI', 'SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI'],
    ['PHÒNG GIÁO DỤC VÀ ĐÀO TẠO', 'PHÒNG GIÁO DỤC VÀ ĐÀO TẠO'],
    ['BỆNH VIỆN BẠCH MAI', 'BỆNH VIỆN BẠCH MAI'],
  ])('%s → %s', (read, expected) => expect(correctAuthority(read)).toBe(expected));

  it('tells the parent authority from an issuer written over two lines', () => {
    expect(splitAuthority(['UBND TỈNH TÂY NINH', 'SỞ NỘI VỤ'])).toEqual({ parent: 'UBND TỈNH TÂY NINH', issuer: 'SỞ NỘI VỤ' });
    expect(splitAuthority(['ỦY BAN NHÂN DÂN', 'TỈNH TÂY NINH'])).toEqual({ parent: null, issuer: 'ỦY BAN NHÂN DÂN TỈNH TÂY NINH' });
    expect(splitAuthority(['BỘ Y TẾ', 'BỆNH VIỆN BẠCH MAI'])).toEqual({ parent: 'BỘ Y TẾ', issuer: 'BỆNH VIỆN BẠCH MAI' });
    expect(splitAuthority(['—'])).toEqual({ parent: null, issuer: null });
  });
});
