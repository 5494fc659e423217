import { initialsOf, normaliseNumberSymbol, numberLineRest } from './number-notation';

describe('number and notation', () => {
  it('finds the number line however "Số:" was read', () => {
    expect(numberLineRest('Số: 125/SGDĐT-VP')).toBe('125/SGDĐT-VP');
    expect(numberLineRest('Sô 125/SGDĐT-VP')).toBe('125/SGDĐT-VP');
    expect(numberLineRest('S6: 05/2024/NĐ-CP')).toBe('05/2024/NĐ-CP');
    expect(numberLineRest('Số lượng học sinh')).toBeNull();
    expect(numberLineRest('Số:      /SGDĐT-VP')).toBeNull();
  });

  it.each([
    ['125/SGDĐT-VP', [], '125/SGDĐT-VP'],
    ['05/2024/NĐ-CP', [], '05/2024/NĐ-CP'],
    ['125lSGDĐT-VP', [], '125/SGDĐT-VP'],
    ['1251SGDĐT-VP', [], '125/SGDĐT-VP'],
    ['11/SGDĐT-VP', [], '11/SGDĐT-VP'],
    ['05I2024lNĐ-CP', [], '05/2024/NĐ-CP'],
    ['05/2024/ND-CP', [], '05/2024/NĐ-CP'],
    ['125 / SGDDT - VP', ['SỞ GIÁO DỤC VÀ ĐÀO TẠO'], '125/SGDĐT-VP'],
    ['12/QD-UBND', [], '12/QĐ-UBND'],
    ['96/TB-STTTTI', ['SỞ THÔNG TIN VÀ TRUYỀN THÔNG'], '96/TB-STTTT'],
    ['7/TTR-SNV', ['SỞ NỘI VỤ'], '7/TTr-SNV'],
    ['12/QĐ-SGDĐT-M', [], '12/QĐ-SGDĐT-M'],
  ])('%s → %s', (raw, authorities, expected) => {
    expect(normaliseNumberSymbol(raw, authorities)).toBe(expected);
  });

  it('has no number without digits before the notation', () => {
    expect(normaliseNumberSymbol('/SGDĐT-VP')).toBeNull();
  });

  it('makes notation initials as agencies do (và left out, Đ kept)', () => {
    expect(initialsOf('SỞ GIÁO DỤC VÀ ĐÀO TẠO')).toBe('SGDĐT');
    expect(initialsOf('ỦY BAN NHÂN DÂN')).toBe('UBND');
  });
});
