import { baseUsername, nextFreeUsername, stripDiacritics } from './username';

describe('username rule', () => {
  it.each([
    ['Nguyễn Văn Bằng', 'bangnv'],
    ['Trần Thị Ánh Tuyết', 'tuyettta'],
    ['Đặng Quang Huy', 'huydq'],
    ['Lê Đức Đạt', 'datld'],
    ['Phạm Thị Thu Hà', 'haptt'],
    ['Hoàng Long', 'longh'],
    ['Vũ', 'vu'],
    ['  nguyễn   văn   bằng  ', 'bangnv'],
    ['Ngô Bảo Châu', 'chaunb'],
    ['Bùi Thị Xuân', 'xuanbt'],
    ['Lương Thế Vinh', 'vinhlt'],
    ['Huỳnh Tấn Phát', 'phatht'],
    ['Tôn Nữ Thị Ninh', 'ninhtnt'],
    ['Y Moan Ênuôl', 'enuolym'],
  ])('%s → %s', (name, expected) => {
    expect(baseUsername(name)).toBe(expected);
  });

  it('handles decomposed (NFD) input the same as composed', () => {
    expect(baseUsername('Nguyễn Văn Bằng'.normalize('NFD'))).toBe('bangnv');
  });

  it('strips every Vietnamese diacritic including đ/Đ', () => {
    expect(stripDiacritics('ĐÀ NẴNG đường Ưu Ơn ỹ')).toBe('DA NANG duong Uu On y');
  });

  it('appends 2, 3, ... on a clash', () => {
    expect(nextFreeUsername('bangnv', new Set())).toBe('bangnv');
    expect(nextFreeUsername('bangnv', new Set(['bangnv']))).toBe('bangnv2');
    expect(nextFreeUsername('bangnv', new Set(['bangnv', 'bangnv2']))).toBe('bangnv3');
  });

  it('refuses a name without letters', () => {
    expect(() => baseUsername(' - ')).toThrow();
  });
});
